// name: board_tasks
// description: Tasks with their unit, month, verdict, the bodies they assign (lead, partner), their themes and the directives cited in them: the rows of the follow-through board, filtered and one page at a time (ordered by unit, month, document, position).
// param unit: string? — only this unit
// param from_period: month? — only tasks planned for this month or later
// param to_period: month? — only tasks planned for this month or earlier
// param verdicts: strings? — only these verdicts (done, partial, carried_over, silent, pending)
// param text: words? — only tasks whose text holds every word (accents optional)
// param items: strings? — only these tasks (item ids; the filters by body, theme and directive give them: board_match)
// param skip: int = 0 — rows to pass over (the pages before)
// param limit: int = 200 — at most this many rows (one page)
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)
WHERE ($unit IS NULL OR d.unit = $unit)
WITH d, t
WHERE t.role = 'task'
  AND ($items IS NULL OR t.id IN $items)
  AND ($verdicts IS NULL OR t.verdict IN $verdicts)
  AND ($from_period IS NULL OR coalesce(t.period, d.planned_period) >= $from_period)
  AND ($to_period IS NULL OR coalesce(t.period, d.planned_period) <= $to_period)
  AND ($text IS NULL OR all(w IN $text WHERE t.folded CONTAINS w))
WITH d, t, coalesce(t.period, d.planned_period) AS period
ORDER BY d.unit, period, d.id, t.ord
SKIP $skip LIMIT $limit
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(b:Body)
WITH d, t, period, collect(CASE WHEN a.role = 'lead' THEN b.name ELSE NULL END) AS leads,
     collect(CASE WHEN a.role = 'partner' THEN b.name ELSE NULL END) AS partners
OPTIONAL MATCH (t)-[:ABOUT]->(th:Theme)
WITH d, t, period, leads, partners, collect(th.label) AS themes
OPTIONAL MATCH (d)-[c:CITES]->(k:Directive)
WHERE c.item = t.id
WITH d, t, period, leads, partners, themes, collect(k.key) AS directive_keys, collect(k.label) AS directives
RETURN t.id AS item, d.id AS document, d.unit AS unit, period, t.path AS path,
       t.text AS task, t.verdict AS verdict, t.verdict_source AS verdict_source, t.stable_key AS stable_key, leads, partners, themes, directive_keys, directives
ORDER BY unit, period, document, t.ord
