// The `Entity` interface: the named things papers are linked to (methods, datasets, tasks, concepts).
import { Field, ID, InterfaceType } from 'type-graphql';
import type { EntityModel } from '../../read-model/models';
import { Node } from './node.interface';

@InterfaceType('Entity', {
  implements: Node,
  description: 'A named research entity extracted from papers: a method, dataset, task or concept.',
  resolveType: (value: EntityModel) => value.__typename,
})
export abstract class Entity extends Node {
  @Field(() => ID, { description: 'Canonical id `<type>:<normalized name>`, e.g. `method:mlp-mixer`.' })
  declare id: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => [String], { description: 'Other spellings seen for this entity (never includes `name`).' })
  aliases!: string[];
}
