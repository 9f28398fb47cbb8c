// name: document_citations
// description: Every directive a document cites, with the relation, the mention and its sentence.
// param document: string — the document id
MATCH (d:Document)-[c:CITES]->(k:Directive)
WHERE d.id = $document
RETURN k.key AS key, k.doc_type AS doc_type, k.number AS number, k.symbol AS symbol, c.relation AS relation,
       c.kind AS kind, c.text AS text, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence, c.item AS item
ORDER BY c.ord
