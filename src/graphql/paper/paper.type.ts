// The Paper object type.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { createConnectionType } from '../common/connection.type';
import { Node } from '../common/node.interface';

@ObjectType('Paper', {
  simpleResolvers: true,
  implements: Node,
  description: 'A research paper (title and abstract) and what it was linked to.',
})
export class Paper extends Node {
  @Field(() => ID, { description: 'Global id `paper:<paper id>`.' })
  declare id: string;

  @Field(() => String, {
    simple: false, // the property is `key`: a simple resolver would read `paperId`
    name: 'paperId',
    description: 'The bare paper id: the record id, else the arXiv id, else the DOI, else `title:<hash>`.',
  })
  key!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Abstract.' })
  abstract!: string | null;

  @Field(() => String, { nullable: true, description: 'Landing page URL.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'arXiv id without version.' })
  arxivId!: string | null;

  @Field(() => String, { nullable: true, description: 'DOI, lower-cased.' })
  doi!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Publication date `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when the source has less).',
  })
  published!: string | null;

  @Field(() => Int, { nullable: true, description: 'Publication year.' })
  year!: number | null;

  @Field(() => [String], { description: 'Authors, in order.' })
  authors!: string[];

  @Field(() => [String], {
    description: 'Other URLs listed with the paper (project pages, Hugging Face, ...).',
  })
  links!: string[];

  @Field(() => String, { nullable: true, description: 'Version of the extractor that last read this paper.' })
  extractorVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'When the paper was last ingested (ISO date-time).' })
  ingestedAt!: string | null;
}

export const PaperConnection = createConnectionType('Paper', () => Paper, 'paper');
