// Shortest path between any two nodes.
import type { Executor } from '../../db/executor';
import type { Loaders } from '../../../loaders/create-loaders';
import { checkRange } from '../common/argument-limits';
import { aggregateRelationships, asList, asMap, requireNodeModel } from '../../read-model/graph-mappers';
import { parseGlobalId } from '../../read-model/ids';
import type { EdgeDataModel, NodeModel } from '../../read-model/models';
import { shortestPathQuery } from './path.queries';

export interface PathEdgeModel extends EdgeDataModel {
  from: NodeModel;
  to: NodeModel;
  type: string;
}

export interface PathModel {
  length: number;
  nodes: NodeModel[];
  edges: PathEdgeModel[];
}

export class PathService {
  constructor(
    private readonly executor: Executor,
    private readonly loaders: Loaders,
  ) {}

  /** Null when either id is unknown or no path of at most `maxLength` hops exists. */
  async shortestPath(
    fromId: string,
    toId: string,
    maxLength: number | null | undefined,
  ): Promise<PathModel | null> {
    const bound = checkRange('maxLength', maxLength);
    const from = parseGlobalId(fromId);
    const to = parseGlobalId(toId);
    if (!from || !to) return null;
    if (fromId === toId) {
      const node = await this.loaders.node.load(fromId);
      return node ? { length: 0, nodes: [node], edges: [] } : null;
    }
    const rows = await this.executor.read(
      shortestPathQuery(from.type, to.type, bound),
      { from: from.key, to: to.key },
      { operation: 'path.shortest' },
    );
    if (rows.length === 0) return null;
    const nodes = asList(rows[0].nodes).map(requireNodeModel);
    const edges = asList(rows[0].rels).map((value) => {
      const item = asMap(value);
      const rel = asMap(item.rel);
      return {
        ...aggregateRelationships([rel]),
        type: String(rel.__type),
        from: requireNodeModel(item.start),
        to: requireNodeModel(item.end),
      };
    });
    return { length: edges.length, nodes, edges };
  }
}
