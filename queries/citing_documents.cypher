// name: citing_documents
// description: Documents that cite a directive, one row each, with the sentence of its first citation there.
// param key: string — citation key of the directive (the "key" of a citation in vanban parse)
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
WITH d, min(c.ord) AS first
MATCH (d)-[c:CITES]->(k:Directive {key: $key})
WHERE c.ord = first
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.unit AS unit, d.date AS date, c.evidence AS evidence
ORDER BY coalesce(d.date, d.reported_period, d.planned_period), d.id
