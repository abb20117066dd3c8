// Records of the Papers with Code archive dumps, as the PwC readers hand them to ingest.
import type { PaperInput } from '../../extract/extraction.types';
import type { PwcMethodInfo, PwcPaperExtras } from '../../ingest/ingest.types';

export type PwcDumpKind = 'papers' | 'links' | 'methods' | 'datasets' | 'evaluations';

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
  | { kind: 'dataset'; dataset: PwcDatasetInfo; introducedIn?: PwcPaperRef; dump: string }
  | {
      /** One metric value of a leaderboard row (`evaluation-tables.json`). */
      kind: 'result';
      paper: PwcPaperRef;
      /** The innermost task (subtask) the row's table belongs to. */
      task: string;
      /** The innermost dataset (subdataset) of the table. */
      dataset: string;
      metric: string;
      /** `model_name` as written. */
      model: string;
      value: number;
      unit: string | null;
      rawValue: string;
      /** `paper_date`, `YYYY-MM-DD` (or shorter), null when the dump has none. */
      date: string | null;
      dump: string;
    };

export type PwcReadResult =
  | { ok: true; record: PwcRecord; file: string; line: number }
  | { ok: false; file: string; line: number; reason: string };
