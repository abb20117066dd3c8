// Metric: `Query.metric(id, name)`.
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import type { MetricModel } from '../../read-model/models';
import type { GraphQLContext } from '../common/context';
import { Metric } from './metric.type';

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => Metric, {
    nullable: true,
    description:
      'Looks up a metric by id, or by its name or any alias (case, dashes, spaces and a plural "s" do not matter). Null when unknown.',
  })
  metric(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'Canonical id, e.g. `metric:top1accuracy`.' })
    id?: string | null,
    @Arg('name', () => String, { nullable: true, description: 'Name or alias.' }) name?: string | null,
  ): Promise<MetricModel | null> {
    if (id == null && name == null)
      throw new AppError(ErrorCode.BAD_USER_INPUT, '`metric` needs `id` or `name`.');
    return ctx.services.results.metric(id, name);
  }
}
