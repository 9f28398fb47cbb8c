// name: document_detail
// description: One document: its header fields and its normalised text, which every span of it indexes into.
// param document: string — the document id (the "document" column of the documents query)
MATCH (d:Document {id: $document})
RETURN d.id AS document, d.key AS key, d.doc_type AS doc_type, d.number AS number, d.symbol AS symbol,
       d.issuer AS issuer, d.unit AS unit, d.place AS place, d.date AS date, d.title AS title,
       d.reported_period AS reported_period, d.planned_period AS planned_period, d.signer AS signer,
       d.source AS source, d.format AS format, d.sha256 AS sha256, d.text AS text
