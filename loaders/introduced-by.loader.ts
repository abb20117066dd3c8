// `introducedBy` for methods and datasets: one query per batch and label.
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import { asMap, toPaper } from '../src/read-model/graph-mappers';
import type { PaperModel } from '../src/read-model/models';
import { introducedByQuery, type IntroducedLabel } from './introduced-by.queries';

export function createIntroducedByLoader(
  executor: Executor,
  label: IntroducedLabel,
): DataLoader<string, PaperModel | null> {
  const cypher = introducedByQuery(label);
  return new DataLoader<string, PaperModel | null>(async (ids) => {
    const rows = await executor.read(
      cypher,
      { ids: [...ids] },
      { operation: `loader.introducedBy.${label}` },
    );
    const byId = new Map<string, PaperModel>();
    for (const row of rows) byId.set(String(row.id), toPaper(asMap(row.p)));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
