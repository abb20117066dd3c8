// Concept: lookup and list (shared entity resolver) and the papers mentioning it.
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { loadNeighbors } from '../common/neighbors';
import type { ConnectionModel, EntityModel, NodeModel } from '../../read-model/models';
import { createEntityResolver } from '../entity/entity.resolver';
import { PaperConnection } from '../paper/paper.type';
import { Concept, ConceptConnection } from './concept.type';

const EntityResolver = createEntityResolver(Concept, ConceptConnection, 'Concept', {
  one: 'concept',
  many: 'concepts',
  described: 'concept',
});

@Resolver(() => Concept)
export class ConceptResolver extends EntityResolver {
  @FieldResolver(() => PaperConnection, { description: 'Papers mentioning this concept, newest first.' })
  papers(
    @Root() c: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'concept.papers', c.key, args, info);
  }
}
