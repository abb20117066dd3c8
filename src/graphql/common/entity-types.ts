// Maps the public EntityType enum to graph labels (a closed map).
import { EntityType } from './enums.enum';
import type { NodeTypeName } from '../../read-model/models';

/** A label `search` and `trending` filter on: a node type or `Metric`. */
export type KindLabel = NodeTypeName | 'Metric';

const LABELS: Record<EntityType, KindLabel> = {
  [EntityType.PAPER]: 'Paper',
  [EntityType.METHOD]: 'Method',
  [EntityType.DATASET]: 'Dataset',
  [EntityType.TASK]: 'Task',
  [EntityType.CONCEPT]: 'Concept',
  [EntityType.REPO]: 'Repo',
  [EntityType.METRIC]: 'Metric',
};

export function labelsOf(types: EntityType[] | null | undefined): KindLabel[] | null {
  return types && types.length > 0 ? [...new Set(types.map((t) => LABELS[t]))] : null;
}
