// name: directive_summary
// description: How far a directive reaches, counted in the store (one row): the documents and units citing it, its citations, the first and the last month they fall in.
// param key: string — citation key of the directive
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
RETURN count(DISTINCT d) AS documents, count(DISTINCT d.unit) AS units, count(c) AS citations,
       min(coalesce(d.reported_period, d.planned_period, left(d.date, 7))) AS first,
       max(coalesce(d.reported_period, d.planned_period, left(d.date, 7))) AS last
