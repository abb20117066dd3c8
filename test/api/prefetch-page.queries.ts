// Cypher of the prefetch-page test: a method linked to papers with dates, ties, missing and empty
// dates, by USES and INTRODUCES (some papers both), and its cleanup. Rows come from the test.

export const CREATE_PAGE_FIXTURE = `
CREATE (m:Method {id: $methodId, name: $methodId, keys: [$methodId]})
WITH m
UNWIND $papers AS row
CREATE (p:Paper {id: row.id, title: row.id})
SET p.published = row.published
WITH m, p, row
FOREACH (type IN row.types |
  FOREACH (_ IN CASE WHEN type = 'USES' THEN [1] ELSE [] END |
    CREATE (p)-[:USES {source: 'extracted', paperId: row.id, confidence: 0.9, evidence: '[]'}]->(m))
  FOREACH (_ IN CASE WHEN type = 'INTRODUCES' THEN [1] ELSE [] END |
    CREATE (p)-[:INTRODUCES {source: 'extracted', paperId: row.id, confidence: 0.8, evidence: '[]'}]->(m)))`;

export const DELETE_PAGE_FIXTURE = `
MATCH (n) WHERE n.id = $methodId OR n.id STARTS WITH $paperPrefix
DETACH DELETE n`;

/** One method's page through the prefetch clauses under test (`clauses` are built by the test). */
export function pageStatement(clauses: string): string {
  return `
MATCH (s:Method {id: $methodId})
WITH s, $pf AS key${clauses}
RETURN total, page`;
}
