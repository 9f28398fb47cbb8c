// name: tasks_by_body
// description: Tasks assigned to a body, as lead or partner, month by month.
// param body: folded — the body: its id, or words of its name, accents optional ("ubnd phuong dong hai", "Công an phường")
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[a:ASSIGNED_TO]->(b:Body)
WHERE (b.id = $body OR b.folded CONTAINS $body) AND a.role IN ['lead', 'partner']
RETURN d.unit AS unit, t.period AS period, t.text AS task, a.role AS role
ORDER BY period, unit, d.id, t.ord, role
