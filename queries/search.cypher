// name: search
// description: Accent-insensitive search over documents, directives, bodies and items ("dong hai" finds "Đông Hải").
// param q: folded — words to look for, with or without accents
// param limit: int = 50 — at most this many of each kind
MATCH (d:Document) WHERE d.folded CONTAINS $q
RETURN 'Document' AS kind, d.id AS id, coalesce(d.title, d.id) AS label, d.unit AS context
LIMIT $limit
UNION ALL
MATCH (k:Directive) WHERE k.folded CONTAINS $q
RETURN 'Directive' AS kind, k.key AS id, k.label AS label, k.issuer AS context
LIMIT $limit
UNION ALL
MATCH (b:Body) WHERE b.folded CONTAINS $q
RETURN 'Body' AS kind, b.id AS id, b.name AS label, b.kind AS context
LIMIT $limit
UNION ALL
MATCH (d:Document)-[:HAS_ITEM]->(i:Item) WHERE i.folded CONTAINS $q
RETURN 'Item' AS kind, i.id AS id, i.text AS label, d.unit AS context
LIMIT $limit
