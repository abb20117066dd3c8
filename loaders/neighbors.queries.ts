// Cypher for every nested to-many field: one static statement per relation (built once from the
// closed table below), answering a whole batch of parents with per-parent role filter and page.

export type RelationName =
  | 'paper.methods'
  | 'paper.datasets'
  | 'paper.tasks'
  | 'paper.concepts'
  | 'paper.repos'
  | 'method.papers'
  | 'method.repos'
  | 'method.datasets'
  | 'method.tasks'
  | 'method.parents'
  | 'method.children'
  | 'dataset.papers'
  | 'dataset.methods'
  | 'dataset.tasks'
  | 'task.papers'
  | 'task.methods'
  | 'task.datasets'
  | 'concept.papers'
  | 'repo.papers'
  | 'repo.methods';

type Label = 'Paper' | 'Method' | 'Dataset' | 'Task' | 'Concept' | 'Repo';
type Order = 'entity' | 'paper' | 'repo' | 'count';

export interface RelationSpec {
  source: Label;
  /** Pattern from `s` (the parent) to `t` (the edge's node); `r` is the relationship on the edge. */
  pattern: string;
  /** Derived (two-hop through a paper `p`): edges carry the number of papers linking the pair. */
  derived: boolean;
  order: Order;
  /** Relationship types selected by `role` (direct relations between papers and methods/datasets). */
  roleTypes?: { INTRODUCED: string[]; USED: string[] };
}

export const RELATIONS: Record<RelationName, RelationSpec> = {
  'paper.methods': {
    source: 'Paper',
    pattern: '(s)-[r:INTRODUCES|USES]->(t:Method)',
    derived: false,
    order: 'entity',
    roleTypes: { INTRODUCED: ['INTRODUCES'], USED: ['USES'] },
  },
  'paper.datasets': {
    source: 'Paper',
    pattern: '(s)-[r:INTRODUCES|EVALUATES_ON]->(t:Dataset)',
    derived: false,
    order: 'entity',
    roleTypes: { INTRODUCED: ['INTRODUCES'], USED: ['EVALUATES_ON'] },
  },
  'paper.tasks': { source: 'Paper', pattern: '(s)-[r:ADDRESSES]->(t:Task)', derived: false, order: 'entity' },
  'paper.concepts': {
    source: 'Paper',
    pattern: '(s)-[r:MENTIONS]->(t:Concept)',
    derived: false,
    order: 'entity',
  },
  'paper.repos': { source: 'Paper', pattern: '(s)-[r:HAS_CODE]->(t:Repo)', derived: false, order: 'repo' },
  'method.papers': {
    source: 'Method',
    pattern: '(s)<-[r:INTRODUCES|USES]-(t:Paper)',
    derived: false,
    order: 'paper',
    roleTypes: { INTRODUCED: ['INTRODUCES'], USED: ['USES'] },
  },
  'method.repos': {
    source: 'Method',
    pattern: '(s)<-[r:IMPLEMENTS]-(t:Repo)',
    derived: false,
    order: 'repo',
  },
  'method.datasets': {
    source: 'Method',
    pattern: '(s)<-[:INTRODUCES|USES]-(p:Paper)-[r:EVALUATES_ON]->(t:Dataset)',
    derived: true,
    order: 'count',
  },
  'method.tasks': {
    source: 'Method',
    pattern: '(s)<-[:INTRODUCES|USES]-(p:Paper)-[r:ADDRESSES]->(t:Task)',
    derived: true,
    order: 'count',
  },
  'method.parents': {
    source: 'Method',
    pattern: '(s)-[r:BUILDS_ON]->(t:Method)',
    derived: false,
    order: 'entity',
  },
  'method.children': {
    source: 'Method',
    pattern: '(s)<-[r:BUILDS_ON]-(t:Method)',
    derived: false,
    order: 'entity',
  },
  'dataset.papers': {
    source: 'Dataset',
    pattern: '(s)<-[r:INTRODUCES|EVALUATES_ON]-(t:Paper)',
    derived: false,
    order: 'paper',
    roleTypes: { INTRODUCED: ['INTRODUCES'], USED: ['EVALUATES_ON'] },
  },
  'dataset.methods': {
    source: 'Dataset',
    pattern: '(s)<-[:EVALUATES_ON]-(p:Paper)-[r:INTRODUCES|USES]->(t:Method)',
    derived: true,
    order: 'count',
  },
  'dataset.tasks': {
    source: 'Dataset',
    pattern: '(s)<-[:INTRODUCES|EVALUATES_ON]-(p:Paper)-[r:ADDRESSES]->(t:Task)',
    derived: true,
    order: 'count',
  },
  'task.papers': { source: 'Task', pattern: '(s)<-[r:ADDRESSES]-(t:Paper)', derived: false, order: 'paper' },
  'task.methods': {
    source: 'Task',
    pattern: '(s)<-[:ADDRESSES]-(p:Paper)-[r:INTRODUCES|USES]->(t:Method)',
    derived: true,
    order: 'count',
  },
  'task.datasets': {
    source: 'Task',
    pattern: '(s)<-[:ADDRESSES]-(p:Paper)-[r:INTRODUCES|EVALUATES_ON]->(t:Dataset)',
    derived: true,
    order: 'count',
  },
  'concept.papers': {
    source: 'Concept',
    pattern: '(s)<-[r:MENTIONS]-(t:Paper)',
    derived: false,
    order: 'paper',
  },
  'repo.papers': { source: 'Repo', pattern: '(s)<-[r:HAS_CODE]-(t:Paper)', derived: false, order: 'paper' },
  'repo.methods': {
    source: 'Repo',
    pattern: '(s)-[r:IMPLEMENTS]->(t:Method)',
    derived: false,
    order: 'entity',
  },
};

