// name: carry_over
// description: Links from a task to the same task planned again in a later month (the effective links: source says human or computed).
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[c:CARRIED_OVER]->(n:Item)
WHERE $unit IS NULL OR d.unit = $unit
RETURN d.unit AS unit, t.period AS from_period, t.text AS from_task, n.period AS to_period, n.text AS to_task,
       c.score AS score, c.source AS source
ORDER BY unit, from_period, to_period, t.id, n.id
