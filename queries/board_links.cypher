// name: board_links
// description: Follow-through links of tasks, by item id: the later results that answer them (followed_by, with verdict and evidence) and the same task planned again (carried_over); for one page of the board, the links of its tasks only.
// param unit: string? — only this unit
// param items: strings? — only the links of these tasks (item ids)
// param link: string? — only this kind of link: followed_by or carried_over
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[f:FOLLOWED_BY]->(r:Item)<-[:HAS_ITEM]-(e:Document)
WHERE ($unit IS NULL OR d.unit = $unit) AND ($items IS NULL OR t.id IN $items) AND ($link IS NULL OR $link = 'followed_by')
RETURN 'followed_by' AS link, t.id AS from_item, r.id AS to_item, r.period AS to_period, r.text AS to_text,
       e.id AS to_document, f.verdict AS verdict, f.score AS score, f.evidence AS evidence, f.source AS source,
       coalesce(t.period, d.planned_period) AS from_period
UNION ALL
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[c:CARRIED_OVER]->(n:Item)<-[:HAS_ITEM]-(e:Document)
WHERE ($unit IS NULL OR d.unit = $unit) AND ($items IS NULL OR t.id IN $items) AND ($link IS NULL OR $link = 'carried_over')
RETURN 'carried_over' AS link, t.id AS from_item, n.id AS to_item, n.period AS to_period, n.text AS to_text,
       e.id AS to_document, 'carried_over' AS verdict, c.score AS score, n.text AS evidence, c.source AS source,
       coalesce(t.period, d.planned_period) AS from_period
