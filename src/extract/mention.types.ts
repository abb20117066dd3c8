// Internal working types of the extractor (not part of the public record).
import type { EntityType } from '../names/normalize';
import type { Sentence } from './text-units';

export interface Mention {
  type: EntityType;
  /** Canonical key (lexicon key, else normalized name). */
  key: string;
  /** Display name (lexicon canonical name, else the coined name as written). */
  name: string;
  surface: string;
  start: number;
  end: number;
  sentence: Sentence;
  rule: string;
  confidence: number;
  fromLexicon: boolean;
  aliases: string[];
  introduced?: { rule: string; confidence: number };
}
