// Cypher used only by the explorer test: removes the sample's curated lineage it applied.

/** Deletes the curated BUILDS_ON edges between the given [child, parent] id pairs. */
export const CLEANUP_CURATED_LINEAGE = `
UNWIND $pairs AS pair
MATCH (:Method {id: pair[0]})-[r:BUILDS_ON {source: 'curated'}]->(:Method {id: pair[1]})
DELETE r`;

/** A method with scores of its own (ids `xr`/`xplore*`): two metrics of known direction, three results each. */
export const RESULTS_FIXTURE = `
MERGE (p:Paper {id: 'xr-0001'}) SET p.title = 'XploreNet: Scores for the Explorer Test'
MERGE (m:Method {id: 'method:xplorenet'}) SET m.name = 'XploreNet', m.aliases = [], m.keys = ['xplorenet']
MERGE (d:Dataset {id: 'dataset:xploreset'}) SET d.name = 'XploreSet', d.aliases = [], d.keys = ['xploreset']
MERGE (up:Metric {id: 'metric:xploreacc'})
  SET up.name = 'Xplore accuracy', up.aliases = [], up.keys = ['xploreaccuracy'], up.higherIsBetter = true
MERGE (down:Metric {id: 'metric:xploreerr'})
  SET down.name = 'Xplore error', down.aliases = [], down.keys = ['xploreerror'], down.higherIsBetter = false
WITH p, m, d, up, down
UNWIND $rows AS row
MERGE (r:Result {id: row.id})
SET r.value = row.value, r.unit = '%', r.source = 'extracted', r.confidence = 0.9, r.evidence = '[]',
    r.paperId = 'xr-0001', r.rule = 'fixture'
MERGE (p)-[:REPORTS]->(r)
MERGE (r)-[:ON_DATASET]->(d)
MERGE (r)-[:OF_METHOD]->(m)
WITH r, row, up, down
FOREACH (_ IN CASE WHEN row.metric = 'up' THEN [1] ELSE [] END | MERGE (r)-[:BY_METRIC]->(up))
FOREACH (_ IN CASE WHEN row.metric = 'down' THEN [1] ELSE [] END | MERGE (r)-[:BY_METRIC]->(down))`;

export const RESULTS_FIXTURE_CLEANUP = `
MATCH (n) WHERE n.id IN ['xr-0001', 'method:xplorenet', 'dataset:xploreset', 'metric:xploreacc', 'metric:xploreerr']
   OR (n:Result AND n.paperId = 'xr-0001')
DETACH DELETE n`;
