// Cypher of the ingest writer: static statements, one per label and per relationship kind, each
// `UNWIND $rows AS row` over parameter rows built by graph-rows.ts. Labels and relationship types
// come from closed enums (RelKind, ENTITY_LABEL), never from input.
import { GRAPH_VERSION_BUMP } from '../db/graph-version.queries';
import type { EntityType } from '../names/normalize';
import type { RelKind } from './graph-rows';

/** Stored ingest state of papers: `$ids` -> id, contentHash, extractorVersion (missing papers: no row). */
export const READ_PAPER_STATES = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p.id AS id, p.contentHash AS contentHash, p.extractorVersion AS extractorVersion`;

/** Resolves PwC paper page URLs to paper ids. */
export const READ_PAPER_IDS_BY_PWC_URL = `
UNWIND $urls AS url
MATCH (p:Paper {pwcUrl: url})
RETURN url, p.id AS id`;

/**
 * Deletes the `extracted` relationships of the papers being (re-)ingested: the ones hanging off the
 * paper node (by expanding from it: their types have no `paperId` index since V005; a new paper has
 * no node yet, so this costs it one failed index lookup), and BUILDS_ON / IMPLEMENTS (between other
 * nodes) by their indexed `paperId` - for every paper, new ones included: a paper node deleted by
 * hand (which also drops its ingest state) leaves these behind, and the paper's next ingest must
 * replace them, not add a second copy.
 */
export const DELETE_EXTRACTED_RELS = `
UNWIND $ids AS id
CALL {
  WITH id
  MATCH (p:Paper {id: id}) USING INDEX p:Paper(id)
  MATCH (p)-[r]->()
  WHERE r.source = 'extracted' AND r.paperId = id
  DELETE r
}
CALL {
  WITH id
  MATCH ()-[r:BUILDS_ON {paperId: id}]->() USING INDEX r:BUILDS_ON(paperId)
  WHERE r.source = 'extracted'
  DELETE r
}
CALL {
  WITH id
  MATCH ()-[r:IMPLEMENTS {paperId: id}]->() USING INDEX r:IMPLEMENTS(paperId)
  WHERE r.source = 'extracted'
  DELETE r
}`;

/**
 * Deletes the `extracted` results of the papers being (re-)ingested (a Result hangs off its paper by
 * REPORTS, so it is found by expanding from the paper node); `pwc` results stay.
 */
export const DELETE_EXTRACTED_RESULTS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[:REPORTS]->(r:Result) USING INDEX p:Paper(id)
WHERE r.source = 'extracted'
DETACH DELETE r`;

/** Metric nodes (names and keys accumulate like an entity's; a known direction is never unset). */
export const MERGE_METRICS = mergeNamed('Metric', [
  'FOREACH (_ IN CASE WHEN row.higherIsBetter IS NOT NULL AND (n.higherIsBetter IS NULL OR n.higherIsBetter <> row.higherIsBetter) THEN [1] ELSE [] END | SET n.higherIsBetter = row.higherIsBetter)',
]);

/**
 * Result nodes with their links (CONTRACT.md "Results and leaderboards"). A result's id is a hash of
 * its paper, metric, dataset, method and task, so a result already in the graph has its links:
 * only its properties are set again (a pwc row read twice). A new one is CREATEd with its links (the
 * paper's earlier extracted results were deleted in the same transaction, DELETE_EXTRACTED_RESULTS).
 * Every node is found by index hint (the plans are made once, `replan=skip`); every end is a node of
 * this batch or written before it.
 */
export const MERGE_RESULTS = `
UNWIND $rows AS row
OPTIONAL MATCH (old:Result {id: row.id}) USING INDEX old:Result(id)
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
  SET old.value = row.value, old.unit = row.unit, old.rawValue = row.rawValue, old.source = row.source,
      old.confidence = row.confidence, old.rule = row.rule, old.evidence = row.evidence,
      old.extractorVersion = row.extractorVersion, old.date = row.date, old.modelName = row.modelName)
WITH row, old WHERE old IS NULL
MATCH (p:Paper {id: row.paperId}) USING INDEX p:Paper(id)
MATCH (d:Dataset {id: row.datasetId}) USING INDEX d:Dataset(id)
MATCH (mt:Metric {id: row.metricId}) USING INDEX mt:Metric(id)
CREATE (r:Result {id: row.id, value: row.value, unit: row.unit, rawValue: row.rawValue, source: row.source,
  confidence: row.confidence, rule: row.rule, evidence: row.evidence, paperId: row.paperId,
  extractorVersion: row.extractorVersion, date: row.date, modelName: row.modelName})
CREATE (p)-[:REPORTS]->(r), (r)-[:ON_DATASET]->(d), (r)-[:BY_METRIC]->(mt)
WITH r, row
CALL {
  WITH r, row
  MATCH (m:Method {id: row.methodId}) USING INDEX m:Method(id)
  CREATE (r)-[:OF_METHOD]->(m)
}
CALL {
  WITH r, row
  MATCH (t:Task {id: row.taskId}) USING INDEX t:Task(id)
  CREATE (r)-[:FOR_TASK]->(t)
}`;

