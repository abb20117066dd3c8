// Cypher used only by the results ingest test: the results a test wrote, metrics, and cleanup.

/** Results on the test's datasets (ids containing `$infix`), one line of facts each. */
export const RESULT_FACTS = `
MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON_DATASET]->(d:Dataset)
WHERE d.id CONTAINS $infix
MATCH (r)-[:BY_METRIC]->(mt:Metric)
OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
OPTIONAL MATCH (r)-[:FOR_TASK]->(t:Task)
RETURN p.id AS paper, r.source AS source, d.id AS dataset, mt.id AS metric, m.id AS method, t.id AS task,
       r.value AS value, r.unit AS unit, r.rawValue AS rawValue, r.date AS date
ORDER BY paper, dataset, metric, method, value`;

export const METRIC = `MATCH (m:Metric {id: $id}) RETURN properties(m) AS props`;

export const PAPER = `MATCH (p:Paper {id: $id}) RETURN properties(p) AS props`;

/** Deletes the test's results and papers, then entities of the prefix left without relationships. */
export const CLEANUP_RESULTS = `
CALL {
  MATCH (r:Result)-[:ON_DATASET]->(d:Dataset) WHERE d.id CONTAINS $infix
  DETACH DELETE r
}
CALL {
  MATCH (p:Paper) WHERE p.id IN $papers
  DETACH DELETE p
}
CALL {
  MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task) AND n.id CONTAINS $infix AND NOT (n)--()
  DELETE n
}`;
