// Cypher for asking a server what it is (used by `db status` and the integration test banner).

/** One row per component: `name` ("Neo4j Kernel"), `versions` (list), `edition` ("community"). */
export const SERVER_COMPONENTS =
  'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition';