/** Writes papers; every managed property is set (null removes it), so the node mirrors its record. */
export const MERGE_PAPERS = `
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title, p.abstract = row.abstract, p.url = row.url, p.arxivId = row.arxivId,
    p.doi = row.doi, p.published = row.published, p.year = row.year, p.authors = row.authors,
    p.links = row.links, p.linkKinds = row.linkKinds, p.contentHash = row.contentHash,
    p.extractorVersion = row.extractorVersion, p.ingestedAt = row.ingestedAt,
    p.pwcUrl = coalesce(row.pwcUrl, p.pwcUrl),
    p.sources = reduce(s = coalesce(p.sources, []), x IN row.sources | CASE WHEN x IN s THEN s ELSE s + x END)`;

/** Papers named by a PwC dump: created when missing (without content hash, so a later full record is ingested). */
export const MERGE_PAPER_STUBS = `
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
ON CREATE SET p.title = row.title, p.arxivId = row.arxivId, p.url = row.url
SET p.pwcUrl = coalesce(p.pwcUrl, row.pwcUrl),
    p.sources = CASE WHEN 'pwc' IN coalesce(p.sources, []) THEN p.sources ELSE coalesce(p.sources, []) + 'pwc' END`;

/**
 * Merges named nodes (entities, metrics) on their id: created with the row's name, its aliases and
 * keys accumulated (never lost on re-ingest), then `extra` FOREACH clauses for the label's own
 * properties. Only changed properties are written: popular entities are touched by almost every
 * batch, and a no-op SET still costs a write (and full-text index updates).
 */
function mergeNamed(label: string, extra: readonly string[]): string {
  return [
    `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.name = row.name, n.aliases = [], n.keys = []
WITH n, row, coalesce(n.aliases, []) AS aliases, coalesce(n.keys, []) AS keys
WITH n, row, aliases, keys,
     [a IN row.aliases WHERE a <> n.name AND NOT a IN aliases] AS newAliases,
     [k IN row.keys WHERE NOT k IN keys] AS newKeys
FOREACH (_ IN CASE WHEN size(newAliases) > 0 THEN [1] ELSE [] END | SET n.aliases = aliases + newAliases)
FOREACH (_ IN CASE WHEN size(newKeys) > 0 THEN [1] ELSE [] END | SET n.keys = keys + newKeys)`,
    ...extra,
  ].join('\n');
}

/** A descriptive property set from the row when given and different (`empty` stands for "unset"). */
const setWhenChanged = (prop: string, empty: string) =>
  `FOREACH (_ IN CASE WHEN row.${prop} IS NOT NULL AND row.${prop} <> coalesce(n.${prop}, ${empty}) THEN [1] ELSE [] END | SET n.${prop} = row.${prop})`;

function mergeEntities(label: string): string {
  return mergeNamed(label, [
    setWhenChanged('fullName', "''"),
    setWhenChanged('description', "''"),
    setWhenChanged('collections', '[]'),
    setWhenChanged('areas', '[]'),
    setWhenChanged('url', "''"),
  ]);
}

export const MERGE_ENTITIES: Record<EntityType, string> = {
  method: mergeEntities('Method'),
  dataset: mergeEntities('Dataset'),
  task: mergeEntities('Task'),
  concept: mergeEntities('Concept'),
};

export const MERGE_REPOS = `
UNWIND $rows AS row
MERGE (r:Repo {id: row.id})
ON CREATE SET r.url = row.url, r.host = row.host, r.owner = row.owner, r.name = row.name
FOREACH (_ IN CASE WHEN row.stars IS NOT NULL AND row.stars <> coalesce(r.stars, -1) THEN [1] ELSE [] END | SET r.stars = row.stars)
FOREACH (_ IN CASE WHEN row.framework IS NOT NULL AND row.framework <> coalesce(r.framework, '') THEN [1] ELSE [] END | SET r.framework = row.framework)`;