/**
 * A relationship `x` as the property map the mappers read (aggregateRelationships), its evidence JSON
 * given by the Cypher expression `evidence` (null when not asked for). Used by every statement that
 * returns edge data: neighbor pages, their prefetch form, lineages.
 */
export function relationshipMap(evidence: string): string {
  return `x { .source, .confidence, .paperId, .relation, .extractorVersion, .rule, evidence: ${evidence}, __type: type(x) }`;
}

const ORDER_BY: Record<Order, string> = {
  entity: 'toLower(t.name), t.id',
  paper: "coalesce(t.published, '') DESC, t.id",
  repo: 't.id',
  count: 'n DESC, toLower(t.name), t.id',
};

/**
 * The page of one relation for one parent: with `s` (the parent node) and `key` (`{ types, skip, limit,
 * abstract, rels, evidence }`; when `keyParam` is given, the same map is that statement parameter, and
 * `edgeData` false says `key.rels` is false) in
 * scope, yields one row `{ key, total, page }`, `page` the requested slice as `[{ node, rels, n, pf? }]`
 * (`pf`: the `nested` prefetch results of the item's node). Only the slice is projected, keeping the Bolt
 * payload small: only `key.props` of a node when given (as `__values`, in that order), else its existing
 * properties (a paper's 1-2 KB abstract only when `key.abstract`), the relationships' properties the
 * mappers read only when `key.rels` (the client selected edge data). Shared by the batched loader
 * statement and the prefetching subqueries (loaders/prefetch.ts), so both answer exactly the same page.
 */
