// name: board_tasks
// description: Every task with its unit, month, verdict, the bodies it assigns (lead, partner), its themes and the directives cited in it: the rows of the follow-through board.
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)
WHERE t.role = 'task' AND ($unit IS NULL OR d.unit = $unit)
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(b:Body)
WITH d, t, collect(CASE WHEN a.role = 'lead' THEN b.name ELSE NULL END) AS leads,
     collect(CASE WHEN a.role = 'partner' THEN b.name ELSE NULL END) AS partners
OPTIONAL MATCH (t)-[:ABOUT]->(th:Theme)
WITH d, t, leads, partners, collect(th.label) AS themes
OPTIONAL MATCH (d)-[c:CITES]->(k:Directive)
WHERE c.item = t.id
WITH d, t, leads, partners, themes, collect(k.key) AS directive_keys, collect(k.label) AS directives
RETURN t.id AS item, d.id AS document, d.unit AS unit, coalesce(t.period, d.planned_period) AS period, t.path AS path,
       t.text AS task, t.verdict AS verdict, t.verdict_source AS verdict_source, t.stable_key AS stable_key, leads, partners, themes, directive_keys, directives
ORDER BY unit, period, document, t.ord
