// Types shared by the ingest pipeline, its CLI and the GraphQL mutation: what goes in (a paper plus
// optional Papers with Code extras), what comes out (a summary, per-paper results).
import type { PaperInput } from '../extract/extraction.types';

/** Relationship provenance sources of the contract. */
export type RelSource = 'extracted' | 'pwc' | 'curated';

/** A method as described by a Papers with Code dump (paper `methods[]` or `methods.json`). */
export interface PwcMethodInfo {
  name: string;
  fullName?: string;
  description?: string;
  /** Collection names (the PwC method taxonomy), e.g. `Attention Mechanisms`. */
  collections?: string[];
  /** Research areas of those collections, e.g. `Natural Language Processing`. */
  areas?: string[];
  /** The method's PwC page. */
  url?: string;
}

/** What a PwC paper record adds to its paper beyond the text the extractor reads. */
export interface PwcPaperExtras {
  /** The PwC paper page (`paper_url`): the key other dumps use to name this paper. */
  pwcUrl?: string;
  methods: PwcMethodInfo[];
  tasks: string[];
  /** Names the dump for provenance (`extractorVersion` of `pwc` relationships). */
  dump: string;
}

/** One paper to ingest, with where it came from (for rejects and progress). */
export interface IngestItem {
  paper: PaperInput;
  pwc?: PwcPaperExtras;
  file: string;
  line: number;
}

export interface RejectRecord {
  file: string;
  line: number;
  reason: string;
}

/** The final JSON summary line of `papergraph ingest` (contract: papers, rejected, skipped, ...). */
export interface IngestSummary {
  /** Papers written in this run. */
  papers: number;
  rejected: number;
  /** Papers left alone because their content and extractor version are unchanged. */
  skipped: number;
  /** Distinct entity nodes (methods, datasets, tasks, concepts) merged in this run. */
  entities: number;
  /** Relationships written in this run. */
  relationships: number;
  /** Records of the PwC links / methods / datasets dumps written (0 when none were read). */
  pwcRecords: number;
  durationMs: number;
}

export type PaperIngestStatus = 'ingested' | 'skipped' | 'rejected';

/** Per-record result of `IngestService.ingestRecords` (the GraphQL `ingestPapers` mutation). */
export interface PaperIngestResult {
  /** Position of the record in the input list. */
  index: number;
  /** Paper id (absent when the record was rejected before an id could be derived). */
  id?: string;
  status: PaperIngestStatus;
  /** Why the record was rejected. */
  reason?: string;
}

/** Progress as the pipeline commits batches. */
export interface IngestProgress {
  papers: number;
  skipped: number;
  rejected: number;
  /** Input position of the last committed record: file and line. */
  file?: string;
  line?: number;
}