export function neighborsPageClauses(
  name: RelationName,
  nested?: NestedPrefetch,
  keyParam?: string,
  edgeData = true,
): string {
  const spec = RELATIONS[name];
  // `n` (papers linking the pair) is read only for derived relations: direct edges do not report it.
  const count = spec.derived ? 'count(DISTINCT p)' : 'null';
  const match = `OPTIONAL MATCH ${spec.pattern}
  WHERE key.types IS NULL OR type(r) IN key.types`;
  // The page's raw items `slice` and the `total`. With the key as a statement parameter (prefetching),
  // SKIP/LIMIT can cut the page (a top-k, not a sort of every item: popular entities have thousands);
  // with the key a row of a batch (the loader), they cannot refer to it, so the ordered list is sliced.
  const sliced = keyParam
    ? `
CALL {
  WITH s, key
  ${match}
  RETURN count(DISTINCT t) AS total
}
CALL {
  WITH s, key
  ${match}
  ${
    // Without edge data (and no paper count), the page needs only distinct nodes: no per-node
    // collection of relationships over every item before the top-k.
    edgeData || spec.derived
      ? `WITH t, collect(DISTINCT r) AS rels, ${count} AS n`
      : 'WITH DISTINCT t, [] AS rels, null AS n'
  }
  WHERE t IS NOT NULL
  ORDER BY ${ORDER_BY[spec.order]}
  SKIP toInteger($${keyParam}.skip) LIMIT toInteger($${keyParam}.limit)
  RETURN collect({t: t, rels: rels, n: n}) AS slice
}`
    : `
${match}
WITH key, t, collect(DISTINCT r) AS rels, ${count} AS n
ORDER BY ${ORDER_BY[spec.order]}
WITH key, collect(CASE WHEN t IS NULL THEN null ELSE {t: t, rels: rels, n: n} END) AS items
WITH key, size(items) AS total, items[toInteger(key.skip)..toInteger(key.skip + key.limit)] AS slice`;
  // With nested prefetching, each item's node `t` runs the nested subqueries; `idx` keeps the page order.
  const unwind = nested
    ? `UNWIND range(0, size(slice) - 1) AS idx
  WITH key, slice[idx] AS item, idx
  WITH key, item, idx, item.t AS t${nested.subqueries}
  WITH key, item, t, ${nested.columns} AS pf
  ORDER BY idx`
    : `UNWIND slice AS item
  WITH key, item, item.t AS t`;
  return `${sliced}
CALL {
  WITH key, slice
  ${unwind}
  RETURN collect({
    node: CASE WHEN key.props IS NULL
      THEN t { .*, abstract: CASE WHEN key.abstract THEN t.abstract END, __labels: labels(t) }
      ELSE { __labels: labels(t), __values: [k IN key.props | t[k]] } END,
    rels: CASE WHEN key.rels THEN [x IN item.rels | ${relationshipMap('CASE WHEN key.evidence THEN x.evidence END')}] ELSE [] END,
    n: item.n${nested ? ', pf: pf' : ''}
  }) AS page
}
WITH key, total, page`;
}

/** Subqueries run for each item's node `t` of a page (loaders/prefetch.ts) and the list of their columns. */
export interface NestedPrefetch {
  subqueries: string;
  columns: string;
}

/**
 * Params: `keys`: `[{ i, id, types, skip, limit, abstract, rels, evidence }]` (`types` null = every type in
 * the pattern; `abstract`/`rels`/`evidence`: whether paper abstracts / relationships / their evidence JSON are
 * returned).
 * Returns one row per parent found: `{ i, total, page: [{ node, rels, n }] }` - `node` a property map with
 * `__labels`, `rels` property maps with `__type`, both limited to what the mappers read.
 */
export function neighborsQuery(name: RelationName): string {
  return `
UNWIND $keys AS key
MATCH (s:${RELATIONS[name].source} {id: key.id})
CALL {
  WITH s, key${neighborsPageClauses(name)}
  RETURN total, page
}
RETURN key.i AS i, total, page`;
}

/** What a prefetched page returns, known when the statement is planned (the loader's key flags). */
export interface PageShape {
  /** The role's relationship types; null: every type of the relation's pattern. */
  types: readonly string[] | null;
  /** Node properties to return, in this order (`__values`); null: all of them. */
  props: readonly string[] | null;
  abstract: boolean;
  /** Return the relationships behind each edge (and their evidence when `evidence`). */
  rels: boolean;
  evidence: boolean;
  /** Count the whole list (the client selected `totalCount` or `pageInfo`); else `total` is null. */
  total: boolean;
}

/**
 * A page ordered newest first is cut from the published-date index instead of sorting every linked
 * paper when the entity is linked to so many papers that walking the index (about
 * `(skip + limit) * papers / degree` index entries, each an existence check from the paper side)
 * is cheaper than reading two properties of each of them: degree^2 > WALK_FACTOR * (skip + limit) * papers.
 */
export const WALK_FACTOR = 20;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Property names written into statement text come from the node-property table, never from a request;
 * this guards that anyway (a name that is not a plain identifier throws).
 */
export function checkPropertyNames(props: readonly string[]): readonly string[] {
  for (const p of props) if (!IDENT.test(p)) throw new Error(`not a property name: ${p}`);
  return props;
}

function propertyList(props: readonly string[]): string {
  return `[${checkPropertyNames(props)
    .map((p) => `t.${p}`)
    .join(', ')}]`;
}

/** The relation's pattern with the relationship types narrowed to `types` (a role). */
function narrowed(spec: RelationSpec, types: readonly string[] | null): string {
  const match = /\[r:([A-Z_|]+)\]/.exec(spec.pattern);
  if (!match) throw new Error(`pattern without a typed relationship: ${spec.pattern}`);
  const list = types && types.length > 0 ? types.join('|') : match[1];
  return spec.pattern.replace(match[0], `[r:${list}]`);
}