/** Start label, type and end label of each relationship kind. */
const REL_SHAPE: Record<RelKind, { from: NodeLabel; type: string; to: NodeLabel }> = {
  INTRODUCES_METHOD: { from: 'Paper', type: 'INTRODUCES', to: 'Method' },
  INTRODUCES_DATASET: { from: 'Paper', type: 'INTRODUCES', to: 'Dataset' },
  USES: { from: 'Paper', type: 'USES', to: 'Method' },
  EVALUATES_ON: { from: 'Paper', type: 'EVALUATES_ON', to: 'Dataset' },
  ADDRESSES: { from: 'Paper', type: 'ADDRESSES', to: 'Task' },
  MENTIONS: { from: 'Paper', type: 'MENTIONS', to: 'Concept' },
  HAS_CODE: { from: 'Paper', type: 'HAS_CODE', to: 'Repo' },
  IMPLEMENTS: { from: 'Repo', type: 'IMPLEMENTS', to: 'Method' },
  BUILDS_ON: { from: 'Method', type: 'BUILDS_ON', to: 'Method' },
};

export type NodeLabel = 'Paper' | 'Method' | 'Dataset' | 'Task' | 'Concept' | 'Repo';

/**
 * The batch's own nodes of each label, in the order of their rows (`$batch.papers`, the entity
 * lists, `$batch.repos`): WRITE_BATCH collects each MERGE's nodes into a list under this name, and a
 * created relationship names its endpoints by position in those lists - no index seek (and no
 * index-entry lock) per endpoint. Every endpoint of an `extracted` relationship is a node of its
 * own batch (graph-rows.ts adds them), so the lists always hold it.
 */
export const NODE_LIST: Record<NodeLabel, string> = {
  Paper: 'papers',
  Method: 'methods',
  Dataset: 'datasets',
  Task: 'tasks',
  Concept: 'concepts',
  Repo: 'repos',
};

/** Start and end labels of a relationship kind. */
export function endpointLabels(kind: RelKind): { from: NodeLabel; to: NodeLabel } {
  return { from: REL_SHAPE[kind].from, to: REL_SHAPE[kind].to };
}

/**
 * Positions in a created-relationship row (`[fromIndex, toIndex, paperId, extractorVersion,
 * confidence, rule, evidence, extra...]`, the endpoints as positions in their NODE_LIST lists):
 * positional lists pack and unpack faster than one map per row with the same keys repeated, on
 * both the driver and the server side.
 */
export const CREATED_ROW_BASE = ['paperId', 'extractorVersion', 'confidence', 'rule', 'evidence'] as const;

/** Properties beyond the provenance ones, per kind, appended to the row in this order. */
export const CREATED_ROW_EXTRA: Record<RelKind, readonly string[]> = {
  INTRODUCES_METHOD: [],
  INTRODUCES_DATASET: [],
  USES: [],
  EVALUATES_ON: [],
  ADDRESSES: [],
  MENTIONS: [],
  HAS_CODE: ['mentionedInPaper', 'official', 'framework'],
  IMPLEMENTS: [],
  BUILDS_ON: ['relation'],
};

/**
 * `extracted` relationships are CREATEd with their properties inline (no MERGE: the paper's old ones
 * were deleted earlier in the same transaction, and the builder emits one row per key), between
 * nodes taken by position from the batch's node lists (NODE_LIST; the driver sends numbers as
 * floats, hence toInteger). A null value writes no property, as `SET r = map` did.
 */
function createRels(kind: RelKind): string {
  const s = REL_SHAPE[kind];
  const from = NODE_LIST[s.from];
  const to = NODE_LIST[s.to];
  const props = [
    `source: 'extracted'`,
    ...[...CREATED_ROW_BASE, ...CREATED_ROW_EXTRA[kind]].map((name, i) => `${name}: row[${i + 2}]`),
  ].join(', ');
  return `
WITH ${from === to ? from : `${from}, ${to}`}
UNWIND $rows AS row
WITH ${from}[toInteger(row[0])] AS a, ${to}[toInteger(row[1])] AS b, row
CREATE (a)-[:${s.type} {${props}}]->(b)`;
}

function mergeRels(kind: RelKind): string {
  const s = REL_SHAPE[kind];
  const key =
    kind === 'BUILDS_ON'
      ? '{source: row.props.source, paperId: row.props.paperId, relation: row.props.relation}'
      : '{source: row.props.source, paperId: row.props.paperId}';
  return `
UNWIND $rows AS row
MATCH (a:${s.from} {id: row.from}) USING INDEX a:${s.from}(id)
MATCH (b:${s.to} {id: row.to}) USING INDEX b:${s.to}(id)
MERGE (a)-[r:${s.type} ${key}]->(b)
SET r += row.props`;
}

