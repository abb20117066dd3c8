// Cypher of the export round-trip tests: a canonical dump with property types, test-only typed
// properties, and the picks of entities the curation steps act on.

/** Every node but the migration history and the graph version: labels, properties, property types. */
export const DUMP_NODES = `
MATCH (n)
WHERE NOT any(l IN labels(n) WHERE l IN ['__Migration', '__MigrationLock', '__GraphVersion'])
RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ':' + valueType(n[k])] AS types`;

/** Every relationship: type, both ends (label and id), properties, property types. */
export const DUMP_RELS = `
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS aLabels, a.id AS from, labels(b) AS bLabels, b.id AS to,
  properties(r) AS props, [k IN keys(r) | k + ':' + valueType(r[k])] AS types`;

/** Deletes every node but the migration history and the graph version (the "wipe" of the round trip). */
export const WIPE_ALL = `
MATCH (n)
WHERE NOT any(l IN labels(n) WHERE l IN ['__Migration', '__MigrationLock', '__GraphVersion'])
DETACH DELETE n`;

/** Integer properties JSON cannot tell from floats (no ingest path writes one today). */
export const SET_TYPED = `
MATCH (m:Method) WITH m ORDER BY m.id LIMIT 1
SET m.exportTestCount = 3, m.exportTestInts = [1, 2, 3], m.exportTestFloat = 2.0
RETURN m.id AS id`;

export const METHODS_BY_DEGREE = `
MATCH (m:Method)-[r]-()
WITH m, count(r) AS degree
RETURN m.id AS id, m.aliases AS aliases, degree
ORDER BY degree DESC, m.id`;

export const FIRST_LINEAGE = `
MATCH (a:Method)-[r:BUILDS_ON {source: 'extracted'}]->(b:Method)
RETURN a.id AS from, b.id AS to
ORDER BY a.id, b.id LIMIT 1`;

export const COUNT_LABEL = `
MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n`;
