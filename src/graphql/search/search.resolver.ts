// Query.search over the full-text index.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../common/context';
import { labelsOf } from '../common/entity-types';
import { EntityType } from '../common/enums.enum';
import { isSelected } from '../common/selection';
import type { SearchHitModel } from './search.service';
import { SearchHit } from './search-hit.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over names, aliases and titles; tolerant to case and small typos; best matches first.',
  })
  search(
    @Ctx() ctx: GraphQLContext,
    @Arg('query', () => String, {
      description: 'Words to look for (no query syntax: special characters are matched literally).',
    })
    query: string,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only these kinds; all when omitted.' })
    types?: EntityType[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits, 0..100 (default 20).' })
    first?: number | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<SearchHitModel[]> {
    // a paper's abstract is most of its bytes: fetched only when the client selects it
    const abstract = info ? isSelected(info, ['node', 'abstract']) : true;
    return ctx.services.search.search(query, labelsOf(types), first, abstract);
  }
}
