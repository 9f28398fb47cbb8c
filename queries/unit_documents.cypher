// name: unit_documents
// description: A unit's documents in order, with how many items, tasks and citations each holds.
// param unit: string — the unit, as written in the headers ("phường Đồ Sơn")
MATCH (d:Document)
WHERE d.unit = $unit
OPTIONAL MATCH (d)-[:HAS_ITEM]->(i:Item)
WITH d, count(i) AS items, sum(CASE WHEN i.role = 'task' THEN 1 ELSE 0 END) AS tasks
OPTIONAL MATCH (d)-[c:CITES]->(:Directive)
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol, d.date AS date,
       d.reported_period AS reported_period, d.planned_period AS planned_period, d.title AS title,
       items, tasks, count(c) AS citations
ORDER BY coalesce(d.date, d.reported_period, d.planned_period), document
