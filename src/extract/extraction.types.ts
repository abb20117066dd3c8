// The extraction record of the public contract (`papergraph extract` prints one per paper) and the
// paper input every reader produces. Pure types: shared by the extractor, ingest and the API.
import type { EntityType } from '../names/normalize';
import type { ExtractedResult } from './results/result.types';

export type { ExtractedResult } from './results/result.types';

/** A paper as read from any input format, before extraction. */
export interface PaperInput {
  /** Paper id per the contract: record id, else arXiv id without version, else DOI lower-cased, else `title:<hash>`. */
  id: string;
  title: string;
  abstract: string;
  url?: string;
  arxivId?: string;
  doi?: string;
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`/`YYYY` when that is all the source has). */
  published?: string;
  authors?: string[];
  /** URLs the source lists beside the text (e.g. a repo or project page). */
  links?: string[];
}

export type EvidenceField = 'title' | 'abstract';

export interface Evidence {
  field: EvidenceField;
  sentence: string;
  /** Offsets of the mention in the named field, as JavaScript string indices. */
  start: number;
  end: number;
}

export type EntityRole = 'introduced' | 'used';

export interface ExtractedEntity {
  type: EntityType;
  /** Canonical id `<type>:<key>`. */
  id: string;
  name: string;
  role: EntityRole;
  aliases: string[];
  confidence: number;
  rule: string;
  evidence: Evidence[];
}

export interface ExtractedRepo {
  /** `https://host/owner/name` on github.com, gitlab.com, bitbucket.org or codeberg.org. */
  url: string;
  evidence: Evidence[];
}

export type LinkKind = 'hf-dataset' | 'hf-model' | 'hf-space' | 'project' | 'other';

export interface ExtractedLink {
  url: string;
  kind: LinkKind;
  evidence: Evidence[];
}

export type LineageRelation = 'extends' | 'variant_of' | 'replaces_component' | 'combines' | 'uses_component';

export const LINEAGE_RELATIONS: readonly LineageRelation[] = [
  'extends',
  'variant_of',
  'replaces_component',
  'combines',
  'uses_component',
];

export interface ExtractedLineage {
  /** Names as in `entities[].name`. */
  child: string;
  parent: string;
  relation: LineageRelation;
  confidence: number;
  rule: string;
  evidence: Evidence[];
}

export interface ExtractionRecord {
  paper: { id: string; title: string; url?: string };
  entities: ExtractedEntity[];
  repos: ExtractedRepo[];
  links: ExtractedLink[];
  lineage: ExtractedLineage[];
  /** Scores the text reports (CONTRACT.md "Results and leaderboards"). */
  results: ExtractedResult[];
  extractor: { version: string };
}
