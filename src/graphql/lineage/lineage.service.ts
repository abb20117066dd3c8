// Method lineage: loaded through the request's lineage loader (one statement, or none when the root
// query prefetched it), shaped into nodes and (child -> parent) edges.
import type { Loaders } from '../../../loaders/create-loaders';
import type { LineageDirectionName } from '../../../loaders/lineage.queries';
import { checkRange } from '../common/argument-limits';
import { aggregateRelationships, asMap, toEntity } from '../../read-model/graph-mappers';
import type { EdgeDataModel, EntityModel } from '../../read-model/models';

export interface LineageEdgeModel extends EdgeDataModel {
  from: EntityModel;
  to: EntityModel;
  depth: number;
}

export interface LineageModel {
  root: EntityModel;
  nodes: EntityModel[];
  edges: LineageEdgeModel[];
  truncated: boolean;
}

export class LineageService {
  constructor(private readonly loaders: Loaders) {}

  async lineage(
    method: EntityModel,
    direction: LineageDirectionName,
    maxDepth: number | null | undefined,
    evidence = true,
    first: number | null = null,
    props: readonly string[] | null = null,
  ): Promise<LineageModel> {
    const depth = checkRange('maxDepth', maxDepth);
    const page = first === null ? null : checkRange('first', first);
    const loaded = await this.loaders.lineage.load({
      id: method.key,
      direction,
      maxDepth: depth,
      evidence,
      first: page,
      props,
    });
    // a page comes back with one edge more than asked when more follow
    const truncated = page !== null && loaded.length > page;
    const rows = truncated ? loaded.slice(0, page) : loaded;
    const nodes = new Map<string, EntityModel>([[method.id, method]]);
    const edges: LineageEdgeModel[] = rows.map((value) => {
      const edge = asMap(value);
      const from = toEntity('Method', asMap(edge.child));
      const to = toEntity('Method', asMap(edge.parent));
      if (!nodes.has(from.id)) nodes.set(from.id, from);
      if (!nodes.has(to.id)) nodes.set(to.id, to);
      return { ...aggregateRelationships(edge.rels), from, to, depth: Number(edge.depth) };
    });
    return { root: method, nodes: [...nodes.values()], edges, truncated };
  }
}