const KINDS = Object.keys(REL_SHAPE) as RelKind[];

/** `extracted` relationships: created from positional rows (see createRels), inside WRITE_BATCH only. */
export const CREATE_RELS = Object.fromEntries(KINDS.map((k) => [k, createRels(k)])) as Record<
  RelKind,
  string
>;

/** `pwc` relationships: merged on (endpoints, source, paper[, relation]). */
export const MERGE_RELS = Object.fromEntries(KINDS.map((k) => [k, mergeRels(k)])) as Record<RelKind, string>;

/** A paper's repos implement the methods it introduces, both per the PwC dumps (order-independent). */
export const MERGE_PWC_IMPLEMENTS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[:HAS_CODE {source: 'pwc'}]->(r:Repo) USING INDEX p:Paper(id)
MATCH (p)-[i:INTRODUCES {source: 'pwc'}]->(m:Method)
WHERE NOT EXISTS { MATCH (t:__Retraction {from: r.id, to: m.id}) WHERE t.type = 'IMPLEMENTS' AND t.paper IN ['*', id] }
MERGE (r)-[x:IMPLEMENTS {source: 'pwc', paperId: id}]->(m)
SET x.extractorVersion = i.extractorVersion, x.confidence = 1.0, x.rule = 'pwc-paper-repo-implements-introduced', x.evidence = '[]'`;

/**
 * Curators' corrections that concern a batch (src/curation/, applied by curation-overlay.ts): the
 * redirects of merged ids among `$ids`, and the retractions and removed aliases of the ids as
 * redirected. Rows of lists: redirects `[old, into]`, retractions `[type, from, to, paper]`,
 * removed `[entity, key]`.
 */
export const READ_CURATION = `
UNWIND $ids AS id
OPTIONAL MATCH (r:__Redirect {id: id})
WITH collect(CASE WHEN r IS NULL THEN null ELSE [id, r.into] END) AS redirects,
     collect(coalesce(r.into, id)) AS mapped
