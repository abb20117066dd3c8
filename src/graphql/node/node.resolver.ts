// Query.node: refetch any object by its Relay global id.
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../common/context';
import { resultLayerType } from '../../read-model/ids';
import type { MetricModel, NodeModel, ResultModel } from '../../read-model/models';
import { Node } from '../common/node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any node by global id (`method:mlp-mixer`, `paper:<id>`, `repo:github.com/o/n`, `metric:<key>`, `result:<key>`). Null when unknown.',
  })
  node(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
  ): Promise<NodeModel | MetricModel | ResultModel | null> {
    return resultLayerType(id) ? ctx.loaders.results.node.load(id) : ctx.loaders.node.load(id);
  }
}
