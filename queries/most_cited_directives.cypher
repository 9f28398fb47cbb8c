// name: most_cited_directives
// description: Directives cited by the most documents (then by the most citations).
// param unit: string? — count only the citing documents of this unit
// param limit: int = 20 — how many
MATCH (d:Document)-[c:CITES]->(k:Directive)
WHERE $unit IS NULL OR d.unit = $unit
WITH k, count(DISTINCT d) AS documents, count(c) AS citations
RETURN k.key AS key, k.label AS directive, k.issuer AS issuer, k.date AS date, k.ingested AS ingested,
       documents, citations
ORDER BY documents DESC, citations DESC, key
LIMIT $limit
