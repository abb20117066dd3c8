// The Method object type (an Entity).
import { Field, ID, ObjectType } from 'type-graphql';
import { createConnectionType } from '../common/connection.type';
import { Entity } from '../common/entity.interface';
import { Node } from '../common/node.interface';

@ObjectType('Method', {
  simpleResolvers: true,
  implements: [Node, Entity],
  description: 'A method: a model, architecture, algorithm or technique.',
})
export class Method extends Entity {
  @Field(() => ID, { description: 'Canonical id `method:<normalized name>`.' })
  declare id: string;

  @Field(() => String, { nullable: true, description: 'Long name, when known (e.g. from Papers with Code).' })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'Description, when known.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reference page (Papers with Code or homepage), when known.',
  })
  url!: string | null;

  @Field(() => [String], { description: 'Papers with Code method collections (taxonomy), when known.' })
  collections!: string[];
}

export const MethodConnection = createConnectionType('Method', () => Method, 'method');
