// The graph version: one bookkeeping node (:__GraphVersion {id: 'graph'}), never linked to domain
// nodes, that every write path bumps in the SAME transaction as its write. Readers (the API's result
// cache) compare versions to know whether the graph changed; see docs/GRAPH-MODEL.md.

/** Run with the migration runner's bootstrap: the key's uniqueness makes the first MERGE create one node. */
export const GRAPH_VERSION_CONSTRAINT =
  'CREATE CONSTRAINT __graph_version_id_unique IF NOT EXISTS FOR (v:__GraphVersion) REQUIRE v.id IS UNIQUE';

/**
 * THE fragment every write path appends to its write statement, as its LAST clause before `RETURN`
 * (`WITH *` then a unit subquery: valid after any clause, it keeps the rows and variables as they are
 * and runs once per row reaching it - put it where one row flows, e.g. after an aggregation or a
 * `CALL {}` that collects). It takes the version node's write
 * lock (the increment reads the property it sets, so Cypher locks before reading: no lost update) and
 * holds it only until commit, so concurrent writers queue for the commit, not for their work. Zero rows
 * reaching it (nothing matched, nothing written) bump nothing. `epoch` is new whenever the node is
 * created, so a wiped and re-filled graph never repeats an earlier `epoch:version`.
 */
export const GRAPH_VERSION_BUMP = `WITH *
CALL {
  MERGE (graphVersion:__GraphVersion {id: 'graph'})
  SET graphVersion.version = coalesce(graphVersion.version, 0) + 1,
      graphVersion.epoch = coalesce(graphVersion.epoch, randomUUID()),
      graphVersion.changedAt = datetime()
}`;

/** The bump as a statement of its own, for a write transaction of several statements (bumpGraphVersion). */
export const BUMP_GRAPH_VERSION = `${GRAPH_VERSION_BUMP}
RETURN 1 AS bumped`;

/** One cheap read (an index seek on one node): the current version, no row before the first write. */
export const READ_GRAPH_VERSION = `
MATCH (v:__GraphVersion {id: 'graph'})
RETURN v.epoch AS epoch, v.version AS version`;
