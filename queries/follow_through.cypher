// name: follow_through
// description: Each task planned for a month, with each later item that answers it (a result, or the task planned again) and the verdict; the effective links (an inspector's decision where there is one): source says whether the link is human or computed, verdict_source the same of the verdict.
// param unit: string? — only this unit
// param period: month? — only tasks planned for this month (YYYY-MM)
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH d, t
WHERE t.role = 'task' AND ($period IS NULL OR t.period = $period)
// the linked item's document, filtered by the unit too: LadybugDB then reads the unit's items, not every item
OPTIONAL MATCH (t)-[f:FOLLOWED_BY]->(r:Item)<-[:HAS_ITEM]-(rd:Document)
WHERE $unit IS NULL OR rd.unit = $unit
OPTIONAL MATCH (t)-[c:CARRIED_OVER]->(n:Item)<-[:HAS_ITEM]-(nd:Document)
WHERE $unit IS NULL OR nd.unit = $unit
RETURN d.unit AS unit, t.period AS period, t.text AS task, coalesce(f.verdict, t.verdict) AS verdict,
       r.text AS result, n.text AS next_task, coalesce(f.score, c.score) AS score, f.evidence AS evidence,
       coalesce(f.source, c.source) AS source, t.verdict_source AS verdict_source, t.id AS task_item
ORDER BY unit, period, d.id, t.ord, r.id, n.id
