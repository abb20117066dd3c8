// Query.trending: entities by paper count in a date window.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../common/context';
import { labelsOf } from '../common/entity-types';
import { EntityType } from '../common/enums.enum';
import type { TrendingModel } from './trending.service';
import { TrendingItem } from './trending.type';

@Resolver(() => TrendingItem)
export class TrendingResolver {
  @Query(() => [TrendingItem], {
    description:
      'Entities (and repos) ranked by the number of papers published in [from, to] that link them.',
  })
  trending(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => String, {
      nullable: true,
      description: 'First day, YYYY-MM-DD (inclusive; open when omitted).',
    })
    from?: string | null,
    @Arg('to', () => String, {
      nullable: true,
      description: 'Last day, YYYY-MM-DD (inclusive; open when omitted).',
    })
    to?: string | null,
    @Arg('types', () => [EntityType], {
      nullable: true,
      description: 'Only these kinds (not PAPER or METRIC); all when omitted.',
    })
    types?: EntityType[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 0..100 (default 20).' })
    first?: number | null,
  ): Promise<TrendingModel[]> {
    return ctx.services.trending.trending(from, to, labelsOf(types), first);
  }
}
