// Loads any domain node by its global id (`method:x`, `paper:<id>`, `repo:host/o/n`): one query per batch.
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import { requireNodeModel } from '../src/read-model/graph-mappers';
import { parseGlobalId } from '../src/read-model/ids';
import type { NodeModel } from '../src/read-model/models';
import { NODES_BY_ID, REDIRECTS } from './node.queries';

const PARAM_OF_TYPE = {
  Paper: 'paper',
  Method: 'method',
  Dataset: 'dataset',
  Task: 'task',
  Concept: 'concept',
  Repo: 'repo',
} as const;

/**
 * Loads any domain node by global id. An id that is not found but was merged into another entity
 * (mergeEntities leaves a `__Redirect`) answers with the survivor: one more query, only on misses.
 */
export function createNodeLoader(executor: Executor): DataLoader<string, NodeModel | null> {
  const byIds = nodesById(executor);
  return new DataLoader<string, NodeModel | null>(async (ids) => {
    const found = await byIds(ids);
    const missing = ids.filter((id, i) => found[i] === null && !id.startsWith('paper:') && id.includes(':'));
    if (missing.length === 0) return found;
    const rows = await executor.read(REDIRECTS, { ids: missing }, { operation: 'loader.redirects' });
    const into = new Map(rows.map((r) => [String(r.id), String(r.into)]));
    if (into.size === 0) return found;
    const survivors = await byIds([...new Set(into.values())]);
    const survivorById = new Map(survivors.filter((n): n is NodeModel => n !== null).map((n) => [n.id, n]));
    return ids.map((id, i) => found[i] ?? survivorById.get(into.get(id) ?? '') ?? null);
  });
}

function nodesById(executor: Executor): (ids: readonly string[]) => Promise<(NodeModel | null)[]> {
  return async (ids) => {
    const params: Record<string, string[]> = {
      paper: [],
      method: [],
      dataset: [],
      task: [],
      concept: [],
      repo: [],
    };
    for (const id of ids) {
      const parsed = parseGlobalId(id);
      if (parsed) params[PARAM_OF_TYPE[parsed.type]].push(parsed.key);
    }
    const rows = await executor.read(NODES_BY_ID, params, { operation: 'loader.nodes' });
    const byId = new Map<string, NodeModel>();
    for (const row of rows) {
      const node = requireNodeModel(row.n);
      byId.set(node.id, node);
    }
    return ids.map((id) => byId.get(id) ?? null);
  };
}
