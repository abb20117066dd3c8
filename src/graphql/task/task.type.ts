// The Task object type (an Entity).
import { Field, ID, ObjectType } from 'type-graphql';
import { createConnectionType } from '../common/connection.type';
import { Entity } from '../common/entity.interface';
import { Node } from '../common/node.interface';

@ObjectType('Task', {
  simpleResolvers: true,
  implements: [Node, Entity],
  description: 'A research task (e.g. image classification).',
})
export class Task extends Entity {
  @Field(() => ID, { description: 'Canonical id `task:<normalized name>`.' })
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
}

export const TaskConnection = createConnectionType('Task', () => Task, 'task');
