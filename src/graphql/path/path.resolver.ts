// Query.path: shortest path between any two nodes.
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../common/context';
import type { PathModel } from './path.service';
import { Path } from './path.type';

@Resolver(() => Path)
export class PathResolver {
  @Query(() => Path, {
    nullable: true,
    description:
      'A shortest path between two nodes (global ids) over any relationship type, ignoring direction. Null when either is unknown or they are more than `maxLength` hops apart.',
  })
  path(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => ID, { description: 'Start node id.' }) from: string,
    @Arg('to', () => ID, { description: 'End node id.' }) to: string,
    @Arg('maxLength', () => Int, {
      nullable: true,
      description: 'Longest path to look for, 1..10 (default 6).',
    })
    maxLength?: number | null,
  ): Promise<PathModel | null> {
    return ctx.services.path.shortestPath(from, to, maxLength);
  }
}
