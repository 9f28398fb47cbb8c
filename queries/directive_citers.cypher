// name: directive_citers
// description: Documents citing a directive, one row per citing document, with its own key (when it is numbered), unit, month and the sentence of its first citation: one step down a lineage.
// param key: string — citation key of the directive
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
WITH d, min(c.ord) AS first
MATCH (d)-[c:CITES]->(k:Directive {key: $key})
WHERE c.ord = first
RETURN d.id AS document, d.key AS document_key, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.issuer AS issuer, d.unit AS unit, d.date AS date, d.title AS title,
       coalesce(d.reported_period, d.planned_period, left(d.date, 7)) AS month, c.text AS mention,
       c.evidence AS evidence, c.relation AS relation
ORDER BY coalesce(d.date, d.reported_period, d.planned_period), d.id
