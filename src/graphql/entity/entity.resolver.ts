// Resolver factory shared by Method, Dataset, Task and Concept: the lookup query (`method(id, name)`),
// the top-level list (`methods(filter, orderBy, first, after)`) and `related(first, types)`.
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
  type ClassType,
} from 'type-graphql';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import type { RelatedLabel } from '../../../loaders/related.queries';
import { checkFirst, pageRequest } from '../common/connection';
import { ConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { EntityType, OrderDirection } from '../common/enums.enum';
import { planPrefetch } from '../common/prefetch-plan';
import { EntityOrderField, EntityOrderInput, ListFilterInput } from '../common/list-filter.input';
import type { ConnectionModel, EntityModel, EntityTypeName } from '../../read-model/models';
import { RelatedEntity } from './related.type';

const LABEL_OF_TYPE: Partial<Record<EntityType, RelatedLabel>> = {
  [EntityType.METHOD]: 'Method',
  [EntityType.DATASET]: 'Dataset',
  [EntityType.TASK]: 'Task',
  [EntityType.CONCEPT]: 'Concept',
};

export function createEntityResolver(
  objectType: ClassType,
  connectionType: ClassType,
  typeName: EntityTypeName,
  names: { one: string; many: string; described: string },
) {
  @Resolver(() => objectType)
  abstract class EntityResolver {
    @Query(() => objectType, {
      name: names.one,
      nullable: true,
      description: `Looks up a ${names.described} by id, or by its name or any alias (case, dashes, spaces and a plural "s" do not matter). Null when unknown; BAD_USER_INPUT listing the candidate ids when a name matches several.`,
    })
    lookup(
      @Ctx() ctx: GraphQLContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('id', () => ID, {
        nullable: true,
        description: `Canonical id, e.g. \`${typeName.toLowerCase()}:...\`.`,
      })
      id?: string | null,
      @Arg('name', () => String, { nullable: true, description: 'Name or alias.' }) name?: string | null,
    ): Promise<EntityModel | null> {
      return ctx.services.entities.lookup(typeName, id, name, planPrefetch(info, typeName, 'object'));
    }

    @Query(() => connectionType, {
      name: names.many,
      description: `Lists ${names.described}s, filtered and ordered (default: most papers first).`,
    })
    list(
      @Ctx() ctx: GraphQLContext,
      @Args(() => ConnectionArgs) args: ConnectionArgs,
      @Arg('filter', () => ListFilterInput, { nullable: true, description: 'Filters.' })
      filter?: ListFilterInput | null,
      @Arg('orderBy', () => EntityOrderInput, {
        nullable: true,
        description: 'Ordering (default PAPER_COUNT DESC).',
      })
      orderBy?: EntityOrderInput | null,
    ): Promise<ConnectionModel<EntityModel>> {
      const page = pageRequest(args.first, args.after);
      const order = {
        field: orderBy?.field ?? EntityOrderField.PAPER_COUNT,
        direction: orderBy?.direction ?? OrderDirection.DESC,
      };
      return ctx.services.entities.list(typeName, filter, order, page);
    }

    @FieldResolver(() => [RelatedEntity], {
      description:
        'Entities linked by the same papers (methods used together, datasets used with a method, ...), most shared papers first.',
    })
    async related(
      @Root() entity: EntityModel,
      @Ctx() ctx: GraphQLContext,
      @Arg('first', () => Int, { nullable: true, description: 'How many (0..100, default 20).' })
      first?: number | null,
      @Arg('types', () => [EntityType], {
        nullable: true,
        description: 'Only these kinds (METHOD, DATASET, TASK, CONCEPT).',
      })
      types?: EntityType[] | null,
    ): Promise<{ node: EntityModel; paperCount: number }[]> {
      const limit = checkFirst(first);
      const labels = types ? types.map((t) => LABEL_OF_TYPE[t]) : null;
      if (labels && labels.some((l) => l === undefined)) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          '`related(types)` accepts METHOD, DATASET, TASK and CONCEPT.',
        );
      }
      if (limit === 0) return [];
      return ctx.loaders.related[typeName].load({
        id: entity.key,
        labels: labels as RelatedLabel[] | null,
        limit,
      });
    }
  }
  return EntityResolver;
}
