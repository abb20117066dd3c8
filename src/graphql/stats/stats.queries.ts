// Cypher for `Query.stats`: node counts per domain label and relationship counts per type (count
// store lookups), in one statement. Each count is aggregated before the label is attached: a
// constant in the RETURN would make it a grouping key, and a grouped count of no rows is no row.

export const STATS = `
CALL {
  MATCH (n:Paper) WITH count(n) AS count RETURN 'Paper' AS label, count
  UNION ALL MATCH (n:Method) WITH count(n) AS count RETURN 'Method' AS label, count
  UNION ALL MATCH (n:Dataset) WITH count(n) AS count RETURN 'Dataset' AS label, count
  UNION ALL MATCH (n:Task) WITH count(n) AS count RETURN 'Task' AS label, count
  UNION ALL MATCH (n:Concept) WITH count(n) AS count RETURN 'Concept' AS label, count
  UNION ALL MATCH (n:Repo) WITH count(n) AS count RETURN 'Repo' AS label, count
}
WITH collect({label: label, count: count}) AS labels
CALL {
  MATCH ()-[r:INTRODUCES]->() WITH count(r) AS count RETURN 'INTRODUCES' AS type, count
  UNION ALL MATCH ()-[r:USES]->() WITH count(r) AS count RETURN 'USES' AS type, count
  UNION ALL MATCH ()-[r:EVALUATES_ON]->() WITH count(r) AS count RETURN 'EVALUATES_ON' AS type, count
  UNION ALL MATCH ()-[r:ADDRESSES]->() WITH count(r) AS count RETURN 'ADDRESSES' AS type, count
  UNION ALL MATCH ()-[r:MENTIONS]->() WITH count(r) AS count RETURN 'MENTIONS' AS type, count
  UNION ALL MATCH ()-[r:HAS_CODE]->() WITH count(r) AS count RETURN 'HAS_CODE' AS type, count
  UNION ALL MATCH ()-[r:IMPLEMENTS]->() WITH count(r) AS count RETURN 'IMPLEMENTS' AS type, count
  UNION ALL MATCH ()-[r:BUILDS_ON]->() WITH count(r) AS count RETURN 'BUILDS_ON' AS type, count
}
RETURN labels, collect({type: type, count: count}) AS relationships`;
