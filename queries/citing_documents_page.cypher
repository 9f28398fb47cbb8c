// name: citing_documents_page
// description: One page of citing_documents (same columns, same order): the documents citing a directive, with the sentence of the first citation in each (the total: directive_summary).
// param key: string — citation key of the directive
// param skip: int = 0 — rows to pass over (the pages before)
// param limit: int = 50 — at most this many rows (one page)
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
WITH d, min(c.ord) AS first
WITH d, first, coalesce(d.date, d.reported_period, d.planned_period) AS sort
ORDER BY sort, d.id
SKIP $skip LIMIT $limit
MATCH (d)-[c:CITES]->(k:Directive)
WHERE c.ord = first AND k.key = $key
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.unit AS unit, d.date AS date, c.evidence AS evidence
ORDER BY sort, document
