// name: unit_link_features
// description: For the follow-through linker: each item of a unit's documents with the bodies it assigns, the directives it cites and its themes.
// param unit: string — the unit (e.g. phường Đồ Sơn)
MATCH (d:Document)-[:HAS_ITEM]->(i:Item)
WHERE d.unit = $unit
OPTIONAL MATCH (i)-[:ASSIGNED_TO]->(b:Body)
WITH d, i, collect(DISTINCT b.id) AS bodies
OPTIONAL MATCH (i)-[:ABOUT]->(t:Theme)
WITH d, i, bodies, collect(DISTINCT t.id) AS themes
OPTIONAL MATCH (d)-[c:CITES]->(k:Directive)
WHERE c.item = i.id
RETURN i.id AS item, d.id AS document, d.key AS document_key, bodies, themes, collect(DISTINCT k.key) AS citations
ORDER BY document, item
