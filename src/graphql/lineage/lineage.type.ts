// Lineage of a method over BUILDS_ON (child -> parent).
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Evidence } from '../common/evidence.type';
import { Source } from '../common/enums.enum';
import { Method } from '../method/method.type';

@ObjectType('LineageEdge', {
  simpleResolvers: true,
  description:
    'A (child, parent) pair in a lineage: `from` builds on `to`. Reported once per pair, with the evidence of every relationship between them.',
})
export class LineageEdge {
  @Field(() => Method, { description: 'The child: the method that builds on `to`.' })
  from!: Method;

  @Field(() => Method, { description: 'The parent.' })
  to!: Method;

  @Field(() => String, {
    description:
      'Relation of the most confident relationship: extends, variant_of, replaces_component, combines or uses_component.',
  })
  relation!: string;

  @Field(() => [String], { description: 'Every relation recorded for this pair, most confident first.' })
  relations!: string[];

  @Field(() => Int, {
    description: 'Hops from the method the lineage was asked for (1 = direct parent or child).',
  })
  depth!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Highest confidence among the relationships, in [0, 1].',
  })
  confidence!: number | null;

  @Field(() => [Source], { description: 'Sources of the relationships.' })
  sources!: Source[];

  @Field(() => [Evidence], {
    description: 'Evidence of all relationships between the pair, most confident first.',
  })
  evidence!: Evidence[];
}

@ObjectType('Lineage', {
  simpleResolvers: true,
  description: 'The methods a method builds on and/or that build on it, up to a depth.',
})
export class Lineage {
  @Field(() => Method, { description: 'The method the lineage was asked for.' })
  root!: Method;

  @Field(() => [Method], { description: 'Every method in the lineage, the root first.' })
  nodes!: Method[];

  @Field(() => [LineageEdge], { description: 'Edges (child -> parent), by depth then names.' })
  edges!: LineageEdge[];

  @Field(() => Boolean, {
    description:
      'True when `first` cut the lineage short: more edges follow these (deeper, or later by name).',
  })
  truncated!: boolean;
}
