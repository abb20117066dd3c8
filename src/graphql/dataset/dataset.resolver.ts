// Dataset: lookup and list (shared entity resolver), its papers, methods evaluated on it, tasks.
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, RoleConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { loadNeighbors } from '../common/neighbors';
import type { ConnectionModel, EntityModel, NodeModel, PaperModel } from '../../read-model/models';
import { createEntityResolver } from '../entity/entity.resolver';
import { MethodConnection } from '../method/method.type';
import { Paper, PaperConnection } from '../paper/paper.type';
import { TaskConnection } from '../task/task.type';
import { Dataset, DatasetConnection } from './dataset.type';

const EntityResolver = createEntityResolver(Dataset, DatasetConnection, 'Dataset', {
  one: 'dataset',
  many: 'datasets',
  described: 'dataset',
});

@Resolver(() => Dataset)
export class DatasetResolver extends EntityResolver {
  @FieldResolver(() => PaperConnection, {
    description: 'Papers that introduce (INTRODUCED) or evaluate on (USED) this dataset, newest first.',
  })
  papers(
    @Root() d: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => RoleConnectionArgs) args: RoleConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'dataset.papers', d.key, args, info);
  }

  @FieldResolver(() => MethodConnection, {
    description:
      'Methods evaluated on this dataset (introduced or used by papers evaluating on it); edges carry the paper count, most papers first.',
  })
  methods(
    @Root() d: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'dataset.methods', d.key, args, info);
  }

  @FieldResolver(() => TaskConnection, {
    description:
      'Tasks addressed by papers introducing or evaluating on this dataset; edges carry the paper count.',
  })
  tasks(
    @Root() d: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'dataset.tasks', d.key, args, info);
  }

  @FieldResolver(() => Paper, {
    nullable: true,
    description: 'The earliest published paper introducing this dataset (ties: the most confident).',
  })
  introducedBy(@Root() d: EntityModel, @Ctx() ctx: GraphQLContext): Promise<PaperModel | null> {
    return ctx.loaders.introducedBy.Dataset.load(d.key);
  }
}
