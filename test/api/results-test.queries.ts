// Cypher used only by the results API test: cleanup of what it wrote (ids containing `lbt`).
export const RESULTS_CLEANUP = `
CALL {
  MATCH (r:Result)-[:ON_DATASET]->(d:Dataset) WHERE d.id CONTAINS ':lbt'
  DETACH DELETE r
}
CALL {
  MATCH (p:Paper) WHERE p.id STARTS WITH 'lbt-'
  DETACH DELETE p
}
CALL {
  MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task OR n:Metric) AND n.id CONTAINS ':lbt'
  DETACH DELETE n
}
CALL {
  MATCH (t:__Retraction) WHERE t.from STARTS WITH 'lbt-'
  DELETE t
}
CALL {
  MATCH (t:__Redirect) WHERE t.id CONTAINS ':lbt'
  DELETE t
}`;

/** Two metrics of this test's own (`metric:lbt...`, no results): a merge of them touches no other test's metric. */
export const LBT_METRICS = `
UNWIND [['metric:lbtpoints', 'Lbt Points'], ['metric:lbtscore', 'Lbt Score']] AS m
MERGE (n:Metric {id: m[0]})
SET n.name = m[1], n.aliases = [m[1]], n.keys = [toLower(replace(m[1], ' ', ''))], n.higherIsBetter = true`;
