// name: directive_units_page
// description: One page of the units citing a directive, those citing it in the most documents first: per unit how many documents and citations, the first and the last month (the total: directive_summary).
// param key: string — citation key of the directive
// param skip: int = 0 — rows to pass over (the pages before)
// param limit: int = 50 — at most this many rows (one page)
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
WITH d.unit AS unit, count(DISTINCT d) AS documents, count(c) AS citations,
     min(coalesce(d.reported_period, d.planned_period, left(d.date, 7))) AS first,
     max(coalesce(d.reported_period, d.planned_period, left(d.date, 7))) AS last
RETURN unit, documents, citations, first, last
ORDER BY documents DESC, citations DESC, unit
SKIP $skip LIMIT $limit
