// Cypher of the integration-test helpers (test/support/neo4j.ts).

/** Deletes up to $batch domain nodes (every label not starting with `__`) with their relationships. */
export const DELETE_DOMAIN_NODES = `
MATCH (n)
WHERE none(label IN labels(n) WHERE label STARTS WITH '__')
WITH n LIMIT toInteger($batch)
DETACH DELETE n
RETURN count(*) AS deleted`;
