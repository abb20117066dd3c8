// TrendingItem: one result of `Query.trending`.
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';

@ObjectType('TrendingItem', {
  simpleResolvers: true,
  description: 'An entity or repo with the number of papers linking it in the window.',
})
export class TrendingItem {
  @Field(() => Node, { description: 'The method, dataset, task, concept or repo.' })
  node!: Node;

  @Field(() => Int, { description: 'Papers published in the window that link it.' })
  paperCount!: number;
}
