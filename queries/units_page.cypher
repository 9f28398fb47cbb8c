// name: units_page
// description: One page of the units with documents, in name order, each with how many documents and the first and last month they cover (the columns of units); q keeps the units whose name holds the words, accents optional (the total: overview_counts).
// param q: folded? — words of the unit's name, with or without accents ("dong hai")
// param skip: int = 0 — rows to pass over (the pages before)
// param limit: int = 50 — at most this many rows (one page)
MATCH (u:Unit)
WHERE $q IS NULL OR u.folded CONTAINS $q
MATCH (d:Document)-[:PART_OF]->(u)
WITH d.unit AS unit, count(d) AS documents,
     min(coalesce(d.reported_period, d.planned_period, left(d.date, 7))) AS first,
     max(coalesce(d.planned_period, d.reported_period, left(d.date, 7))) AS last
RETURN unit, documents, first, last
ORDER BY unit
SKIP $skip LIMIT $limit