CALL {
  WITH mapped
  UNWIND mapped AS id
  MATCH (t:__Retraction {from: id})
  RETURN collect([t.type, t.from, t.to, t.paper]) AS retractions
}
CALL {
  WITH mapped
  UNWIND mapped AS id
  MATCH (b:__RemovedAlias {entity: id})
  RETURN collect([b.entity, b.key]) AS removed
}
RETURN redirects, retractions, removed`;

/** Canonical dump for tests: every node with labels and properties. */
export const DUMP_NODES = `
MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__')
RETURN labels(n) AS labels, properties(n) AS props`;

/** Canonical dump for tests: every relationship with its endpoint ids and properties. */
export const DUMP_RELS = `
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`;

export const COUNT_PAPERS = `MATCH (p:Paper) RETURN count(p) AS papers`;

/**
 * Wraps a statement as a unit subquery reading its list from `$batch.<key>` instead of `$rows` /
 * `$ids`. The batch travels as ONE map parameter: Neo4j's plan cache keys on the statement text and
 * the types of its parameters, and an empty list, a list of strings and a list of maps are different
 * types - with one list parameter per label and kind, every new combination of empty and non-empty
 * lists (common in small batches and single-paper mutations) planned the whole statement again,
 * seconds of CPU each. A map parameter has one type whatever it holds.
 */
function unit(statement: string, key: string): string {
  return `CALL {${statement.replace(/\$(rows|ids)\b/, `$batch.${key}`)}
}`;
}

/** Keys of the `$batch` map parameter of WRITE_NODES and WRITE_PAPERS. */
export const WRITE_BATCH_PARAMS = {
  replaceIds: 'replaceIds',
  papers: 'papers',
  stubs: 'stubs',
  /** Entity rows (WRITE_NODES). */
  entity: (type: EntityType) => `entity_${type}`,
  /** Repo rows (WRITE_NODES). */
  repos: 'repos',
  /** Ids of the batch's nodes of a label other than Paper, in row order (WRITE_PAPERS, see NODE_LIST). */
  nodeIds: (label: Exclude<NodeLabel, 'Paper'>) => `ids_${label}`,
  created: (kind: RelKind) => `create_${kind}`,
  merged: (kind: RelKind) => `merge_${kind}`,
  implementsFromPwc: 'implementsFromPwc',
  /** Metric rows (WRITE_NODES). */
  metrics: 'metrics',
  /** Result rows (WRITE_PAPERS). */
  results: 'results',
};

/** A MERGE statement as a subquery returning its nodes, in row order, as the list `name`. */
function collecting(statement: string, key: string, node: string, name: string): string {
  return `CALL {${statement.replace(/\$(rows|ids)\b/, `$batch.${key}`)}
RETURN collect(${node}) AS ${name}
}`;
}

/** The batch's (already merged) nodes of a label, found by id in row order, as the list NODE_LIST[label]. */
function lookup(label: Exclude<NodeLabel, 'Paper'>): string {
  return `CALL {
UNWIND $batch.${WRITE_BATCH_PARAMS.nodeIds(label)} AS id
MATCH (n:${label} {id: id}) USING INDEX n:${label}(id)
RETURN collect(n) AS ${NODE_LIST[label]}
}`;
}

const SHARED_LABELS = ['Method', 'Dataset', 'Task', 'Concept', 'Repo'] as const;

/*
 * A batch is written in two transactions (src/ingest/graph.writer.ts):
 *  1. WRITE_NODES - the shared nodes: paper stubs, entities (aliases and keys accumulate), repos.
 *     These transactions run one at a time in input order, so an entity's name and the order of
 *     its aliases are those of the input, whatever else runs at the same time.
 *  2. WRITE_PAPERS - each paper with its relationships: delete the papers' extracted relationships,
 *     merge the papers, create extracted and merge pwc relationships, derive pwc IMPLEMENTS. A
 *     paper's node, the deletion of its old edges and its new edges commit together. Several of
 *     these run at once (different papers), each after its batch's WRITE_NODES committed.
 * Each is ONE statement of sequential subqueries (one round trip) with one map parameter (see
 * unit()); empty lists make their subquery a no-op. Each ends with GRAPH_VERSION_BUMP, so the graph
 * version changes in the transaction that changes the graph (src/db/graph-version.queries.ts).
 *
 * `replan=skip`: a plan is made once per server and statement, never again when statistics drift.
 * Planning these statements costs seconds of CPU, and a graph that grows from empty crosses the
 * replanning threshold again and again during a large ingest. Nothing in the plans depends on
 * statistics: nodes are found by unique-constraint MERGE or by index hint, relationships by
 * expanding from their paper or by index hint, so a plan made on an empty graph is the plan.
 */

/** Stubs, entities and repos of a batch (transaction 1). */
export const WRITE_NODES = [
  'CYPHER replan=skip',
  unit(MERGE_PAPER_STUBS, WRITE_BATCH_PARAMS.stubs),
  ...(['method', 'dataset', 'task', 'concept'] as const).map((t) =>
    unit(MERGE_ENTITIES[t], WRITE_BATCH_PARAMS.entity(t)),
  ),
  unit(MERGE_REPOS, WRITE_BATCH_PARAMS.repos),
  unit(MERGE_METRICS, WRITE_BATCH_PARAMS.metrics),
  GRAPH_VERSION_BUMP,
  'RETURN 1 AS done',
].join('\n');

/**
 * Papers and relationships of a batch (transaction 2). Returns one row `{ written: true }`, or no row
 * when one of the batch's shared nodes is missing: a shared node deleted since it was merged would
 * shift the positions the created rows use, so nothing is created and the writer fails the
 * transaction (which also undoes the papers merged before the check).
 */
export const WRITE_PAPERS = [
  'CYPHER replan=skip',
  unit(DELETE_EXTRACTED_RESULTS, WRITE_BATCH_PARAMS.replaceIds),
  unit(DELETE_EXTRACTED_RELS, WRITE_BATCH_PARAMS.replaceIds),
  collecting(MERGE_PAPERS, WRITE_BATCH_PARAMS.papers, 'p', NODE_LIST.Paper),
  ...SHARED_LABELS.map(lookup),
  // a shared node missing (deleted since it was merged) would shift the positions: create nothing
  `WITH * WHERE ${SHARED_LABELS.map((l) => `size(${NODE_LIST[l]}) = size($batch.${WRITE_BATCH_PARAMS.nodeIds(l)})`).join(' AND ')}`,
  ...KINDS.flatMap((k) => [
    unit(CREATE_RELS[k], WRITE_BATCH_PARAMS.created(k)),
    unit(MERGE_RELS[k], WRITE_BATCH_PARAMS.merged(k)),
  ]),
  unit(MERGE_PWC_IMPLEMENTS, WRITE_BATCH_PARAMS.implementsFromPwc),
  unit(MERGE_RESULTS, WRITE_BATCH_PARAMS.results),
  GRAPH_VERSION_BUMP,
  'RETURN true AS written',
].join('\n');