/**
 * The prefetch form of a direct relation's page (root statements, loaders/prefetch.ts), with the
 * key's flags folded into the text: the role's types in the pattern (the planner expands only them),
 * only the selected properties, the total only when selected. The page's nodes are found first and
 * their relationships read only for them; a page of papers ordered newest first comes from the
 * published-date index when the entity is popular (WALK_FACTOR). With `s` (the parent) in scope,
 * ends with `total, page` as neighborsPageClauses does, so both forms prime the same NeighborPage.
 * Derived relations (ordered by paper count) use neighborsPageClauses.
 */
export function prefetchPageClauses(
  name: RelationName,
  shape: PageShape,
  param: string,
  nested?: NestedPrefetch,
  walkFactor = WALK_FACTOR,
): string {
  const spec = RELATIONS[name];
  if (spec.derived) throw new Error(`${name} is derived: use neighborsPageClauses`);
  const pattern = narrowed(spec, shape.types);
  const skip = `toInteger($${param}.skip)`;
  const limit = `toInteger($${param}.limit)`;
  // Relations ordered by paper all end at a paper (every such type starts at :Paper): counting them
  // needs no label check of the far end.
  const countPattern = spec.order === 'paper' ? pattern.replace('(t:Paper)', '(t)') : pattern;
  const sorted = `COLLECT { MATCH ${pattern} WITH DISTINCT t ORDER BY ${ORDER_BY[spec.order]}
      SKIP ${skip} LIMIT ${limit} RETURN t }`;
  const pageNodes =
    spec.order === 'paper'
      ? `
  CALL { MATCH (x:Paper) RETURN count(x) AS papers }
  WITH s, ${skip} + ${limit} AS k, COUNT { ${countPattern.replace('(t)', '()').replace('[r:', '[:')} } AS degree, papers
  WITH s, k, CASE WHEN degree * degree > ${walkFactor} * k * papers
    THEN COLLECT { MATCH (t:Paper) USING INDEX t:Paper(published)
      WHERE t.published > '' AND EXISTS { ${pattern.replace('[r:', '[:')} }
      WITH t ORDER BY t.published DESC, t.id LIMIT ${skip} + ${limit} RETURN t }
  END AS head
  WITH s, CASE
    WHEN head IS NULL THEN ${sorted}
    WHEN size(head) = k THEN head[${skip}..]
    ELSE (head + COLLECT { MATCH ${pattern} WHERE coalesce(t.published, '') = ''
      WITH DISTINCT t ORDER BY t.id LIMIT ${skip} + ${limit} RETURN t })[${skip}..k]
  END AS ts`
      : `
  WITH s, ${sorted} AS ts`;
  const total = shape.total
    ? `
CALL {
  WITH s
  MATCH ${countPattern}
  RETURN count(DISTINCT t) AS total
}`
    : `
WITH s, null AS total`;
  // Only node values asked for (the common nested list: `edges { node { id name } }`): each item is
  // just the list of values (the node's label is the relation's own, the edge has no data), which
  // is a third of the map-shaped item's bytes to pack and unpack.
  if (shape.props && !shape.rels && !nested)
    return `${total}
CALL {
  WITH s${pageNodes}
  RETURN [t IN ts | ${propertyList(shape.props)}] AS page
}
WITH total, page`;
  const node = shape.props
    ? `{ __labels: labels(t), __values: ${propertyList(shape.props)} }`
    : `t { .*, ${shape.abstract ? '' : 'abstract: null, '}__labels: labels(t) }`;
  const rels = shape.rels
    ? `[x IN [${pattern.replace(/\(t:[A-Za-z]+\)/, '(t)')} | r] | ${relationshipMap(shape.evidence ? 'x.evidence' : 'null')}]`
    : '[]';
  const items = nested
    ? `UNWIND range(0, size(ts) - 1) AS idx
  WITH s, ts[idx] AS t, idx${nested.subqueries}
  WITH s, t, ${nested.columns} AS pf
  ORDER BY idx`
    : `UNWIND ts AS t`;
  return `${total}
CALL {
  WITH s${pageNodes}
  ${items}
  RETURN collect({ node: ${node}, rels: ${rels}, n: null${nested ? ', pf: pf' : ''} }) AS page
}
WITH total, page`;
}
