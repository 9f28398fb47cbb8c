// name: unit_items
// description: Items of a unit's documents in document order (what the follow-through linker reads).
// param unit: string? — only this unit
// param role: string? — only this role: result, limitation, task, assignment, other
MATCH (d:Document)-[:HAS_ITEM]->(i:Item)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH d, i
WHERE ($role IS NULL OR i.role = $role)
RETURN i.id AS item, d.id AS document, d.unit AS unit, d.date AS date, d.reported_period AS reported_period,
       d.planned_period AS planned_period, d.reported_months AS reported_months, d.planned_months AS planned_months,
       i.role AS role, i.period AS period, i.months AS months, i.path AS path,
       i.section AS section, i.text AS text, i.verdict AS verdict, i.stable_key AS stable_key
ORDER BY unit, coalesce(d.date, d.reported_period, d.planned_period), document, i.ord
