// Resolves a nested connection through the request's per-relation DataLoader; `first`/`after` are
// validated before the loader is asked (so a bad value never reaches the database).
import type { GraphQLResolveInfo } from 'graphql';
import type { RelationName } from '../../../loaders/neighbors.queries';
import { pageRequest, toConnection } from './connection';
import type { GraphQLContext } from './context';
import type { ConnectionModel, NodeModel } from './models';
import { connectionNodeProperties } from './node-properties';
import { connectionNodeType } from './prefetch-plan';
import { isSelected, selectsEdgeData } from './selection';

export async function loadNeighbors<T extends NodeModel>(
  ctx: GraphQLContext,
  relation: RelationName,
  parentKey: string,
  args: { first?: number | null; after?: string | null; role?: 'INTRODUCED' | 'USED' | null },
  info?: GraphQLResolveInfo,
): Promise<ConnectionModel<T>> {
  const page = pageRequest(args.first, args.after);
  // Without `info`, everything is loaded. With it, abstracts and evidence only when the client selects them.
  const abstract =
    !info || isSelected(info, ['edges', 'node', 'abstract']) || isSelected(info, ['nodes', 'abstract']);
  const rels = !info || selectsEdgeData(info.fieldNodes, info.fragments);
  const props = info
    ? connectionNodeProperties(info, connectionNodeType(info, info.returnType), info.fieldNodes)
    : null;
  const evidence = !info || isSelected(info, ['edges', 'evidence']);
  const result = await ctx.loaders.neighbors[relation].load({
    id: parentKey,
    role: args.role ?? null,
    skip: page.skip,
    limit: page.limit,
    abstract,
    props,
    rels,
    evidence,
  });
  // Nodes without their abstract or some properties are not complete: never cache them for other fields.
  if (abstract && !props) for (const item of result.items) ctx.loaders.node.prime(item.node.id, item.node);
  return toConnection(
    result.items.map((item) => ({ node: item.node as T, data: item.data })),
    result.total,
    page,
  );
}
