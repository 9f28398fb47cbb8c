// name: recurring_limitations
// description: Limitations that come back, in other words, in a later month of the same unit.
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(l:Item)-[c:RECURS]->(n:Item)
WHERE $unit IS NULL OR d.unit = $unit
RETURN d.unit AS unit, l.period AS period, l.text AS limitation, n.period AS next_period, n.text AS next_limitation,
       c.score AS score
ORDER BY unit, period, next_period, l.id, n.id
