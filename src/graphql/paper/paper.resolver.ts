// Paper: `paper(id)`, `papers(filter, orderBy)` and the paper's methods, datasets, tasks, concepts, repos.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { pageRequest } from '../common/connection';
import { ConnectionArgs, RoleConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { OrderDirection } from '../common/enums.enum';
import { ListFilterInput, PaperOrderField, PaperOrderInput } from '../common/list-filter.input';
import { loadNeighbors } from '../common/neighbors';
import { planPrefetch } from '../common/prefetch-plan';
import { isSelected } from '../common/selection';
import type { ConnectionModel, NodeModel, PaperModel, ResultModel } from '../../read-model/models';
import { Result } from '../result/result.type';
import { ConceptConnection } from '../concept/concept.type';
import { DatasetConnection } from '../dataset/dataset.type';
import { MethodConnection } from '../method/method.type';
import { RepoConnection } from '../repo/repo.type';
import { TaskConnection } from '../task/task.type';
import { Paper, PaperConnection } from './paper.type';

@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, {
    nullable: true,
    description: 'A paper by id: `paper:<id>` or the bare paper id. Null when unknown.',
  })
  paper(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { description: 'Paper id.' }) id: string,
  ): Promise<PaperModel | null> {
    return ctx.services.papers.byId(id, planPrefetch(info, 'Paper', 'object'));
  }

  @Query(() => PaperConnection, {
    description: 'Lists papers, filtered and ordered (default: newest first).',
  })
  papers(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ListFilterInput, { nullable: true, description: 'Filters.' })
    filter?: ListFilterInput | null,
    @Arg('orderBy', () => PaperOrderInput, { nullable: true, description: 'Ordering (default YEAR DESC).' })
    orderBy?: PaperOrderInput | null,
  ): Promise<ConnectionModel<PaperModel>> {
    const page = pageRequest(args.first, args.after);
    const order = {
      field: orderBy?.field ?? PaperOrderField.YEAR,
      direction: orderBy?.direction ?? OrderDirection.DESC,
    };
    return ctx.services.papers.list(filter, order, page, {
      needTotal: isSelected(info, ['totalCount']) || isSelected(info, ['pageInfo', 'hasNextPage']),
      abstract: isSelected(info, ['edges', 'node', 'abstract']) || isSelected(info, ['nodes', 'abstract']),
      plan: planPrefetch(info, 'Paper', 'connection'),
    });
  }

  @FieldResolver(() => MethodConnection, {
    description: 'Methods the paper introduces or uses (by name); `role` narrows.',
  })
  methods(
    @Root() p: PaperModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => RoleConnectionArgs) args: RoleConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'paper.methods', p.key, args, info);
  }

  @FieldResolver(() => DatasetConnection, {
    description: 'Datasets the paper introduces (INTRODUCED) or evaluates on (USED).',
  })
  datasets(
    @Root() p: PaperModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => RoleConnectionArgs) args: RoleConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'paper.datasets', p.key, args, info);
  }

  @FieldResolver(() => TaskConnection, { description: 'Tasks the paper addresses.' })
  tasks(
    @Root() p: PaperModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'paper.tasks', p.key, args, info);
  }

  @FieldResolver(() => ConceptConnection, { description: 'Concepts the paper mentions.' })
  concepts(
    @Root() p: PaperModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'paper.concepts', p.key, args, info);
  }

  @FieldResolver(() => RepoConnection, { description: "The paper's code repositories." })
  repos(
    @Root() p: PaperModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'paper.repos', p.key, args, info);
  }

  @FieldResolver(() => [Result], {
    description:
      'The scores the paper reports (extracted from its abstract, or from PwC leaderboards), by dataset, metric and value; at most 200.',
  })
  results(@Root() p: PaperModel, @Ctx() ctx: GraphQLContext): Promise<ResultModel[]> {
    return ctx.loaders.results.paper.load(p.key);
  }
}
