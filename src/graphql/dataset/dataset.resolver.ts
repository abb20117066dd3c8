// Dataset: lookup and list (shared entity resolver), its papers, methods evaluated on it, tasks.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Resolver, Root } from 'type-graphql';
import { pageRequest, toResultConnection } from '../common/connection';
import { ConnectionArgs, RoleConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { loadNeighbors } from '../common/neighbors';
import { resultRowProperties } from '../common/node-properties';
import type {
  ConnectionModel,
  EntityModel,
  NodeModel,
  PaperModel,
  ResultModel,
} from '../../read-model/models';
import { LeaderboardArgs } from '../result/result.args';
import { Result, ResultConnection } from '../result/result.type';
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

  @FieldResolver(() => ResultConnection, {
    description:
      "The leaderboard on this dataset for a metric: the best result of each method (of each paper where the method is unknown), best first by the metric's direction (higher first when the direction is unknown); ties: the earlier result first, then by id.",
  })
  async leaderboard(
    @Root() d: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Args(() => LeaderboardArgs) args: LeaderboardArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionModel<ResultModel>> {
    const page = pageRequest(args.first, args.after);
    const result = await ctx.loaders.results.leaderboard.load({
      id: d.key,
      metric: args.metric,
      task: args.task ?? null,
      skip: page.skip,
      limit: page.limit,
      // only the properties of the linked nodes the client selected (paper { title }: no abstract)
      props: resultRowProperties(info, info.fieldNodes),
    });
    return toResultConnection(result, page);
  }

  @FieldResolver(() => [Result], {
    description:
      "The results on this dataset for a metric that set a new best (by the metric's direction), oldest first: the state of the art over time. Undated results are left out; at most 500.",
  })
  sotaHistory(
    @Root() d: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Arg('metric', () => String, { description: 'The metric: a name or alias.' }) metric: string,
    @Arg('task', () => ID, { nullable: true, description: 'Only results for this task (id).' })
    task?: string | null,
  ): Promise<ResultModel[]> {
    return ctx.services.results.sotaHistory(d.key, metric, task ?? null);
  }
}
