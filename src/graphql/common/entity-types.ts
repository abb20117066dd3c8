// Maps the public EntityType enum to graph labels (a closed map).
import { EntityType } from './enums.enum';
import type { NodeTypeName } from '../../read-model/models';

const LABELS: Record<EntityType, NodeTypeName> = {
  [EntityType.PAPER]: 'Paper',
  [EntityType.METHOD]: 'Method',
  [EntityType.DATASET]: 'Dataset',
  [EntityType.TASK]: 'Task',
  [EntityType.CONCEPT]: 'Concept',
  [EntityType.REPO]: 'Repo',
};

export function labelsOf(types: EntityType[] | null | undefined): NodeTypeName[] | null {
  return types && types.length > 0 ? [...new Set(types.map((t) => LABELS[t]))] : null;
}
