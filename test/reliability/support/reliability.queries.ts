// Cypher used only by the reliability tests: whole-graph canonical dumps and a deliberately slow statement.

/** Every node (bookkeeping `__` nodes included: an injection must not touch them either). */
export const DUMP_NODES = `MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props`;

/** Every relationship with its endpoints' element ids. */
export const DUMP_RELS = `MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props`;

/** A statement that runs for many seconds unless the transaction timeout cuts it. */
export const SLOW_STATEMENT = `UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n`;

export const COUNT_PAPERS = `MATCH (p:Paper) RETURN count(p) AS n`;

export const PAPER_BY_ID = `MATCH (p:Paper {id: $id}) RETURN properties(p) AS props`;

export const PAPER_IDS = `MATCH (p:Paper) RETURN p.id AS id ORDER BY id`;

export const SAMPLE_ENTITIES = `MATCH (m:Method) WHERE (m)<-[:BUILDS_ON]-() OR (m)-[:BUILDS_ON]->() RETURN m.id AS id, m.name AS name ORDER BY id LIMIT toInteger($n)`;

export const SAMPLE_DATASETS = `MATCH (d:Dataset) RETURN d.id AS id, d.name AS name ORDER BY id LIMIT toInteger($n)`;

/** Removes the injection test's probe papers and any node they left without relationships. */
export const DELETE_PROBE_PAPERS = `MATCH (p:Paper) WHERE p.id IN $ids DETACH DELETE p`;
export const DELETE_NEW_ORPHANS = `MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Paper AND NOT n.id IN $keep AND NOT (n)--() DELETE n`;
export const ALL_NODE_IDS = `MATCH (n) WHERE n.id IS NOT NULL RETURN collect(n.id) AS ids`;

/** One paper, so a fresh outage-test database answers the drain test's query with data (idempotent). */
export const SEED_PAPER = `MERGE (p:Paper {id: $id}) SET p.title = $title`;

/** Element ids of every relationship and every curation bookkeeping node (what a curation probe may add). */
export const CURATION_BASELINE = `
CALL { MATCH ()-[r]->() RETURN collect(elementId(r)) AS rels }
CALL { MATCH (n) WHERE n:__AuditEntry OR n:__Redirect OR n:__Retraction OR n:__RemovedAlias
       RETURN collect(elementId(n)) AS bookkeeping }
RETURN rels, bookkeeping`;

/** Removes what the curation probes added: relationships and bookkeeping nodes not in the baseline. */
export const DELETE_NEW_CURATION = `
CALL { MATCH ()-[r]->() WHERE NOT elementId(r) IN $rels DELETE r }
CALL { MATCH (n) WHERE (n:__AuditEntry OR n:__Redirect OR n:__Retraction OR n:__RemovedAlias)
       AND NOT elementId(n) IN $bookkeeping DETACH DELETE n }`;

export const METHOD_PROPS = `MATCH (m:Method {id: $id}) RETURN properties(m) AS props`;
export const RESTORE_METHOD = `MATCH (m:Method {id: $id}) SET m = $props`;
export const AUDIT_NOTES = `MATCH (e:__AuditEntry) WHERE NOT elementId(e) IN $bookkeeping RETURN e.note AS note, e.actor AS actor`;
