// name: directive_sources
// description: Directives that the ingested text of a directive cites, one row each, with the sentence of the first citation: one step up a lineage.
// param key: string — citation key of the directive
MATCH (x:Directive {key: $key})-[:REALIZED_BY]->(d:Document)-[c:CITES]->(k:Directive)
WITH d, k, min(c.ord) AS first
MATCH (d)-[c:CITES]->(k)
WHERE c.ord = first
RETURN d.id AS document, k.key AS key, k.label AS label, k.doc_type AS doc_type, k.number AS number,
       k.symbol AS symbol, k.issuer AS issuer, k.date AS date, k.ingested AS ingested, c.text AS mention,
       c.evidence AS evidence, c.relation AS relation, d.unit AS unit,
       coalesce(d.reported_period, d.planned_period, left(d.date, 7)) AS month
ORDER BY first
