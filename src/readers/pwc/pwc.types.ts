// Records of the Papers with Code archive dumps, as the PwC readers hand them to ingest.
import type { PaperInput } from '../../extract/extraction.types';
import type { PwcMethodInfo, PwcPaperExtras } from '../../ingest/ingest.types';

export type PwcDumpKind = 'papers' | 'links' | 'methods' | 'datasets';

/** How a dump names a paper: its PwC page, its arXiv id, its title (any may be missing). */
export interface PwcPaperRef {
  pwcUrl?: string;
  arxivId?: string;
  title?: string;
  url?: string;
}

export interface PwcDatasetInfo {
  name: string;
  fullName?: string;
  description?: string;
  url?: string;
}

export type PwcRecord =
  | { kind: 'paper'; paper: PaperInput; extras: PwcPaperExtras }
  | {
      kind: 'link';
      paper: PwcPaperRef;
      repoUrl: string;
      official?: boolean;
      mentionedInPaper?: boolean;
      framework?: string;
      stars?: number;
      dump: string;
    }
  | { kind: 'method'; method: PwcMethodInfo; introducedIn?: PwcPaperRef; dump: string }
  | { kind: 'dataset'; dataset: PwcDatasetInfo; introducedIn?: PwcPaperRef; dump: string };

export type PwcReadResult =
  | { ok: true; record: PwcRecord; file: string; line: number }
  | { ok: false; file: string; line: number; reason: string };
