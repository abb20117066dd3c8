// Which node properties a selection needs, so nested pages read and send only those (a list of 50
// papers with their methods moves a fraction of the bytes). Each GraphQL field of a node type maps
// to the properties its model field is built from (graph-mappers.ts); fields resolved elsewhere
// (connections, introducedBy, related, evidence) need only the id. Any field not in this table -
// `lineage`, which echoes its method, or a field added later - means "all properties", so the
// table can only ever make a page smaller, never wrong. Lineage methods use the same table.
import {
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { connectionNodeSelections, isSelectedUnder, selectionsAt } from './selection';

type FieldProperties = Record<string, readonly string[]>;

const RELATED_BY_ID = ['papers', 'repos', 'datasets', 'tasks', 'methods', 'concepts', 'parents', 'children'];
const byId = (fields: string[]): FieldProperties => Object.fromEntries(fields.map((f) => [f, []]));

const ENTITY: FieldProperties = {
  id: ['id'],
  name: ['name'],
  aliases: ['aliases'],
  fullName: ['fullName'],
  description: ['description'],
  url: ['url'],
  collections: ['collections'],
  ...byId([...RELATED_BY_ID, 'introducedBy', 'related']),
};

const PROPERTIES_OF: Record<string, FieldProperties> = {
  Paper: {
    id: ['id'],
    paperId: ['id'],
    title: ['title'],
    abstract: ['abstract'],
    url: ['url'],
    arxivId: ['arxivId'],
    doi: ['doi'],
    published: ['published'],
    year: ['year'],
    authors: ['authors'],
    links: ['links', 'linkKinds'],
    extractorVersion: ['extractorVersion'],
    ingestedAt: ['ingestedAt'],
    ...byId(RELATED_BY_ID),
  },
  Method: ENTITY,
  Dataset: ENTITY,
  Task: ENTITY,
  Concept: ENTITY,
  Repo: {
    id: ['id'],
    url: ['url'],
    host: ['host'],
    owner: ['owner'],
    name: ['name', 'url'],
    stars: ['stars'],
    framework: ['framework'],
    ...byId(RELATED_BY_ID),
  },
  // a result's own properties (its linked nodes are read by their own tables)
  Result: {
    id: ['id'],
    value: ['value'],
    unit: ['unit'],
    source: ['source'],
    confidence: ['confidence'],
    evidence: ['evidence'],
    date: ['date'],
    rawValue: ['rawValue'],
    modelName: ['modelName'],
    ...byId(['metric', 'dataset', 'method', 'task', 'paper']),
  },
  Metric: {
    id: ['id'],
    name: ['name'],
    aliases: ['aliases'],
    higherIsBetter: ['higherIsBetter'],
  },
};

function collect(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  set: SelectionSetNode | undefined,
  into: Set<string>,
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') into.add(selection.name.value);
    else {
      const fragment = selection.kind === 'InlineFragment' ? selection : info.fragments[selection.name.value];
      collect(info, fragment?.selectionSet, into);
    }
  }
}

/** The node type of a connection type (the element type of its `nodes` field). */
export function connectionNodeType(connection: GraphQLOutputType): GraphQLObjectType | null {
  const named = getNamedType(connection);
  if (!isObjectType(named)) return null;
  const nodes = named.getFields().nodes;
  const nodeType = nodes ? getNamedType(nodes.type) : null;
  return nodeType && isObjectType(nodeType) ? nodeType : null;
}

/** The properties nodes of type `typeName` need for the selection sets `sets` (`id` first), or `null` for all. */
function propertiesFor(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  typeName: string | undefined,
  sets: (SelectionSetNode | undefined)[],
): string[] | null {
  const table = typeName ? PROPERTIES_OF[typeName] : undefined;
  if (!table) return null;
  const fields = new Set<string>();
  for (const set of sets) collect(info, set, fields);
  const props = new Set<string>(['id']);
  for (const field of fields) {
    if (field === '__typename') continue;
    const needs = table[field];
    if (!needs) return null;
    for (const p of needs) props.add(p);
  }
  return [...props];
}

/**
 * The properties the nodes of a connection field need (`id` first), or `null` for "all of them" (a
 * field outside the table, or an unknown node type).
 */
export function connectionNodeProperties(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodeType: GraphQLObjectType | null,
  fieldNodes: readonly FieldNode[],
): string[] | null {
  return propertiesFor(info, nodeType?.name, connectionNodeSelections(fieldNodes, info.fragments));
}

/**
 * The properties the methods of a `lineage` field need: what its `nodes`, `edges.from` and `edges.to`
 * select (`id` first), or `null` for all.
 */
export function lineageNodeProperties(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  fieldNodes: readonly FieldNode[],
): string[] | null {
  const sets = [['nodes'], ['edges', 'from'], ['edges', 'to']].flatMap((path) =>
    selectionsAt(fieldNodes, info.fragments, path),
  );
  return propertiesFor(info, 'Method', sets);
}

/** The properties a page of results needs of each result and its paper, method, dataset, task and metric (`null`: all). */
export interface ResultRowProperties {
  result: string[] | null;
  metric: string[] | null;
  paper: string[] | null;
  method: string[] | null;
  dataset: string[] | null;
  task: string[] | null;
}

/**
 * The properties the results of a result connection (`Dataset.leaderboard`) need of themselves and of
 * the nodes they link to, from what the client selected under `edges.node` and `nodes` (`paper { title }`
 * reads the paper's id and title, not its abstract; `value unit date` reads those of the result, not its
 * evidence or raw value). A linked node the client did not select at all is `[]`: not read. A result's
 * `source` and `confidence` are read when its edge's `source`, `sources` or `confidence` is selected too.
 */
export function resultRowProperties(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  fieldNodes: readonly FieldNode[],
): ResultRowProperties {
  const under = (field: string) =>
    [
      ['edges', 'node', field],
      ['nodes', field],
    ].flatMap((path) => selectionsAt(fieldNodes, info.fragments, path));
  const linked = (type: string, field: string): string[] | null => {
    const sets = under(field);
    return sets.length === 0 ? [] : propertiesFor(info, type, sets);
  };
  const own = propertiesFor(info, 'Result', connectionNodeSelections(fieldNodes, info.fragments));
  const edgeData = ['source', 'sources', 'confidence'].some((f) =>
    isSelectedUnder(fieldNodes, info.fragments, ['edges', f]),
  );
  return {
    result: own && edgeData ? [...new Set([...own, 'source', 'confidence'])] : own,
    metric: linked('Metric', 'metric'),
    paper: linked('Paper', 'paper'),
    method: linked('Method', 'method'),
    dataset: linked('Dataset', 'dataset'),
    task: linked('Task', 'task'),
  };
}
