// Results of the `ingestPapers` mutation.
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum IngestStatus {
  ingested = 'ingested',
  skipped = 'skipped',
  rejected = 'rejected',
}
registerEnumType(IngestStatus, {
  name: 'IngestStatus',
  description: 'What happened to one paper of an ingest.',
  valuesConfig: {
    ingested: { description: 'Written (new or changed).' },
    skipped: { description: 'Unchanged since the last ingest with the same extractor version.' },
    rejected: { description: 'Not written; see `reason`.' },
  },
});

@ObjectType('PaperIngestResult', { description: 'The outcome for one input paper.' })
export class PaperIngestResult {
  @Field(() => Int, { description: 'Position of the paper in the input list.' })
  index!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id `paper:<id>` (null when rejected before an id could be derived).',
  })
  id!: string | null;

  @Field(() => IngestStatus, { description: 'ingested, skipped or rejected.' })
  status!: IngestStatus;

  @Field(() => String, { nullable: true, description: 'Why the paper was rejected.' })
  reason!: string | null;
}

@ObjectType('IngestPapersPayload', { description: 'Per-paper results and totals of `ingestPapers`.' })
export class IngestPapersPayload {
  @Field(() => [PaperIngestResult], {
    description: 'One result per input paper, in input order (rejects included).',
  })
  results!: PaperIngestResult[];

  @Field(() => Int, { description: 'Papers written.' })
  ingested!: number;

  @Field(() => Int, { description: 'Papers left unchanged.' })
  skipped!: number;

  @Field(() => Int, { description: 'Papers rejected.' })
  rejected!: number;
}
