// The Repo object type: a source code repository.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { createConnectionType } from '../common/connection.type';
import { Node } from '../common/node.interface';

@ObjectType('Repo', {
  simpleResolvers: true,
  implements: Node,
  description: 'A source code repository (github.com, gitlab.com, bitbucket.org or codeberg.org).',
})
export class Repo extends Node {
  @Field(() => ID, { description: 'Global id `repo:<host>/<owner>/<name>`, lower-cased.' })
  declare id: string;

  @Field(() => String, { description: 'URL `https://host/owner/name` (original case).' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Host, e.g. `github.com`.' })
  host!: string | null;

  @Field(() => String, { nullable: true, description: 'Owner (user or organization).' })
  owner!: string | null;

  @Field(() => String, { description: 'Repository name.' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Stars, when known.' })
  stars!: number | null;

  @Field(() => String, { nullable: true, description: 'Framework (e.g. pytorch), when known.' })
  framework!: string | null;
}

export const RepoConnection = createConnectionType('Repo', () => Repo, 'repository');
