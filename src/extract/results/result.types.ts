// The `results` items of the extraction record (CONTRACT.md "Results and leaderboards") and the
// minimal views of a sentence and an entity the result extractor reads. Pure types.
import type { EntityType } from '../../names/normalize';

export interface ResultEvidence {
  field: 'title' | 'abstract';
  sentence: string;
  /** Offsets of the value in the field, as JavaScript string indices. */
  start: number;
  end: number;
}

/** A score the text reports, as written: `value` is the number shown, `unit` `%`, `K`/`M`/`B` or null. */
export interface ExtractedResult {
  /** Names as in `entities[].name`; null when the text does not say which method scored it. */
  method: string | null;
  dataset: string;
  task: string | null;
  /** The metric's canonical name (`data/lexicon/metrics.json`). */
  metric: string;
  value: number;
  unit: string | null;
  confidence: number;
  rule: string;
  evidence: ResultEvidence[];
}

/** The part of a sentence the result extractor needs (offsets into the field text). */
export interface ResultSentence {
  field: 'title' | 'abstract';
  fieldText: string;
  start: number;
  end: number;
  text: string;
}

/** The part of an extracted entity the result extractor needs. */
export interface ResultEntity {
  type: EntityType;
  name: string;
  role: 'introduced' | 'used';
  aliases: string[];
  evidence: { field: 'title' | 'abstract'; start: number; end: number }[];
}
