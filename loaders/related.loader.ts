// `related(first, types)` on entities: co-occurring entities with shared-paper counts, one query per
// batch and label.
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import { asList, asMap, requireNodeModel } from '../src/read-model/graph-mappers';
import type { EntityModel } from '../src/read-model/models';
import { relatedQuery, type RelatedLabel } from './related.queries';

export interface RelatedKey {
  id: string;
  labels: RelatedLabel[] | null;
  limit: number;
}

export interface RelatedItem {
  node: EntityModel;
  paperCount: number;
}

export function createRelatedLoader(
  executor: Executor,
  label: RelatedLabel,
): DataLoader<RelatedKey, RelatedItem[], string> {
  const cypher = relatedQuery(label);
  return new DataLoader<RelatedKey, RelatedItem[], string>(
    async (keys) => {
      const params = keys.map((key, i) => ({ i, id: key.id, labels: key.labels, limit: key.limit }));
      const rows = await executor.read(cypher, { keys: params }, { operation: `loader.related.${label}` });
      const byIndex = new Map<number, RelatedItem[]>();
      for (const row of rows) {
        byIndex.set(
          Number(row.i),
          asList(row.items).map((value) => {
            const item = asMap(value);
            return { node: requireNodeModel(item.node) as EntityModel, paperCount: Number(item.n) };
          }),
        );
      }
      return keys.map((_, i) => byIndex.get(i) ?? []);
    },
    { cacheKeyFn: (key) => `${key.id}\u0000${(key.labels ?? []).join(',')}\u0000${key.limit}` },
  );
}
