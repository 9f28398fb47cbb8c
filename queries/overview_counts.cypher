// name: overview_counts
// description: How much there is, counted in the store: documents, units, the first and the last month the units' documents cover, as units gives them (one row; the overview's figures without reading a document row).
// param unit: string? — only the documents of this unit
MATCH (d:Document)
WHERE $unit IS NULL OR d.unit = $unit
RETURN count(d) AS documents, count(DISTINCT d.unit) AS units,
       min(CASE WHEN d.unit IS NOT NULL THEN coalesce(d.reported_period, d.planned_period, left(d.date, 7)) END) AS first,
       max(CASE WHEN d.unit IS NOT NULL THEN coalesce(d.planned_period, d.reported_period, left(d.date, 7)) END) AS last
