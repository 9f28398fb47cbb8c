// name: body_tasks_by_month
// description: Each body's task load per month: tasks it leads, tasks it partners on.
// param body: folded? — only bodies whose id or name holds these words, accents optional
// param unit: string? — only documents of this unit
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[a:ASSIGNED_TO]->(b:Body)
WHERE ($body IS NULL OR b.id = $body OR b.folded CONTAINS $body) AND ($unit IS NULL OR d.unit = $unit)
WITH b, t.period AS period, count(DISTINCT t) AS tasks,
     sum(CASE WHEN a.role = 'lead' THEN 1 ELSE 0 END) AS lead,
     sum(CASE WHEN a.role = 'partner' THEN 1 ELSE 0 END) AS partner
RETURN b.id AS body_id, b.name AS body, period, tasks, lead, partner
ORDER BY period, tasks DESC, body
