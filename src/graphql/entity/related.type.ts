// Co-occurrence result of `related` on entities.
import { Field, Int, ObjectType } from 'type-graphql';
import { Entity } from '../common/entity.interface';

@ObjectType('RelatedEntity', {
  simpleResolvers: true,
  description: 'An entity linked by the same papers as another, with the number of shared papers.',
})
export class RelatedEntity {
  @Field(() => Entity, { description: 'The co-occurring entity.' })
  node!: Entity;

  @Field(() => Int, { description: 'Number of papers linking both.' })
  paperCount!: number;
}
