// name: task_status
// description: Every task with its deadline, its verdict, the bodies that lead it, the later results that answer it (with the date and months of the report that gives them) and the task it was carried over to: what the official status (hoàn thành đúng hạn / quá hạn, chưa hoàn thành trong hạn / quá hạn) is computed from, as of a date (graph.status).
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH d, t
WHERE t.role = 'task'
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(b:Body)
WITH d, t, collect(CASE WHEN a.role = 'lead' THEN b.name ELSE NULL END) AS leads
// the linked items' documents filtered by the unit too: LadybugDB then reads the unit's items, not every item
OPTIONAL MATCH (t)-[f:FOLLOWED_BY]->(r:Item)<-[:HAS_ITEM]-(e:Document)
WHERE $unit IS NULL OR e.unit = $unit
OPTIONAL MATCH (t)-[:CARRIED_OVER]->(n:Item)<-[:HAS_ITEM]-(ne:Document)
WHERE $unit IS NULL OR ne.unit = $unit
RETURN t.id AS item, d.id AS document, d.unit AS unit, coalesce(t.period, d.planned_period) AS period, t.path AS path,
       t.text AS task, t.span_start AS task_start, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.date AS document_date, t.deadline AS deadline, t.deadline_due AS deadline_due, t.deadline_source AS deadline_source,
       t.deadline_start AS deadline_start, t.deadline_end AS deadline_end, t.verdict AS verdict, leads,
       r.id AS result_item, r.text AS result, f.verdict AS result_verdict, e.id AS result_document, e.date AS result_date,
       coalesce(r.months, e.reported_months, e.reported_period) AS result_months, n.id AS next_item
ORDER BY unit, period, document, t.ord, result_item
