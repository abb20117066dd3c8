// Cypher of the API test fixture loader: one static UNWIND statement per label and relationship
// type (the graph-model shape ingest writes), plus scoped cleanup.

export const FIXTURE_PAPERS = `
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p += row.props`;

export const FIXTURE_ENTITIES: Record<'Method' | 'Dataset' | 'Task' | 'Concept', string> = {
  Method: 'UNWIND $rows AS row MERGE (n:Method {id: row.id}) SET n += row.props',
  Dataset: 'UNWIND $rows AS row MERGE (n:Dataset {id: row.id}) SET n += row.props',
  Task: 'UNWIND $rows AS row MERGE (n:Task {id: row.id}) SET n += row.props',
  Concept: 'UNWIND $rows AS row MERGE (n:Concept {id: row.id}) SET n += row.props',
};

export const FIXTURE_REPOS = 'UNWIND $rows AS row MERGE (n:Repo {id: row.id}) SET n += row.props';

const REL = (type: string, from: string, to: string) => `
UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b) WHERE b.id = row.to AND (${to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props`;

export const FIXTURE_RELS: Record<string, string> = {
  INTRODUCES: REL('INTRODUCES', 'Paper', 'b:Method OR b:Dataset'),
  USES: REL('USES', 'Paper', 'b:Method'),
  EVALUATES_ON: REL('EVALUATES_ON', 'Paper', 'b:Dataset'),
  ADDRESSES: REL('ADDRESSES', 'Paper', 'b:Task'),
  MENTIONS: REL('MENTIONS', 'Paper', 'b:Concept'),
  HAS_CODE: REL('HAS_CODE', 'Paper', 'b:Repo'),
  IMPLEMENTS: REL('IMPLEMENTS', 'Repo', 'b:Method'),
  BUILDS_ON: REL('BUILDS_ON', 'Method', 'b:Method'),
};

/** Params: `paperIds`, `ids` (entity and repo ids). Deletes exactly the fixture's nodes and their relationships. */
export const FIXTURE_CLEANUP = `
OPTIONAL MATCH (p:Paper) WHERE p.id IN $paperIds
DETACH DELETE p
WITH count(*) AS _
OPTIONAL MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task OR n:Concept OR n:Repo) AND n.id IN $ids
DETACH DELETE n`;

/** Counts the test compares `Query.stats` with. */
export const COUNT_LABELS = `
UNWIND ['Paper', 'Method', 'Dataset', 'Task', 'Concept', 'Repo'] AS label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS count }
RETURN label, count`;

export const COUNT_RELS = `
UNWIND ['INTRODUCES', 'USES', 'EVALUATES_ON', 'ADDRESSES', 'MENTIONS', 'HAS_CODE', 'IMPLEMENTS', 'BUILDS_ON'] AS type
CALL (type) { MATCH ()-[r]->() WHERE type(r) = type RETURN count(r) AS count }
RETURN type, count`;

/** Params: `rows` `[{ id, title, year, published, methodId, datasetId, taskId, repoId }]`: a bulk page for the batching test. */
export const BULK_PAPERS = `
UNWIND $rows AS row
MERGE (p:Paper {id: row.id}) SET p.title = row.title, p.year = row.year, p.published = row.published
MERGE (m:Method {id: row.methodId}) SET m.name = row.methodName, m.aliases = [], m.keys = [row.methodKey]
MERGE (d:Dataset {id: row.datasetId}) SET d.name = row.datasetName, d.aliases = [], d.keys = [row.datasetKey]
MERGE (t:Task {id: row.taskId}) SET t.name = row.taskName, t.aliases = [], t.keys = [row.taskKey]
MERGE (r:Repo {id: row.repoId}) SET r.url = row.repoUrl, r.name = row.repoName
CREATE (p)-[:USES {source: 'extracted', paperId: row.id, confidence: 0.5, evidence: '[]'}]->(m)
CREATE (p)-[:EVALUATES_ON {source: 'extracted', paperId: row.id, confidence: 0.5, evidence: '[]'}]->(d)
CREATE (p)-[:ADDRESSES {source: 'extracted', paperId: row.id, confidence: 0.5, evidence: '[]'}]->(t)
CREATE (p)-[:HAS_CODE {source: 'extracted', paperId: row.id, confidence: 1.0, evidence: '[]'}]->(r)`;
