// Method lineage: one statement per request, shaped into nodes and (child -> parent) edges.
import type { Executor } from '../../db/executor';
import { checkRange } from '../common/argument-limits';
import { aggregateRelationships, asList, asMap, toEntity } from '../common/graph-mappers';
import type { EdgeDataModel, EntityModel } from '../common/models';
import { lineageQuery, type LineageDirectionName } from './lineage.queries';

export interface LineageEdgeModel extends EdgeDataModel {
  from: EntityModel;
  to: EntityModel;
  depth: number;
}

export interface LineageModel {
  root: EntityModel;
  nodes: EntityModel[];
  edges: LineageEdgeModel[];
}

export class LineageService {
  constructor(private readonly executor: Executor) {}

  async lineage(
    method: EntityModel,
    direction: LineageDirectionName,
    maxDepth: number | null | undefined,
    evidence = true,
  ): Promise<LineageModel> {
    const depth = checkRange('maxDepth', maxDepth);
    const rows = await this.executor.read(
      lineageQuery(direction, depth),
      { id: method.key, evidence },
      { operation: 'method.lineage' },
    );
    const nodes = new Map<string, EntityModel>([[method.id, method]]);
    const edges: LineageEdgeModel[] = asList(rows[0]?.edges).map((value) => {
      const edge = asMap(value);
      const from = toEntity('Method', asMap(edge.child));
      const to = toEntity('Method', asMap(edge.parent));
      if (!nodes.has(from.id)) nodes.set(from.id, from);
      if (!nodes.has(to.id)) nodes.set(to.id, to);
      return { ...aggregateRelationships(edge.rels), from, to, depth: Number(edge.depth) };
    });
    return { root: method, nodes: [...nodes.values()], edges };
  }
}
