// name: documents
// description: Ingested documents, oldest first (by date, else by the month they review or plan).
// param unit: string? — only the documents of this unit, as written in their header ("phường Đồ Sơn")
MATCH (d:Document)
WHERE $unit IS NULL OR d.unit = $unit
RETURN d.id AS document, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.issuer AS issuer, d.unit AS unit, d.date AS date, d.reported_period AS reported_period,
       d.planned_period AS planned_period, d.source AS source, d.sha256 AS sha256
ORDER BY coalesce(d.date, d.reported_period, d.planned_period), d.id
