// name: directives
// description: Every directive the store knows, cited or ingested, with the title of its ingested text and how many documents cite it.
MATCH (k:Directive)
OPTIONAL MATCH (d:Document)-[:CITES]->(k)
WITH k, count(DISTINCT d) AS documents
OPTIONAL MATCH (k)-[:REALIZED_BY]->(r:Document)
RETURN k.key AS key, k.label AS label, k.doc_type AS doc_type, k.number AS number, k.symbol AS symbol,
       k.issuer AS issuer, k.date AS date, k.ingested AS ingested, min(r.title) AS title, documents
ORDER BY documents DESC, key
