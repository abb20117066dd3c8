// Resolves a nested connection through the request's per-relation DataLoader; `first`/`after` are
// validated before the loader is asked (so a bad value never reaches the database).
import type { RelationName } from '../../../loaders/neighbors.queries';
import { pageRequest, toConnection } from './connection';
import type { GraphQLContext } from './context';
import type { ConnectionModel, NodeModel } from './models';

export async function loadNeighbors<T extends NodeModel>(
  ctx: GraphQLContext,
  relation: RelationName,
  parentKey: string,
  args: { first?: number | null; after?: string | null; role?: 'INTRODUCED' | 'USED' | null },
): Promise<ConnectionModel<T>> {
  const page = pageRequest(args.first, args.after);
  const result = await ctx.loaders.neighbors[relation].load({
    id: parentKey,
    role: args.role ?? null,
    skip: page.skip,
    limit: page.limit,
  });
  for (const item of result.items) ctx.loaders.node.prime(item.node.id, item.node);
  return toConnection(
    result.items.map((item) => ({ node: item.node as T, data: item.data })),
    result.total,
    page,
  );
}
