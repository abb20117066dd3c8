// Method: lookup and list (shared entity resolver), its papers, repos, datasets, tasks, lineage.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { pageRequest, toResultConnection } from '../common/connection';
import { ConnectionArgs, RoleConnectionArgs } from '../common/connection.args';
import { MethodResultsArgs } from '../result/result.args';
import { ResultConnection } from '../result/result.type';
import type { GraphQLContext } from '../common/context';
import { LineageDirection } from '../common/enums.enum';
import { loadNeighbors } from '../common/neighbors';
import { lineageNodeProperties } from '../common/node-properties';
import { isSelected } from '../common/selection';
import type {
  ConnectionModel,
  EntityModel,
  NodeModel,
  PaperModel,
  ResultModel,
} from '../../read-model/models';
import { DatasetConnection } from '../dataset/dataset.type';
import { createEntityResolver } from '../entity/entity.resolver';
import { Lineage } from '../lineage/lineage.type';
import type { LineageModel } from '../lineage/lineage.service';
import { Paper, PaperConnection } from '../paper/paper.type';
import { RepoConnection } from '../repo/repo.type';
import { TaskConnection } from '../task/task.type';
import { Method, MethodConnection } from './method.type';

const EntityResolver = createEntityResolver(Method, MethodConnection, 'Method', {
  one: 'method',
  many: 'methods',
  described: 'method',
});

@Resolver(() => Method)
export class MethodResolver extends EntityResolver {
  @FieldResolver(() => PaperConnection, {
    description: 'Papers that introduce or use this method, newest first; `role` narrows.',
  })
  papers(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => RoleConnectionArgs) args: RoleConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'method.papers', m.key, args, info);
  }

  @FieldResolver(() => RepoConnection, {
    description: 'Repositories implementing this method (repos of the papers introducing it).',
  })
  repos(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'method.repos', m.key, args, info);
  }

  @FieldResolver(() => DatasetConnection, {
    description:
      'Datasets that papers introducing or using this method evaluate on; edges carry the paper count, most papers first.',
  })
  datasets(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'method.datasets', m.key, args, info);
  }

  @FieldResolver(() => TaskConnection, {
    description: 'Tasks addressed by papers introducing or using this method; edges carry the paper count.',
  })
  tasks(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'method.tasks', m.key, args, info);
  }

  @FieldResolver(() => MethodConnection, {
    description:
      'Methods this one directly builds on (BUILDS_ON parents); edges carry relation and evidence.',
  })
  parents(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'method.parents', m.key, args, info);
  }

  @FieldResolver(() => MethodConnection, {
    description:
      'Methods that directly build on this one (BUILDS_ON children); edges carry relation and evidence.',
  })
  children(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'method.children', m.key, args, info);
  }

  @FieldResolver(() => Lineage, {
    description: 'Transitive lineage over BUILDS_ON (one database query), up to `maxDepth` hops.',
  })
  lineage(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Arg('direction', () => LineageDirection, {
      defaultValue: LineageDirection.ANCESTORS,
      description: 'ANCESTORS (default), DESCENDANTS or BOTH.',
    })
    direction: LineageDirection,
    @Arg('maxDepth', () => Int, { nullable: true, description: 'Hops, 1..10 (default 3).' })
    maxDepth: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        'Only the first `first` edges in the lineage order (depth, then child and parent name); `truncated` says whether more follow. Default: every edge.',
    })
    first?: number | null,
  ): Promise<LineageModel> {
    return ctx.services.lineage.lineage(
      m,
      direction,
      maxDepth,
      isSelected(info, ['edges', 'evidence']),
      first ?? null,
      lineageNodeProperties(info, info.fieldNodes),
    );
  }

  @FieldResolver(() => Paper, {
    nullable: true,
    description: 'The earliest published paper introducing this method (ties: the most confident).',
  })
  introducedBy(@Root() m: EntityModel, @Ctx() ctx: GraphQLContext): Promise<PaperModel | null> {
    return ctx.loaders.introducedBy.Method.load(m.key);
  }

  @FieldResolver(() => ResultConnection, {
    description: "The method's results (scores papers report for it), newest first; `dataset` narrows.",
  })
  async results(
    @Root() m: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Args(() => MethodResultsArgs) args: MethodResultsArgs,
  ): Promise<ConnectionModel<ResultModel>> {
    const page = pageRequest(args.first, args.after);
    const result = await ctx.services.results.methodResults(m.key, args.dataset ?? null, page);
    return toResultConnection(result, page);
  }
}
