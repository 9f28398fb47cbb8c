// name: directive_months
// description: A directive's citations month by month, every unit together: how many units and documents cite it and how often (directive_timeline summed over the units).
// param key: string — citation key of the directive
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
WITH coalesce(d.reported_period, d.planned_period, left(d.date, 7)) AS month,
     count(DISTINCT d.unit) AS units, count(DISTINCT d) AS documents, count(c) AS citations
RETURN month, units, documents, citations
ORDER BY month
