// Cypher of the lineage fixture (test/support/lineage-fixture.ts): a small lineage of its own (ids
// prefixed per test file and process) and its cleanup. Rows come from the test.

export const CREATE_LINEAGE_FIXTURE = `
UNWIND $methods AS row
CREATE (:Method {id: row.id, name: row.name, keys: [row.id]})
WITH count(*) AS created
UNWIND $edges AS e
MATCH (c:Method {id: e.child}), (p:Method {id: e.parent})
CREATE (c)-[:BUILDS_ON {source: 'extracted', paperId: e.paperId, relation: e.relation, confidence: 0.9, evidence: '[]'}]->(p)`;

export const DELETE_LINEAGE_FIXTURE = `
MATCH (m:Method) WHERE m.id STARTS WITH $prefix
DETACH DELETE m`;
