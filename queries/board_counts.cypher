// name: board_counts
// description: How many tasks the follow-through board holds per unit, month and verdict, under the board's filters: the totals and the badges of the board without loading its rows.
// param unit: string? — only this unit
// param from_period: month? — only tasks planned for this month or later
// param to_period: month? — only tasks planned for this month or earlier
// param verdicts: strings? — only these verdicts (done, partial, carried_over, silent, pending)
// param text: words? — only tasks whose text holds every word (accents optional)
// param items: strings? — only these tasks (item ids; the filters by body, theme and directive give them: board_match)
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH d, t
WHERE t.role = 'task'
  AND ($items IS NULL OR t.id IN $items)
  AND ($verdicts IS NULL OR t.verdict IN $verdicts)
  AND ($from_period IS NULL OR coalesce(t.period, d.planned_period) >= $from_period)
  AND ($to_period IS NULL OR coalesce(t.period, d.planned_period) <= $to_period)
  AND ($text IS NULL OR all(w IN $text WHERE t.folded CONTAINS w))
RETURN d.unit AS unit, coalesce(t.period, d.planned_period) AS period, t.verdict AS verdict, count(*) AS tasks
ORDER BY unit, period, verdict
