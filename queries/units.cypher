// name: units
// description: Units with documents: how many, and the first and last month they cover.
MATCH (d:Document)
WHERE d.unit IS NOT NULL
WITH d.unit AS unit, count(d) AS documents,
     min(coalesce(d.reported_period, d.planned_period, left(d.date, 7))) AS first,
     max(coalesce(d.planned_period, d.reported_period, left(d.date, 7))) AS last
RETURN unit, documents, first, last
ORDER BY unit
