// name: document_mentions
// description: Every mention in a document with its span: citations (with their sentence), bodies (issuer, assigned, named) and people.
// param document: string — the document id
MATCH (d:Document {id: $document})-[c:CITES]->(k:Directive)
RETURN 'citation' AS kind, c.text AS text, c.span_start AS span_start, c.span_end AS span_end, k.key AS target,
       k.label AS label, c.relation AS role, c.evidence AS evidence, c.item AS item
UNION ALL
MATCH (d:Document {id: $document})-[m:MENTIONS]->(b:Body)
RETURN 'body' AS kind, m.text AS text, m.span_start AS span_start, m.span_end AS span_end, b.id AS target,
       b.name AS label, 'mention' AS role, '' AS evidence, m.item AS item
UNION ALL
MATCH (d:Document {id: $document})-[:HAS_ITEM]->(i:Item)-[a:ASSIGNED_TO]->(b:Body)
RETURN 'body' AS kind, a.text AS text, a.span_start AS span_start, a.span_end AS span_end, b.id AS target,
       b.name AS label, a.role AS role, '' AS evidence, i.id AS item
UNION ALL
MATCH (d:Document {id: $document})-[s:ISSUED_BY]->(b:Body)
RETURN 'body' AS kind, s.text AS text, s.span_start AS span_start, s.span_end AS span_end, b.id AS target,
       b.name AS label, 'issuer' AS role, '' AS evidence, '' AS item
UNION ALL
MATCH (d:Document {id: $document})-[m:MENTIONS]->(p:Person)
RETURN 'person' AS kind, m.text AS text, m.span_start AS span_start, m.span_end AS span_end, p.id AS target,
       p.name AS label, 'mention' AS role, '' AS evidence, m.item AS item
