// name: themes_by_month
// description: How many items touch each theme, month by month.
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(i:Item)-[:ABOUT]->(t:Theme)
WHERE ($unit IS NULL OR d.unit = $unit) AND coalesce(i.period, d.reported_period, d.planned_period) IS NOT NULL
WITH t, coalesce(i.period, d.reported_period, d.planned_period) AS period, count(DISTINCT i) AS items
RETURN t.label AS theme, period, items
ORDER BY period, items DESC, theme
