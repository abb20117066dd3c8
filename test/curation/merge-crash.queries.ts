// Cypher of the merge crash tests: a scoped look at two entities (their nodes, relationships and
// curation bookkeeping), the lock that holds a merge mid-way, and the server's transaction list.

/** The two entities' nodes (or no row for a missing one). */
export const SCOPED_NODES = `
MATCH (n) WHERE n.id IN $ids AND NOT any(l IN labels(n) WHERE l STARTS WITH '__')
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`;

/** Every relationship touching either entity, by the ends' ids. */
export const SCOPED_RELS = `
MATCH (a)-[r]->(b) WHERE a.id IN $ids OR b.id IN $ids
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`;

/** Curation bookkeeping naming either entity. */
export const SCOPED_BOOKKEEPING = `
MATCH (n)
WHERE (n:__Redirect AND (n.id IN $ids OR n.into IN $ids))
   OR (n:__AuditEntry AND any(t IN n.targets WHERE t IN $ids))
   OR (n:__Retraction AND (n.from IN $ids OR n.to IN $ids))
   OR (n:__RemovedAlias AND n.entity IN $ids)
RETURN labels(n)[0] AS label, properties(n) AS props`;

/**
 * Held by the test in an open transaction: the unique-constraint entry of the redirect a merge of
 * `$id` records as its last write, so the merge waits there with every other step done.
 */
export const HOLD_REDIRECT = `CREATE (r:__Redirect {id: $id, into: 'merge-crash-test-lock'})`;

/** Merge transactions of `$from` on the server, with their status (`Running`, `Blocked by: ...`). */
export const MERGE_TRANSACTIONS = `
SHOW TRANSACTIONS YIELD transactionId, metaData, status, parameters
WHERE metaData.operation = 'curation.mergeEntities' AND parameters.from = $from
RETURN transactionId AS id, status`;

export const CLEANUP = `
OPTIONAL MATCH (p:Paper) WHERE p.id IN $paperIds
DETACH DELETE p
WITH count(*) AS _
OPTIONAL MATCH (n) WHERE n.id IN $ids AND NOT any(l IN labels(n) WHERE l STARTS WITH '__')
DETACH DELETE n
WITH count(*) AS _
OPTIONAL MATCH (b) WHERE (b:__Redirect AND (b.id IN $ids OR b.into IN $ids))
   OR (b:__AuditEntry AND any(t IN b.targets WHERE t IN $ids))
DETACH DELETE b`;
