// Query.stats.
import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../common/context';
import type { StatsModel } from './stats.service';
import { Stats } from './stats.type';

@Resolver(() => Stats)
export class StatsResolver {
  @Query(() => Stats, { description: 'Counts of nodes per label and relationships per type.' })
  stats(@Ctx() ctx: GraphQLContext): Promise<StatsModel> {
    return ctx.services.stats.stats();
  }
}
