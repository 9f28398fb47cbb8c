// name: review_item
// description: One item as a review decision needs it: its unit, role, month, text and stable key, its document and the document's date.
// param item: string — item id (document id + '#' + item id)
MATCH (d:Document)-[:HAS_ITEM]->(i:Item)
WHERE i.id = $item
RETURN i.id AS item, d.id AS document, d.unit AS unit, d.date AS date, i.role AS role, i.period AS period,
       i.text AS text, i.stable_key AS stable_key, i.verdict AS verdict, i.verdict_source AS verdict_source
