// Cypher for `Query.stats`: node counts per domain label and relationship counts per type (count
// store lookups), in one statement.

export const STATS = `
CALL {
  MATCH (n:Paper) RETURN 'Paper' AS label, count(n) AS count
  UNION ALL MATCH (n:Method) RETURN 'Method' AS label, count(n) AS count
  UNION ALL MATCH (n:Dataset) RETURN 'Dataset' AS label, count(n) AS count
  UNION ALL MATCH (n:Task) RETURN 'Task' AS label, count(n) AS count
  UNION ALL MATCH (n:Concept) RETURN 'Concept' AS label, count(n) AS count
  UNION ALL MATCH (n:Repo) RETURN 'Repo' AS label, count(n) AS count
}
WITH collect({label: label, count: count}) AS labels
CALL {
  MATCH ()-[r:INTRODUCES]->() RETURN 'INTRODUCES' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:USES]->() RETURN 'USES' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:EVALUATES_ON]->() RETURN 'EVALUATES_ON' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:ADDRESSES]->() RETURN 'ADDRESSES' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:HAS_CODE]->() RETURN 'HAS_CODE' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:IMPLEMENTS]->() RETURN 'IMPLEMENTS' AS type, count(r) AS count
  UNION ALL MATCH ()-[r:BUILDS_ON]->() RETURN 'BUILDS_ON' AS type, count(r) AS count
}
RETURN labels, collect({type: type, count: count}) AS relationships`;
