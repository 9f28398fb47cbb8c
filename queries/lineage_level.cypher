// name: lineage_level
// description: The rows of lineage_edges for one level of a lineage walk, at most limit of them: first the edges up from these directives (what their ingested texts cite), then those down (the documents citing them), each in the order of lineage_edges. The Dòng chỉ đạo page reads a level through it, so a directive cited by thousands of documents costs a page, not its whole citing set.
// param directives: strings — the directive keys of the level
// param limit: int = 500 — at most this many rows
MATCH (d:Document)-[c:CITES]->(k:Directive)
WHERE k.key IN $directives OR d.key IN $directives
WITH d, k, min(c.ord) AS first, count(c) AS citations
WITH d, k, first, citations, CASE WHEN d.key IN $directives THEN 0 ELSE 1 END AS way
ORDER BY way, d.id, k.key
LIMIT $limit
MATCH (d)-[c:CITES]->(k)
WHERE c.ord = first
RETURN d.id AS document, d.key AS document_key, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.issuer AS issuer, d.unit AS unit, d.date AS date, d.title AS title,
       coalesce(d.reported_period, d.planned_period, left(d.date, 7)) AS month,
       k.key AS key, k.label AS label, k.doc_type AS cited_doc_type, k.number AS cited_number, k.symbol AS cited_symbol,
       k.issuer AS cited_issuer, k.date AS cited_date, k.ingested AS ingested,
       c.text AS mention, c.evidence AS evidence, c.relation AS relation, first, citations
ORDER BY way, document, key
