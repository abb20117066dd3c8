// Path: the result of `Query.path`.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Evidence } from '../common/evidence.type';
import { Node } from '../common/node.interface';
import { Source } from '../common/enums.enum';

@ObjectType('PathEdge', {
  simpleResolvers: true,
  description: 'One relationship on a path, in its stored direction (`from` -> `to`).',
})
export class PathEdge {
  @Field(() => Node, { description: 'Start node of the relationship.' })
  from!: Node;

  @Field(() => Node, { description: 'End node of the relationship.' })
  to!: Node;

  @Field(() => String, { description: 'Relationship type, e.g. USES, BUILDS_ON.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Lineage relation, for BUILDS_ON.' })
  relation!: string | null;

  @Field(() => Float, { nullable: true, description: 'Confidence of the relationship.' })
  confidence!: number | null;

  @Field(() => Source, { nullable: true, description: 'Source of the relationship.' })
  source!: Source | null;

  @Field(() => [Evidence], { description: 'Evidence of the relationship.' })
  evidence!: Evidence[];
}

@ObjectType('Path', {
  simpleResolvers: true,
  description: 'A shortest path between two nodes, over any relationship, ignoring direction.',
})
export class Path {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [Node], { description: 'Nodes in order, from `from` to `to`.' })
  nodes!: Node[];

  @Field(() => [PathEdge], { description: 'Relationships in path order.' })
  edges!: PathEdge[];
}
