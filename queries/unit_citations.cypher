// name: unit_citations
// description: For the follow-through linker: every directive each document of a unit cites, anywhere in it (title and preamble included).
// param unit: string — the unit (e.g. phường Đồ Sơn)
MATCH (d:Document)-[:CITES]->(k:Directive)
WHERE d.unit = $unit
RETURN DISTINCT d.id AS document, k.key AS key
ORDER BY document, key
