// Cypher of the metric curation test (metric-curation.int.test.ts): cleanup of what it wrote (ids
// and paper ids containing `mcx`) and direct looks at the stored metrics.

export const METRIC_CLEANUP = `
CALL {
  MATCH (r:Result) WHERE r.paperId STARTS WITH 'mcx-'
  DETACH DELETE r
}
CALL {
  MATCH (p:Paper) WHERE p.id STARTS WITH 'mcx-'
  DETACH DELETE p
}
CALL {
  MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task OR n:Metric) AND n.id CONTAINS ':mcx'
  DETACH DELETE n
}
CALL {
  MATCH (b) WHERE (b:__Redirect AND b.id CONTAINS ':mcx')
     OR (b:__RemovedAlias AND b.entity CONTAINS ':mcx')
     OR (b:__AuditEntry AND any(t IN b.targets WHERE t CONTAINS ':mcx'))
  DETACH DELETE b
}`;

/** The stored metrics of the test, with how many results name each. */
export const METRICS_STORED = `
MATCH (mt:Metric) WHERE mt.id CONTAINS ':mcx'
RETURN mt.id AS id, mt.aliases AS aliases, mt.keys AS keys, COUNT { (mt)<-[:BY_METRIC]-(:Result) } AS results
ORDER BY id`;
