// Cypher used by the test/db integration tests.

export const CREATE_PROBE = 'CREATE (n:__ExecutorProbe {id: $id, n: $n}) RETURN n.id AS id';
export const DELETE_PROBES = 'MATCH (n:__ExecutorProbe) WHERE n.id STARTS WITH $prefix DELETE n';
export const COUNT_PROBES =
  'MATCH (n:__ExecutorProbe) WHERE n.id STARTS WITH $prefix RETURN count(n) AS count';
export const TX_METADATA = 'CALL tx.getMetaData() YIELD metadata RETURN metadata';
export const VALUES = `
RETURN 42 AS int, 9007199254740991 AS bigInt, 1.5 AS float, 'x' AS str, [1, 2] AS list,
       date('2021-05-04') AS date, datetime('2021-05-04T10:11:12Z') AS datetime, {a: 1} AS map, null AS nothing`;
export const RETURN_PROBE_NODE = 'CREATE (n:__ExecutorProbe {id: $id, n: 7}) RETURN n';
export const SYNTAX_ERROR = 'RETURN RETURN';

export const CONSTRAINT_NAMES = 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names';
export const INDEXES = 'SHOW INDEXES YIELD name, type, state RETURN name, type, state';
export const MIGRATIONS =
  'MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum, m.description AS description ORDER BY m.version';
export const LOCKS = 'MATCH (l:__MigrationLock) RETURN l.owner AS owner';
export const PLANT_LOCK =
  "CREATE (:__MigrationLock {name: 'migrate', owner: 'crashed-run', acquiredAt: datetime()})";
export const FORGET_MIGRATIONS_ABOVE = 'MATCH (m:__Migration) WHERE m.version > $version DELETE m';
export const DROP_TEST_INDEX_A = 'DROP INDEX test_probe_a IF EXISTS';
export const DROP_TEST_INDEX_B = 'DROP INDEX test_probe_b IF EXISTS';
export const CREATE_DOMAIN = "CREATE (:Paper {id: 'p-clean'})-[:INTRODUCES]->(:Method {id: 'method:clean'})";
export const COUNT_NODES =
  'MATCH (n) RETURN [l IN labels(n) WHERE true][0] AS label, count(*) AS count ORDER BY label';

// A lock the busy-errors test holds in one transaction while another waits for it.
export const MERGE_LOCK_PROBE = 'MERGE (n:__ExecutorProbe {id: $id}) SET n.n = $n RETURN n.id AS id';
export const SET_LOCK_PROBE = 'MATCH (n:__ExecutorProbe {id: $id}) SET n.n = $n RETURN n.n AS n';
/** A read that runs for many seconds unless the transaction timeout cuts it (no lock, no data). */
export const SLOW_READ = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n';
export const RETURN_ONE = 'RETURN 1 AS one';
