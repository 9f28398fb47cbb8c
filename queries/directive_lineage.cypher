// name: directive_lineage
// description: Documents above (cited by it, depth < 0) and below (citing it, depth > 0) a directive in the citation chain, at their shortest distance.
// param key: string — citation key of the directive
// A chain runs Document -CITES-> Directive -REALIZED_BY-> Document -CITES-> ...:
// two hops per level. min() matters: LadybugDB walks may reuse an edge, so a
// cycle (A cites B, B cites A) yields longer paths Neo4j never returns. The
// directive's own text (REALIZED_BY) is neither above nor below it.
MATCH p = (d:Document)-[:CITES|REALIZED_BY*1..9]->(k:Directive {key: $key})
WHERE NOT (k)-[:REALIZED_BY]->(d)
WITH d, min(length(p)) AS hops
RETURN d.id AS document, d.key AS key, d.doc_type AS doc_type, d.issuer AS issuer, d.date AS date,
       (hops + 1) / 2 AS depth
UNION ALL
MATCH p = (k:Directive {key: $key})-[:REALIZED_BY|CITES*2..10]->(a:Directive)
WHERE a.key <> $key
WITH a, min(length(p)) AS hops
RETURN a.ingested_document AS document, a.key AS key, a.doc_type AS doc_type, a.issuer AS issuer, a.date AS date,
       -(hops / 2) AS depth
