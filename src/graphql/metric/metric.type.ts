// The Metric object type (an Entity): an evaluation metric with its direction.
import { Field, ID, ObjectType } from 'type-graphql';
import { Entity } from '../common/entity.interface';
import { Node } from '../common/node.interface';

@ObjectType('Metric', {
  simpleResolvers: true,
  implements: [Node, Entity],
  description: 'An evaluation metric (accuracy, F1, BLEU, perplexity, ...).',
})
export class Metric extends Entity {
  @Field(() => ID, { description: 'Canonical id `metric:<normalized name>`.' })
  declare id: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when a higher value is better (accuracy, F1, BLEU, mAP), false when lower is (error, perplexity, FID, latency), null when unknown.',
  })
  higherIsBetter!: boolean | null;
}
