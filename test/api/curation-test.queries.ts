// Cypher of the curation integration tests: cleanup of their papers, entities and bookkeeping, and
// direct looks at the stored graph (what must, and must not, exist).

export const CURATION_CLEANUP = `
OPTIONAL MATCH (p:Paper) WHERE p.id IN $paperIds
DETACH DELETE p
WITH count(*) AS _
OPTIONAL MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task OR n:Concept OR n:Repo) AND n.id IN $ids
DETACH DELETE n
WITH count(*) AS _
OPTIONAL MATCH (b) WHERE (b:__Redirect AND (b.id IN $ids OR b.into IN $ids))
   OR (b:__Retraction AND (b.from IN $ids OR b.to IN $ids))
   OR (b:__RemovedAlias AND b.entity IN $ids)
   OR (b:__AuditEntry AND any(t IN b.targets WHERE t IN $ids OR t IN $paperGlobalIds))
DETACH DELETE b`;

export const NODE_EXISTS = `
MATCH (n {id: $id}) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__')
RETURN count(n) AS count`;

export const RELS_BETWEEN = `
MATCH (a {id: $from})-[r]->(b {id: $to})
RETURN type(r) AS type, properties(r) AS props
ORDER BY type, r.source`;

export const BOOKKEEPING_LINKS = `
MATCH (b)-[r]-() WHERE any(l IN labels(b) WHERE l STARTS WITH '__')
RETURN count(r) AS count`;
