// name: board_links
// description: Follow-through links of tasks, by item id: the later results that answer them (followed_by, with verdict and evidence) and the same task planned again (carried_over).
// param unit: string? — only this unit
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[f:FOLLOWED_BY]->(r:Item)<-[:HAS_ITEM]-(e:Document)
WHERE $unit IS NULL OR d.unit = $unit
RETURN 'followed_by' AS link, t.id AS from_item, r.id AS to_item, r.period AS to_period, r.text AS to_text,
       e.id AS to_document, f.verdict AS verdict, f.score AS score, f.evidence AS evidence, f.source AS source
UNION ALL
MATCH (d:Document)-[:HAS_ITEM]->(t:Item)-[c:CARRIED_OVER]->(n:Item)<-[:HAS_ITEM]-(e:Document)
WHERE $unit IS NULL OR d.unit = $unit
RETURN 'carried_over' AS link, t.id AS from_item, n.id AS to_item, n.period AS to_period, n.text AS to_text,
       e.id AS to_document, 'carried_over' AS verdict, c.score AS score, n.text AS evidence, c.source AS source
