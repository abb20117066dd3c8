// Stats: counts per label and relationship type.
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('LabelCount', { description: 'Number of nodes with a label.' })
export class LabelCount {
  @Field(() => String, { description: 'Label, e.g. Paper, Method.' })
  label!: string;

  @Field(() => Int, { description: 'Number of nodes.' })
  count!: number;
}

@ObjectType('RelationshipCount', { description: 'Number of relationships of a type.' })
export class RelationshipCount {
  @Field(() => String, { description: 'Relationship type, e.g. USES.' })
  type!: string;

  @Field(() => Int, { description: 'Number of relationships.' })
  count!: number;
}

@ObjectType('Stats', { description: 'Size of the graph.' })
export class Stats {
  @Field(() => [LabelCount], { description: 'Nodes per domain label.' })
  labels!: LabelCount[];

  @Field(() => [RelationshipCount], { description: 'Relationships per type.' })
  relationships!: RelationshipCount[];
}
