// The Relay `Node` interface: every object with a global id (`method:mlp-mixer`, `paper:<id>`,
// `repo:github.com/owner/name`) that `Query.node(id)` can refetch.
import { Field, ID, InterfaceType } from 'type-graphql';
import type { MetricModel, NodeModel, ResultModel } from '../../read-model/models';

@InterfaceType('Node', {
  description:
    'An object with a global id (Relay). The id is the canonical id `<type>:<key>`, e.g. `method:mlp-mixer`, `paper:2105.01601`, `repo:github.com/owner/name`; refetch any node with `Query.node(id)`.',
  resolveType: (value: NodeModel | MetricModel | ResultModel) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id `<type>:<key>`; also the Relay global id.' })
  id!: string;
}
