// name: document_items
// description: A document's items in order: numbering, role, month, text, span, verdict and themes.
// param document: string — the document id
MATCH (d:Document {id: $document})-[:HAS_ITEM]->(i:Item)
OPTIONAL MATCH (i)-[:ABOUT]->(t:Theme)
WITH i, collect(t.label) AS themes
RETURN i.id AS item, i.local_id AS local_id, i.path AS path, i.role AS role, i.period AS period,
       i.section AS section, i.text AS text, i.span_start AS span_start, i.span_end AS span_end,
       i.verdict AS verdict, themes
ORDER BY i.ord
