// Cypher of the migration runner (src/db/migrations.ts). Bookkeeping uses `__`-prefixed labels that
// are never linked to domain nodes.
import { GRAPH_VERSION_BUMP, GRAPH_VERSION_CONSTRAINT } from './graph-version.queries';

/** Run before anything else: the lock's uniqueness is what makes acquiring it atomic. */
export const BOOTSTRAP_STATEMENTS = [
  'CREATE CONSTRAINT __migration_lock_name_unique IF NOT EXISTS FOR (l:__MigrationLock) REQUIRE l.name IS UNIQUE',
  'CREATE CONSTRAINT __migration_version_unique IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE',
  GRAPH_VERSION_CONSTRAINT,
];

/**
 * Takes the lock when nobody holds it. MERGE on a uniquely constrained key creates at most one node
 * even under concurrent runs; `acquired` says whether this run created it.
 */
export const ACQUIRE_LOCK = `
MERGE (l:__MigrationLock {name: $name})
  ON CREATE SET l.owner = $owner, l.acquiredAt = datetime()
RETURN l.owner = $owner AS acquired, l.owner AS owner, toString(l.acquiredAt) AS acquiredAt`;

export const RELEASE_LOCK = 'MATCH (l:__MigrationLock {name: $name, owner: $owner}) DELETE l';

/** Removes a lock left by a crashed run (`papergraph migrate --unlock`). */
export const FORCE_RELEASE_LOCK =
  'MATCH (l:__MigrationLock {name: $name}) DELETE l RETURN count(*) AS removed';

export const APPLIED_MIGRATIONS = `
MATCH (m:__Migration)
RETURN m.version AS version, m.description AS description, m.checksum AS checksum, toString(m.appliedAt) AS appliedAt
ORDER BY m.version`;

/**
 * Records an applied migration and bumps the graph version in the same transaction (a migration's
 * schema statements cannot share a transaction with data writes; a data migration's own statements
 * append GRAPH_VERSION_BUMP themselves).
 */
export const RECORD_MIGRATION = `
CREATE (:__Migration {version: $version, description: $description, checksum: $checksum, file: $file,
                      statements: $statements, appliedAt: datetime()})
${GRAPH_VERSION_BUMP}`;

/** Waits until every index is online, so the API can use them right after `migrate`. */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes($seconds)';
