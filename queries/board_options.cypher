// name: board_options
// description: What the follow-through board's filters offer for a scope: the bodies its tasks assign, their themes, the directives cited in them and the months planned (kind, value, the label of a directive, and how many tasks), aggregated without loading a task.
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[:ASSIGNED_TO]->(b:Body)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH t, b
WHERE t.role = 'task'
RETURN 'body' AS kind, b.name AS value, '' AS label, count(DISTINCT t) AS tasks
UNION ALL
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[:ABOUT]->(th:Theme)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH t, th
WHERE t.role = 'task'
RETURN 'theme' AS kind, th.label AS value, '' AS label, count(DISTINCT t) AS tasks
UNION ALL
MATCH (k:Directive)<-[c:CITES]-(d:Document)-[:HAS_ITEM]->(t:Item)
WHERE c.item = t.id AND ($unit IS NULL OR d.unit = $unit)
WITH k, t
WHERE t.role = 'task'
WITH k.key AS key, k.label AS name, t.id AS task
RETURN 'directive' AS kind, key AS value, name AS label, count(DISTINCT task) AS tasks
UNION ALL
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH d, t
WHERE t.role = 'task' AND coalesce(t.period, d.planned_period) IS NOT NULL
RETURN 'month' AS kind, coalesce(t.period, d.planned_period) AS value, '' AS label,
       count(DISTINCT t) AS tasks
