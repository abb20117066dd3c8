// Loads any domain node by its global id (`method:x`, `paper:<id>`, `repo:host/o/n`): one query per batch.
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import { requireNodeModel } from '../src/read-model/graph-mappers';
import { parseGlobalId } from '../src/read-model/ids';
import type { NodeModel } from '../src/read-model/models';
import { NODES_BY_ID } from './node.queries';

const PARAM_OF_TYPE = {
  Paper: 'paper',
  Method: 'method',
  Dataset: 'dataset',
  Task: 'task',
  Concept: 'concept',
  Repo: 'repo',
} as const;

export function createNodeLoader(executor: Executor): DataLoader<string, NodeModel | null> {
  return new DataLoader<string, NodeModel | null>(async (ids) => {
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
  });
}
