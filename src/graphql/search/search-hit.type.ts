// SearchHit: one ranked result of `Query.search`.
import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';

@ObjectType('SearchHit', {
  simpleResolvers: true,
  description: 'A search result: the node and its relevance score (higher is better).',
})
export class SearchHit {
  @Field(() => Float, { description: 'Full-text relevance score; results are ordered by it.' })
  score!: number;

  @Field(() => Node, { description: 'The matching paper, method, dataset, task, concept, repo or metric.' })
  node!: Node;
}
