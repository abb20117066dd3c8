// Which fields a request selects under the current field (fragments and inline fragments included), so a
// resolver can skip work nobody asked for. Directives (@skip/@include) are ignored: a field under them
// counts as selected, which only costs work, never a wrong answer.
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

function selects(info: { fragments: Fragments }, set: SelectionSetNode | undefined, path: string[]): boolean {
  if (!set) return false;
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      if (selection.name.value !== path[0]) continue;
      if (path.length === 1 || selects(info, selection.selectionSet, path.slice(1))) return true;
    } else if (selection.kind === 'InlineFragment') {
      if (selects(info, selection.selectionSet, path)) return true;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && selects(info, fragment.selectionSet, path)) return true;
    }
  }
  return false;
}

/** True when the field being resolved selects `path` (e.g. `['pageInfo', 'hasNextPage']`). */
export function isSelected(info: GraphQLResolveInfo, path: string[]): boolean {
  return isSelectedUnder(info.fieldNodes, info.fragments, path);
}

/** The same, for any field's nodes (e.g. a nested field a root resolver looks ahead at). */
export function isSelectedUnder(
  fieldNodes: readonly FieldNode[],
  fragments: Fragments,
  path: string[],
): boolean {
  return fieldNodes.some((node) => selects({ fragments }, node.selectionSet, path));
}

/** The selection sets found under `path` below the field's nodes (fragments followed), e.g. `['edges', 'node']`. */
export function selectionsAt(
  fieldNodes: readonly FieldNode[],
  fragments: Fragments,
  path: readonly string[],
): (SelectionSetNode | undefined)[] {
  const under = (sets: (SelectionSetNode | undefined)[], name: string): (SelectionSetNode | undefined)[] =>
    sets.flatMap((set) =>
      (set?.selections ?? []).flatMap((s) => {
        if (s.kind === 'Field') return s.name.value === name ? [s.selectionSet] : [];
        const fragment = s.kind === 'InlineFragment' ? s : fragments[s.name.value];
        return fragment ? under([fragment.selectionSet], name) : [];
      }),
    );
  return path.reduce(
    under,
    fieldNodes.map((node) => node.selectionSet),
  );
}

/** The selection sets of a connection field's nodes: under `edges { node }` and under `nodes`. */
export function connectionNodeSelections(
  fieldNodes: readonly FieldNode[],
  fragments: Fragments,
): (SelectionSetNode | undefined)[] {
  return [
    ...selectionsAt(fieldNodes, fragments, ['edges', 'node']),
    ...selectionsAt(fieldNodes, fragments, ['nodes']),
  ];
}

/** Edge fields computed from the relationships behind an edge (not `node`, `cursor` or `paperCount`). */
const EDGE_DATA_FIELDS = ['role', 'relation', 'relations', 'confidence', 'source', 'sources', 'evidence'];

/** True when a connection field's nodes select any edge field that needs the relationships. */
export function selectsEdgeData(fieldNodes: readonly FieldNode[], fragments: Fragments): boolean {
  return EDGE_DATA_FIELDS.some((field) => isSelectedUnder(fieldNodes, fragments, ['edges', field]));
}
