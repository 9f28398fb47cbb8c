// name: lineage_edges
// description: The edges of the citation chain, one row per citing document and directive it cites: the citing document (its own key when it is numbered, its unit and month), the cited directive, how many times it is cited there and the sentence of the first citation. The one source of every lineage: the Dòng chỉ đạo page walks it a level at a time, the networkx analytics read all of it.
// param directives: strings? — only the edges that touch these directive keys (cited by a document, or cited by the ingested text of one): one step up and one step down from each; every edge when left out
MATCH (d:Document)-[c:CITES]->(k:Directive)
WHERE $directives IS NULL OR k.key IN $directives OR d.key IN $directives
WITH d, k, min(c.ord) AS first, count(c) AS citations
MATCH (d)-[c:CITES]->(k)
WHERE c.ord = first
RETURN d.id AS document, d.key AS document_key, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.issuer AS issuer, d.unit AS unit, d.date AS date, d.title AS title,
       coalesce(d.reported_period, d.planned_period, left(d.date, 7)) AS month,
       k.key AS key, k.label AS label, k.doc_type AS cited_doc_type, k.number AS cited_number, k.symbol AS cited_symbol,
       k.issuer AS cited_issuer, k.date AS cited_date, k.ingested AS ingested,
       c.text AS mention, c.evidence AS evidence, c.relation AS relation, first, citations
ORDER BY d.id, k.key
