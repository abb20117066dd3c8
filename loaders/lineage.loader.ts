// Method lineage per (method, direction, depth, evidence, page, properties): one statement per distinct key. Root
// resolvers prime it with lineages they fetched in their own statement (loaders/prefetch.ts).
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import type { Plain } from '../src/db/values';
import { asList } from '../src/read-model/graph-mappers';
import { lineageQuery, type LineageDirectionName } from './lineage.queries';

export interface LineageKey {
  /** The method's `id` property. */
  id: string;
  direction: LineageDirectionName;
  /** Validated hop bound, 1..10. */
  maxDepth: number;
  /** Return relationship evidence. */
  evidence: boolean;
  /** Page size: the first `first` edges (and one more if there are more); null: the whole lineage. */
  first: number | null;
  /** Method properties to read (from the node-property table: names, never request text); null: all. */
  props: readonly string[] | null;
}

/** The lineage's edges as the statement returns them (see lineageClauses). */
export type LineageEdgeRows = Plain[];

export function lineageCacheKey(key: LineageKey): string {
  return [
    key.id,
    key.direction,
    key.maxDepth,
    key.evidence,
    key.first ?? '',
    key.props?.join(',') ?? '*',
  ].join('\u0000');
}

export function createLineageLoader(executor: Executor): DataLoader<LineageKey, LineageEdgeRows, string> {
  return new DataLoader<LineageKey, LineageEdgeRows, string>(
    (keys) =>
      Promise.all(
        keys.map(async (key) => {
          const rows = await executor.read(
            lineageQuery(key.direction, key.maxDepth, key.first !== null, key.props),
            { id: key.id, evidence: key.evidence, first: key.first },
            { operation: 'method.lineage' },
          );
          return asList(rows[0]?.edges);
        }),
      ),
    { cacheKeyFn: lineageCacheKey },
  );
}
