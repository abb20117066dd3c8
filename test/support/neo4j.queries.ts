// Cypher of the integration-test helpers (test/support/neo4j.ts).
import { GRAPH_VERSION_BUMP } from '../../src/db/graph-version.queries';

/**
 * Deletes up to $batch domain nodes (every label not starting with `__`) with their relationships,
 * and bumps the graph version like every write path (a running API's cache must not serve them).
 */
export const DELETE_DOMAIN_NODES = `
MATCH (n)
WHERE none(label IN labels(n) WHERE label STARTS WITH '__')
WITH n LIMIT toInteger($batch)
DETACH DELETE n
WITH count(*) AS deleted
${GRAPH_VERSION_BUMP}
RETURN deleted`;
