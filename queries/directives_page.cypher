// name: directives_page
// description: One page of the directives, most cited first, with the columns of directives; q keeps those whose label, issuer or title holds the words (accents optional), key one directive: the pickers of the Dòng chỉ đạo and Truy vấn pages.
// param q: folded? — words of the label, issuer or title, with or without accents ("57-nq/tw", "chuyen doi so")
// param key: string? — only this directive (its citation key)
// param skip: int = 0 — rows to pass over (the pages before)
// param limit: int = 50 — at most this many rows (one page)
MATCH (k:Directive)
WHERE ($key IS NULL OR k.key = $key) AND ($q IS NULL OR k.folded CONTAINS $q)
OPTIONAL MATCH (d:Document)-[:CITES]->(k)
WITH k, count(DISTINCT d) AS documents
ORDER BY documents DESC, k.key
SKIP $skip LIMIT $limit
OPTIONAL MATCH (k)-[:REALIZED_BY]->(r:Document)
RETURN k.key AS key, k.label AS label, k.doc_type AS doc_type, k.number AS number, k.symbol AS symbol,
       k.issuer AS issuer, k.date AS date, k.ingested AS ingested, min(r.title) AS title, documents
ORDER BY documents DESC, key
