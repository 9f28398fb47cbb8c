// name: directive_timeline
// description: A directive's citations over time: per month and unit, how many documents cite it and how often.
// param key: string — citation key of the directive
MATCH (d:Document)-[c:CITES]->(k:Directive {key: $key})
WITH coalesce(d.reported_period, d.planned_period, left(d.date, 7)) AS month, d.unit AS unit,
     count(DISTINCT d) AS documents, count(c) AS citations
RETURN month, unit, documents, citations
ORDER BY month, unit
