// name: documents_page
// description: One page of documents, newest first (by date, else by the month they review or plan), with the columns of documents: the overview's latest documents and the document picker (the total: overview_counts).
// param unit: string? — only the documents of this unit
// param skip: int = 0 — rows to pass over (the pages before)
// param limit: int = 50 — at most this many rows (one page)
MATCH (d:Document)
WHERE $unit IS NULL OR d.unit = $unit
WITH d, coalesce(d.date, d.reported_period, d.planned_period) AS sort
ORDER BY sort DESC, d.id DESC
SKIP $skip LIMIT $limit
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.issuer AS issuer, d.unit AS unit, d.date AS date, d.reported_period AS reported_period,
       d.planned_period AS planned_period, d.source AS source, d.sha256 AS sha256
ORDER BY sort DESC, document DESC
