// PaperInput: a paper to ingest through the API (the same fields as a jsonl record).
import { Field, ID, InputType } from 'type-graphql';

@InputType('PaperInput', {
  description: 'A paper to ingest: a non-empty `title` or `abstract` is required (both usually).',
})
export class PaperInputType {
  @Field(() => ID, {
    nullable: true,
    description: 'Paper id; else derived from arxivId, doi or the title (contract rules).',
  })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Abstract.' })
  abstract?: string | null;

  @Field(() => String, { nullable: true, description: 'Landing page URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'arXiv id (a version suffix is dropped).' })
  arxivId?: string | null;

  @Field(() => String, { nullable: true, description: 'DOI.' })
  doi?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Publication date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).',
  })
  published?: string | null;

  @Field(() => [String], { nullable: true, description: 'Authors, in order.' })
  authors?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Other URLs (code repositories, project pages, ...).',
  })
  links?: string[] | null;
}
