// Cypher of `papergraph export` / `papergraph import` (graph-exporter.ts, graph-importer.ts).
// Labels and relationship types come from the closed sets of export.types.ts, never from a file;
// every value is a parameter. Reads page by the `id` index (keyset paging), so an export holds one
// page in memory whatever the graph's size.
import { GRAPH_VERSION_BUMP } from '../db/graph-version.queries';
import { CURATION_LABELS, DOMAIN_LABELS, type DomainLabel } from './export.types';

/** Property names of `x` by the types JSON cannot carry plainly: integers, integer lists, anything else odd. */
function typed(x: string): string {
  return `[k IN keys(${x}) WHERE valueType(${x}[k]) STARTS WITH 'INTEGER'] AS ints,
  [k IN keys(${x}) WHERE valueType(${x}[k]) STARTS WITH 'LIST<INTEGER'] AS intLists,
  [k IN keys(${x}) WHERE NOT any(t IN ['STRING', 'BOOLEAN', 'FLOAT', 'INTEGER', 'LIST<STRING', 'LIST<BOOLEAN', 'LIST<FLOAT', 'LIST<INTEGER', 'LIST<NOTHING']
     WHERE valueType(${x}[k]) STARTS WITH t) | k + ': ' + valueType(${x}[k])] AS odd`;
}

/** Nodes of each label, counted (count store: constant time). */
export function countNodes(label: string): string {
  return `MATCH (n:${label}) RETURN count(n) AS n`;
}

export const COUNT_RELS = `MATCH ()-[r]->() RETURN count(r) AS n`;

/** The `source` values of relationships and papers (for the header's licences). */
export const DISTINCT_SOURCES = `
CALL { MATCH ()-[r]->() WHERE r.source IS NOT NULL RETURN DISTINCT r.source AS source
       UNION MATCH (p:Paper) UNWIND coalesce(p.sources, []) AS source RETURN DISTINCT source }
RETURN collect(DISTINCT source) AS sources`;

/** One page of a label's nodes after `$after` (by id). */
export function nodePage(label: DomainLabel): string {
  return `
MATCH (n:${label}) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, properties(n) AS props, ${typed('n')}`;
}

/** The outgoing relationships of one page of a label's nodes (by id), to domain nodes only. */
export function relPage(label: DomainLabel): string {
  return `
MATCH (a:${label}) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
OPTIONAL MATCH (a)-[r]->(b)
WHERE any(l IN labels(b) WHERE l IN $domainLabels)
WITH a, r, b ORDER BY a.id, type(r), b.id
RETURN a.id AS from, type(r) AS type, b.id AS to,
  [l IN labels(b) WHERE l IN $domainLabels][0] AS toLabel,
  CASE WHEN r IS NULL THEN {} ELSE properties(r) END AS props, ${typed('r')}`;
}

/** One page of a curation label's nodes, oldest first for the audit log (by `at`, `seq`, then id). */
export function curationPage(label: string): string {
  return `
MATCH (n:${label})
WITH n ORDER BY n.at, n.seq, ${CURATION_LABELS[label].map((k) => `n.${k}`).join(', ')}
SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN properties(n) AS props, ${typed('n')}`;
}

/** Domain and curation nodes present (import into an empty graph only, unless told to wipe it). */
export const COUNT_EXISTING = `
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN count(n) AS n`;

/** Deletes up to `$batch` domain and curation nodes with their relationships. */
export const WIPE_BATCH = `
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n LIMIT toInteger($batch)
DETACH DELETE n
WITH count(*) AS deleted
${GRAPH_VERSION_BUMP}
RETURN deleted`;

/** Merges nodes of a label on their id and sets exactly the exported properties. */
export function importNodes(label: DomainLabel): string {
  return `
UNWIND $rows AS row
MERGE (n:${label} {id: row.props.id})
SET n = row.props
RETURN count(*) AS written`;
}

/**
 * Creates relationships between nodes found by id; returns the lines whose ends exist (the others
 * are rejected by the importer).
 */
export function importRels(type: string, from: DomainLabel, to: DomainLabel): string {
  return `
UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props
RETURN row.line AS line`;
}

/** Merges curation bookkeeping nodes on their identifying properties and sets the exported ones. */
export function importCuration(label: string): string {
  const key = CURATION_LABELS[label].map((k) => `${k}: row.props.${k}`).join(', ');
  return `
UNWIND $rows AS row
MERGE (n:${label} {${key}})
SET n = row.props
RETURN count(*) AS written`;
}

/** Every label an import writes or a wipe deletes. */
export const OWNED_LABELS: readonly string[] = [...DOMAIN_LABELS, ...Object.keys(CURATION_LABELS)];
