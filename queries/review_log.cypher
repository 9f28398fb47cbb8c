// name: review_log
// description: Inspectors' decisions on the month-to-month links, oldest first: who, when, what (confirm, reject, link, verdict), the note, both items' texts when decided, the linker's score and verdict then; task_item and target_item are the items the decision names today by stable key (null: not found by key; `vanban review log` also re-attaches edited items and marks the rest orphaned).
// param unit: string? — only this unit
// param reviewer: string? — only this reviewer
MATCH (r:Review)
WHERE ($unit IS NULL OR r.unit = $unit) AND ($reviewer IS NULL OR r.reviewer = $reviewer)
// the items through the unit's documents: LadybugDB has no index on stable_key, and reads the unit's items, not every item
OPTIONAL MATCH (sd:Document)-[:HAS_ITEM]->(s:Item {stable_key: r.source_key})
WHERE $unit IS NULL OR sd.unit = $unit
OPTIONAL MATCH (td:Document)-[:HAS_ITEM]->(t:Item {stable_key: r.target_key})
WHERE $unit IS NULL OR td.unit = $unit
RETURN r.at AS at, r.reviewer AS reviewer, r.unit AS unit, r.action AS action, r.kind AS kind, r.verdict AS verdict,
       r.note AS note, r.source_text AS task, r.target_text AS target, r.computed_score AS computed_score,
       r.computed_verdict AS computed_verdict, s.id AS task_item, t.id AS target_item, r.id AS review
ORDER BY at, review
