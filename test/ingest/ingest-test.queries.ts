// Cypher used only by the ingest tests: scoped canonical dumps and cleanup of what a test wrote.

/** The test's papers. */
export const SCOPED_PAPERS = `MATCH (p:Paper) WHERE p.id IN $ids RETURN labels(p) AS labels, properties(p) AS props`;

/** Relationships that came from the test's papers, with the nodes at both ends. */
export const SCOPED_RELS = `
MATCH (a)-[r]->(b) WHERE r.paperId IN $ids
RETURN type(r) AS type, properties(r) AS props,
       labels(a) AS aLabels, properties(a) AS aProps, labels(b) AS bLabels, properties(b) AS bProps`;

/** Deletes the relationships from the test's papers, then entity nodes left without any relationship. */
export const CLEANUP_RELS = `
MATCH (a)-[r]->(b) WHERE r.paperId IN $ids
WITH collect(DISTINCT a) + collect(DISTINCT b) AS touched, collect(r) AS rels
FOREACH (r IN rels | DELETE r)
WITH touched
UNWIND touched AS n
WITH DISTINCT n WHERE NOT n:Paper AND NOT (n)--()
DELETE n`;

export const CLEANUP_PAPERS = `MATCH (p:Paper) WHERE p.id IN $ids DETACH DELETE p`;

/** Every node and relationship (for a test's own server). */
export const ALL_NODES = `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__') RETURN labels(n) AS labels, properties(n) AS props`;
export const ALL_RELS = `MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, a.id AS from, b.id AS to`;
export const WIPE_ALL = `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__') DETACH DELETE n`;

export const ENTITY_NAMES = `MATCH (m {id: $id}) RETURN m.name AS name, m.aliases AS aliases, m.keys AS keys`;

/** Facts the PwC fixture test checks. */
export const PWC_FIXTURE_FACTS = {
  snorfId: `MATCH (p:Paper {pwcUrl: 'https://paperswithcode.com/paper/pwcfx-untitled-arxivless'}) RETURN p.id AS id`,
  facts: `
MATCH (a)-[r]->(b) WHERE r.paperId IN $ids AND r.source = 'pwc'
RETURN a.id AS from, type(r) AS type, b.id AS to,
       CASE WHEN type(r) = 'HAS_CODE' THEN {official: r.official, framework: r.framework, mentionedInPaper: r.mentionedInPaper} ELSE null END AS extra`,
  node: `MATCH (n {id: $id}) RETURN properties(n) AS props`,
  cleanupOrphans: `MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task OR n:Repo) AND n.id STARTS WITH 'method:pwcfx' AND NOT (n)--() DELETE n`,
};

/** The race test's nodes and bookkeeping (ids start with its tag). */
export const RACE_CLEANUP = `
MATCH (n)
WHERE (n.id STARTS WITH $prefix OR n.id STARTS WITH 'method:' + $prefix)
   OR (n:__Redirect AND n.into STARTS WITH 'method:' + $prefix)
   OR (n:__AuditEntry AND any(t IN n.targets WHERE t STARTS WITH 'method:' + $prefix))
DETACH DELETE n`;

export const RACE_NODE = `MATCH (n:Method {id: $id}) RETURN count(n) AS n`;

export const RACE_USES = `MATCH (:Paper {id: $id})-[:USES]->(m:Method) RETURN m.id AS to`;

/** How many ingest write transactions on the server wait in a statement for a lock (`Blocked by: ...`). */
export const BLOCKED_INGEST_WRITES = `
SHOW TRANSACTIONS YIELD metaData, status
WHERE metaData.operation STARTS WITH 'ingest.write' AND status STARTS WITH 'Blocked'
RETURN count(*) AS blocked`;

export const RACE_ALIASES = `MATCH (m:Method {id: $id}) RETURN m.aliases AS aliases`;
