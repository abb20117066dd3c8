// Filter and ordering inputs of the top-level lists.
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection, Role } from './enums.enum';

@InputType('ListFilter', {
  description:
    'Filters for `papers`, `methods`, `datasets`, `tasks`, `concepts`. For papers they apply to the paper; for entities they apply to the papers linking the entity (an entity matches when at least one linking paper satisfies all paper conditions at once).',
})
export class ListFilterInput {
  @Field(() => Int, { nullable: true, description: 'Publication year at least this.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Publication year at most this.' })
  yearTo?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Papers that introduce or use this method (id, e.g. `method:mlp-mixer`); narrowed by `role`.',
  })
  usesMethod?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Papers that evaluate on this dataset (id); with `role: INTRODUCED`, papers that introduce it.',
  })
  evaluatesOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers that address this task (id).' })
  addressesTask?: string | null;

  @Field(() => Role, {
    nullable: true,
    description:
      'INTRODUCED or USED: for papers, narrows `usesMethod`/`evaluatesOn` (or alone: papers introducing / using anything); for methods and datasets, which linking relationships count. Ignored for tasks and concepts.',
  })
  role?: Role | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Papers with (true) or without (false) a code repository; for methods, a repository implementing it; for other entities, a linking paper with code.',
  })
  hasCode?: boolean | null;
}

export enum PaperOrderField {
  YEAR = 'YEAR',
  TITLE = 'TITLE',
}
registerEnumType(PaperOrderField, {
  name: 'PaperOrderField',
  description: 'Orderings of the paper list.',
  valuesConfig: {
    YEAR: { description: 'Publication date.' },
    TITLE: { description: 'Title, case-insensitive.' },
  },
});

export enum EntityOrderField {
  PAPER_COUNT = 'PAPER_COUNT',
  YEAR = 'YEAR',
  NAME = 'NAME',
}
registerEnumType(EntityOrderField, {
  name: 'EntityOrderField',
  description: 'Orderings of entity lists.',
  valuesConfig: {
    PAPER_COUNT: { description: 'Number of linking papers (that match the filter).' },
    YEAR: { description: 'Year of the earliest linking paper.' },
    NAME: { description: 'Name, case-insensitive.' },
  },
});

@InputType('PaperOrder', { description: 'Ordering of the paper list (default: YEAR DESC).' })
export class PaperOrderInput {
  @Field(() => PaperOrderField, { description: 'What to sort by.' })
  field!: PaperOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.DESC,
    description: 'Sort direction (default DESC).',
  })
  direction!: OrderDirection;
}

@InputType('EntityOrder', { description: 'Ordering of an entity list (default: PAPER_COUNT DESC).' })
export class EntityOrderInput {
  @Field(() => EntityOrderField, { description: 'What to sort by.' })
  field!: EntityOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.DESC,
    description: 'Sort direction (default DESC).',
  })
  direction!: OrderDirection;
}
