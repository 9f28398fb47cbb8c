// name: board_match
// description: Tasks a body leads or supports, tasks about a theme, tasks citing a directive (one row per task and filter that it passes, kind body, theme or directive): the board passes the tasks that pass every filter given to board_tasks as items.
// param unit: string? — only this unit
// param bodies: strings? — tasks one of these bodies leads or supports (body names)
// param themes: strings? — tasks about one of these themes (theme labels)
// param directives: strings? — tasks that cite one of these directives (citation keys)
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[:ASSIGNED_TO]->(b:Body)
WHERE $bodies IS NOT NULL AND ($unit IS NULL OR d.unit = $unit) AND b.name IN $bodies
WITH t
WHERE t.role = 'task'
RETURN DISTINCT 'body' AS kind, t.id AS item
UNION ALL
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[:ABOUT]->(th:Theme)
WHERE $themes IS NOT NULL AND ($unit IS NULL OR d.unit = $unit) AND th.label IN $themes
WITH t
WHERE t.role = 'task'
RETURN DISTINCT 'theme' AS kind, t.id AS item
UNION ALL
MATCH (k:Directive)<-[c:CITES]-(d:Document)-[:HAS_ITEM]->(t:Item)
WHERE $directives IS NOT NULL AND c.item = t.id AND ($unit IS NULL OR d.unit = $unit) AND k.key IN $directives
WITH t
WHERE t.role = 'task'
RETURN DISTINCT 'directive' AS kind, t.id AS item
