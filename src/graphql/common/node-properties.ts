// Which node properties a selection needs, so nested pages read and send only those (a list of 50
// papers with their methods moves a fraction of the bytes). Each GraphQL field of a node type maps
// to the properties its model field is built from (graph-mappers.ts); fields resolved elsewhere
// (connections, introducedBy, related, evidence) need only the id. Any field not in this table -
// `lineage`, which echoes its method, or a field added later - means "all properties", so the
// table can only ever make a page smaller, never wrong.
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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

/** The `edges.node` and `nodes` selection sets of a connection field's nodes. */
function nodeSets(info: Pick<GraphQLResolveInfo, 'fragments'>, fieldNodes: readonly FieldNode[]) {
  const under = (sets: (SelectionSetNode | undefined)[], name: string): (SelectionSetNode | undefined)[] =>
    sets.flatMap((set) =>
      (set?.selections ?? []).flatMap((s) => {
        if (s.kind === 'Field') return s.name.value === name ? [s.selectionSet] : [];
        const fragment = s.kind === 'InlineFragment' ? s : info.fragments[s.name.value];
        return fragment ? under([fragment.selectionSet], name) : [];
      }),
    );
  const roots = fieldNodes.map((n) => n.selectionSet);
  return [...under(under(roots, 'edges'), 'node'), ...under(roots, 'nodes')];
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
  const table = nodeType ? PROPERTIES_OF[nodeType.name] : undefined;
  if (!table) return null;
  const fields = new Set<string>();
  for (const set of nodeSets(info, fieldNodes)) collect(info, set, fields);
  const props = new Set<string>(['id']);
  for (const field of fields) {
    if (field === '__typename') continue;
    const needs = table[field];
    if (!needs) return null;
    for (const p of needs) props.add(p);
  }
  return [...props];
}
