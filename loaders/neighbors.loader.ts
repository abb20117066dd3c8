// One DataLoader per nested relation (Paper.methods, Method.papers, ...): all parents asking for the
// same relation in one tick share a single query, whatever their role filter or page.
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import type { Plain } from '../src/db/values';
import { aggregateRelationships, asList, asMap, requireNodeModel } from '../src/read-model/graph-mappers';
import type { EdgeDataModel, NodeModel } from '../src/read-model/models';
import { RELATIONS, neighborsQuery, type PageShape, type RelationName } from './neighbors.queries';

export interface NeighborKey {
  /** The parent's `id` property (bare id for papers). */
  id: string;
  role: 'INTRODUCED' | 'USED' | null;
  skip: number;
  limit: number;
  /** Return paper abstracts (absent: yes). Without them the nodes must not be primed into the node loader. */
  abstract?: boolean;
  /** Node properties to return (`id` first); absent or null: all of them (the node is then complete). */
  props?: readonly string[] | null;
  /** Return the relationships behind each edge (role, relation, confidence, source...; absent: yes). */
  rels?: boolean;
  /** Return relationship evidence (absent: yes; only with `rels`). */
  evidence?: boolean;
  /** Count the whole list (absent: yes). Without it a prefetched page's `total` is null. */
  total?: boolean;
}

export interface NeighborPage {
  /** Items in the whole list; null when the key did not ask for it (`total: false`). */
  total: number | null;
  items: { node: NodeModel; data: EdgeDataModel }[];
}

const EMPTY: NeighborPage = { total: 0, items: [] };

/** Edge data of an item sent without relationships (read-only, shared by all of them). */
const NO_EDGE_DATA = Object.freeze(aggregateRelationships([], null));

export type NeighborLoaders = Record<RelationName, DataLoader<NeighborKey, NeighborPage, string>>;

/** Maps one parent's `total` and projected `page` (neighborsPageClauses) to a NeighborPage. */
export function toNeighborPage(
  name: RelationName,
  total: Plain | undefined,
  page: Plain | undefined,
  props: readonly string[] | null = null,
): NeighborPage {
  const derived = RELATIONS[name].derived;
  const items = asList(page).map((value) => {
    // compact item (prefetchPageClauses): just the node's values in `props` order
    if (Array.isArray(value) && props)
      return {
        node: requireNodeModel(withProperties({ __labels: [TARGET_LABEL[name]], __values: value }, props)),
        data: NO_EDGE_DATA,
      };
    const item = asMap(value);
    const n = typeof item.n === 'number' ? item.n : null;
    return {
      node: requireNodeModel(props ? withProperties(item.node, props) : item.node),
      data: aggregateRelationships(item.rels, derived ? n : null),
    };
  });
  return { total: total === null || total === undefined ? null : Number(total), items };
}

/** The label of the nodes each relation leads to (`t` in its pattern), read once from the table. */
const TARGET_LABEL = Object.fromEntries(
  (Object.keys(RELATIONS) as RelationName[]).map((name) => {
    const match = /\(t:([A-Za-z]+)\)/.exec(RELATIONS[name].pattern);
    if (!match) throw new Error(`relation ${name} has no labelled target`);
    return [name, match[1]];
  }),
) as Record<RelationName, string>;

/** A node sent as `{ __labels, __values }` (values in `props` order) as a property map. */
function withProperties(node: Plain | undefined, props: readonly string[]): Plain {
  const sent = asMap(node);
  const values = asList(sent.__values);
  const map: { [key: string]: Plain } = { __labels: sent.__labels ?? [] };
  props.forEach((p, i) => {
    if (values[i] !== null && values[i] !== undefined) map[p] = values[i];
  });
  return map;
}

/** The loader parameter of one key (also the prefetch parameter: the same page either way). */
export function neighborKeyParam(name: RelationName, key: NeighborKey): Record<string, unknown> {
  return { id: key.id, skip: key.skip, limit: key.limit, ...neighborPageShape(name, key) };
}

/** The key's flags as a prefetch page shape (the prefetch form folds them into the statement text). */
export function neighborPageShape(name: RelationName, key: Omit<NeighborKey, 'id'>): PageShape {
  const spec = RELATIONS[name];
  return {
    types: key.role && spec.roleTypes ? spec.roleTypes[key.role] : null,
    props: key.props ?? null,
    abstract: key.abstract ?? true,
    rels: key.rels ?? true,
    evidence: key.evidence ?? true,
    total: key.total ?? true,
  };
}

/** The loader's cache key of a NeighborKey (priming must use the same). */
export function neighborCacheKey(key: NeighborKey): string {
  return [
    key.id,
    key.role ?? '',
    key.skip,
    key.limit,
    key.abstract ?? true,
    key.evidence ?? true,
    key.rels ?? true,
    key.total ?? true,
    key.props ? key.props.join(',') : '*',
  ].join('\u0000');
}

function createNeighborLoader(
  executor: Executor,
  name: RelationName,
): DataLoader<NeighborKey, NeighborPage, string> {
  const cypher = neighborsQuery(name);
  return new DataLoader<NeighborKey, NeighborPage, string>(
    async (keys) => {
      const params = keys.map((key, i) => ({ i, ...neighborKeyParam(name, key) }));
      const rows = await executor.read(cypher, { keys: params }, { operation: `loader.${name}` });
      const byIndex = new Map<number, NeighborPage>();
      for (const row of rows)
        byIndex.set(
          Number(row.i),
          toNeighborPage(name, row.total, row.page, keys[Number(row.i)].props ?? null),
        );
      return keys.map((_, i) => byIndex.get(i) ?? EMPTY);
    },
    { cacheKeyFn: neighborCacheKey },
  );
}

export function createNeighborLoaders(executor: Executor): NeighborLoaders {
  const loaders = {} as NeighborLoaders;
  for (const name of Object.keys(RELATIONS) as RelationName[])
    loaders[name] = createNeighborLoader(executor, name);
  return loaders;
}
