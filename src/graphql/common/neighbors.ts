// Resolves a nested connection through the request's per-relation DataLoader; `first`/`after` are
// validated before the loader is asked (so a bad value never reaches the database).
import type { FieldNode, GraphQLOutputType, GraphQLResolveInfo } from 'graphql';
import type { NeighborKey } from '../../../loaders/neighbors.loader';
import type { RelationName } from '../../../loaders/neighbors.queries';
import { pageRequest, toConnection } from './connection';
import type { GraphQLContext } from './context';
import type { ConnectionModel, NodeModel } from '../../read-model/models';
import { connectionNodeProperties, connectionNodeType } from './node-properties';
import { isSelectedUnder, selectsEdgeData } from './selection';

interface ConnectionArgsLike {
  first?: number | null;
  after?: string | null;
  role?: 'INTRODUCED' | 'USED' | null;
}

/**
 * The loader key (without the parent id) of a nested connection field: its page, role, and what its
 * selection reads (abstracts, node properties, relationships, evidence). The field's resolver and the
 * root queries that prefetch it (prefetch-plan.ts) both build it here, so a primed page is found under
 * the key the resolver asks for. Throws BAD_USER_INPUT for an invalid `first`/`after`.
 */
export function neighborRequest(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  fieldNodes: readonly FieldNode[],
  fieldType: GraphQLOutputType,
  args: ConnectionArgsLike,
): Omit<NeighborKey, 'id'> {
  const page = pageRequest(args.first, args.after);
  const selects = (path: string[]) => isSelectedUnder(fieldNodes, info.fragments, path);
  return {
    role: args.role ?? null,
    skip: page.skip,
    limit: page.limit,
    abstract: selects(['edges', 'node', 'abstract']) || selects(['nodes', 'abstract']),
    props: connectionNodeProperties(info, connectionNodeType(fieldType), fieldNodes),
    rels: selectsEdgeData(fieldNodes, info.fragments),
    evidence: selects(['edges', 'evidence']),
    total: selects(['totalCount']) || selects(['pageInfo']),
  };
}

/**
 * Requests already built in this operation, by field nodes and variables: every item of a list asks
 * for its nested connection with the same field nodes (graphql-js reuses them for siblings) and the
 * same variables, hence the same arguments and selection - 50 papers' `methods` build it once.
 */
const requests = new WeakMap<readonly FieldNode[], WeakMap<object, Omit<NeighborKey, 'id'>>>();

function memoizedRequest(info: GraphQLResolveInfo, args: ConnectionArgsLike): Omit<NeighborKey, 'id'> {
  let byVariables = requests.get(info.fieldNodes);
  if (!byVariables) {
    byVariables = new WeakMap();
    requests.set(info.fieldNodes, byVariables);
  }
  let request = byVariables.get(info.variableValues);
  if (!request) {
    request = neighborRequest(info, info.fieldNodes, info.returnType, args);
    byVariables.set(info.variableValues, request);
  }
  return request;
}

export async function loadNeighbors<T extends NodeModel>(
  ctx: GraphQLContext,
  relation: RelationName,
  parentKey: string,
  args: ConnectionArgsLike,
  info?: GraphQLResolveInfo,
): Promise<ConnectionModel<T>> {
  // Without `info`, everything is loaded. With it, only what the client selects.
  const request = info
    ? memoizedRequest(info, args)
    : { role: args.role ?? null, ...pageRequest(args.first, args.after) };
  const result = await ctx.loaders.neighbors[relation].load({ id: parentKey, ...request });
  // Nodes without their abstract or some properties are not complete: never cache them for other fields.
  const complete = (request.abstract ?? true) && !request.props;
  if (complete) for (const item of result.items) ctx.loaders.node.prime(item.node.id, item.node);
  return toConnection(
    result.items.map((item) => ({ node: item.node as T, data: item.data })),
    result.total,
    { skip: request.skip, limit: request.limit },
  );
}
