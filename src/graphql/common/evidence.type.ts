// Evidence: where in a paper an extracted relationship was read, with the relationship's provenance.
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('Evidence', {
  simpleResolvers: true,
  description:
    'A mention in a paper that supports a relationship: the sentence, the offsets of the mention in the field, the paper, and the provenance of the relationship it supports.',
})
export class Evidence {
  @Field(() => String, { description: 'The sentence containing the mention.' })
  sentence!: string;

  @Field(() => String, { description: 'The field the offsets refer to: `title` or `abstract`.' })
  field!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Start offset of the mention in `field` (JavaScript string index).',
  })
  start!: number | null;

  @Field(() => Int, { nullable: true, description: 'End offset (exclusive) of the mention in `field`.' })
  end!: number | null;

  @Field(() => Float, { nullable: true, description: 'Confidence of the relationship, in [0, 1].' })
  confidence!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Extractor version (for `extracted`), else the dump name or date.',
  })
  extractorVersion!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Source of the relationship: `extracted`, `pwc` or `curated`.',
  })
  source!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the extraction rule that fired (for `extracted`).',
  })
  rule!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For `curated` relationships: the evidence URL the curator gave (the sentence is their note; field `curation`).',
  })
  url!: string | null;
}
