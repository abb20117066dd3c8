// What the `ingestPapers` mutation needs from the ingest pipeline (src/ingest/ingest.service.ts
// implements it): the same service the CLI runs, one result per input record.
import type { PaperIngestResult } from '../../ingest/ingest.types';

export interface IngestPort {
  ingestRecords(raws: unknown[]): Promise<PaperIngestResult[]>;
}
