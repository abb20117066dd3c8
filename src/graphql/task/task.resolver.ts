// Task: lookup and list (shared entity resolver), its papers, methods and datasets.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { checkFirst } from '../common/connection';
import type { BenchmarkModel } from '../result/result.service';
import { Benchmark } from '../result/result.type';
import { ConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { loadNeighbors } from '../common/neighbors';
import type { ConnectionModel, EntityModel, NodeModel } from '../../read-model/models';
import { DatasetConnection } from '../dataset/dataset.type';
import { createEntityResolver } from '../entity/entity.resolver';
import { MethodConnection } from '../method/method.type';
import { PaperConnection } from '../paper/paper.type';
import { Task, TaskConnection } from './task.type';

const EntityResolver = createEntityResolver(Task, TaskConnection, 'Task', {
  one: 'task',
  many: 'tasks',
  described: 'task',
});

@Resolver(() => Task)
export class TaskResolver extends EntityResolver {
  @FieldResolver(() => PaperConnection, { description: 'Papers addressing this task, newest first.' })
  papers(
    @Root() t: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'task.papers', t.key, args, info);
  }

  @FieldResolver(() => MethodConnection, {
    description: 'Methods introduced or used by papers addressing this task; edges carry the paper count.',
  })
  methods(
    @Root() t: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'task.methods', t.key, args, info);
  }

  @FieldResolver(() => DatasetConnection, {
    description:
      'Datasets introduced or evaluated on by papers addressing this task; edges carry the paper count.',
  })
  datasets(
    @Root() t: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'task.datasets', t.key, args, info);
  }

  @FieldResolver(() => [Benchmark], {
    description:
      "The datasets and metrics this task's results are on, most results first (ties by dataset, then metric id), each with its best result.",
  })
  benchmarks(
    @Root() t: EntityModel,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (0..100, default 20).' })
    first?: number | null,
  ): Promise<BenchmarkModel[]> {
    return ctx.services.results.benchmarks(t, checkFirst(first));
  }
}
