// The per-request set of DataLoaders (stored on the GraphQL context; never shared across requests,
// so one request never sees another's cache). Every batch function runs exactly one query.
import type DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import type { NodeModel, PaperModel } from '../src/read-model/models';
import { createIntroducedByLoader } from './introduced-by.loader';
import { createLineageLoader, type LineageEdgeRows, type LineageKey } from './lineage.loader';
import { createNeighborLoaders, type NeighborLoaders } from './neighbors.loader';
import { createNodeLoader } from './node.loader';
import { createRelatedLoader, type RelatedItem, type RelatedKey } from './related.loader';
import { createResultLoaders, type ResultLoaders } from './results.loader';
import type { RelatedLabel } from './related.queries';

export interface Loaders {
  /** Any node by global id. */
  node: DataLoader<string, NodeModel | null>;
  /** Nested connections, one loader per relation. */
  neighbors: NeighborLoaders;
  introducedBy: {
    Method: DataLoader<string, PaperModel | null>;
    Dataset: DataLoader<string, PaperModel | null>;
  };
  related: Record<RelatedLabel, DataLoader<RelatedKey, RelatedItem[], string>>;
  /** Method lineage by (method, direction, depth, evidence). */
  lineage: DataLoader<LineageKey, LineageEdgeRows, string>;
  /** Leaderboards and paper results. */
  results: ResultLoaders;
}

export function createLoaders(executor: Executor): Loaders {
  return {
    node: createNodeLoader(executor),
    neighbors: createNeighborLoaders(executor),
    introducedBy: {
      Method: createIntroducedByLoader(executor, 'Method'),
      Dataset: createIntroducedByLoader(executor, 'Dataset'),
    },
    related: {
      Method: createRelatedLoader(executor, 'Method'),
      Dataset: createRelatedLoader(executor, 'Dataset'),
      Task: createRelatedLoader(executor, 'Task'),
      Concept: createRelatedLoader(executor, 'Concept'),
    },
    lineage: createLineageLoader(executor),
    results: createResultLoaders(executor),
  };
}
