// The curation operations of the public contract (CONTRACT.md "Curation"): their arguments, the
// closed sets they accept (entity labels, relationship types with their endpoint labels, lineage
// relations) and their validation, which runs before any database work.
import { REL_ENDPOINTS, type DomainLabel } from '../export/export.types';
import { LINEAGE_RELATIONS } from '../extract/extraction.types';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { normalizeName } from '../names/normalize';

/** Labels a curation id can name: every domain label but Result (a score, not a thing people name). */
export type NodeLabel = Exclude<DomainLabel, 'Result'>;
export type EntityLabel = 'Method' | 'Dataset' | 'Task' | 'Concept' | 'Metric';

/** The labels a relationship's ends may have. */
export interface RelEnds {
  from: readonly DomainLabel[];
  to: readonly DomainLabel[];
}

const LABEL_OF_PREFIX: Record<string, NodeLabel> = {
  paper: 'Paper',
  method: 'Method',
  dataset: 'Dataset',
  task: 'Task',
  concept: 'Concept',
  repo: 'Repo',
  metric: 'Metric',
};

/**
 * The labels curators can alias and merge. `Metric` is one (CONTRACT.md: "an entity"): its
 * aliases are its name lookups and a metric named twice is merged like a method. No relationship
 * of a metric is retractable: its only one, a Result's BY_METRIC, is the result's `metric: Metric!`.
 */
export const ENTITY_LABELS: readonly EntityLabel[] = ['Method', 'Dataset', 'Task', 'Concept', 'Metric'];

/** The relationship types a curator may retract (the others are a Result's links: part of the result). */
const RETRACTABLE = [
  'INTRODUCES',
  'USES',
  'EVALUATES_ON',
  'ADDRESSES',
  'MENTIONS',
  'HAS_CODE',
  'IMPLEMENTS',
  'BUILDS_ON',
] as const;

/** Relationship types a curator may retract, with the labels their ends may have (the contract's, export.types.ts). */
export const REL_TYPES: Record<string, RelEnds> = Object.fromEntries(
  RETRACTABLE.map((type) => [type, REL_ENDPOINTS[type]]),
);

/**
 * Every relationship type a merged entity may carry (moved to the survivor by mergeEntities): all
 * of the contract's; moveRels takes the ones whose ends a node of the merged label can be.
 */
export const MOVABLE_RELS: Record<string, RelEnds> = REL_ENDPOINTS;

export const MOVABLE_REL_TYPES: readonly string[] = Object.keys(MOVABLE_RELS);

export const CURATION_OPS = [
  'addAlias',
  'removeAlias',
  'mergeEntities',
  'retractRelationship',
  'assertLineage',
] as const;
export type CurationOp = (typeof CURATION_OPS)[number];

export const MAX_ALIAS_LENGTH = 200;
export const MAX_NOTE_LENGTH = 2_000;
export const MAX_URL_LENGTH = 2_000;
export const MAX_ID_LENGTH = 500;

export interface AddAliasArgs {
  id: string;
  alias: string;
  note?: string | null;
}
export type RemoveAliasArgs = AddAliasArgs;
export interface MergeEntitiesArgs {
  from: string;
  into: string;
  note: string;
}
export interface RetractRelationshipArgs {
  from: string;
  to: string;
  type: string;
  paper?: string | null;
  note: string;
}
export interface AssertLineageArgs {
  child: string;
  parent: string;
  relation: string;
  note: string;
  evidenceUrl?: string | null;
}

function bad(message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message);
}

/** The label of a node id (`method:x`, `paper:<id>`, `repo:host/o/n`); BAD_USER_INPUT when unknown. */
export function labelOfId(argument: string, id: string): { label: NodeLabel; key: string } {
  checkText(argument, id, MAX_ID_LENGTH, true);
  const colon = id.indexOf(':');
  const label = colon > 0 ? LABEL_OF_PREFIX[id.slice(0, colon)] : undefined;
  if (!label || id.length === colon + 1)
    throw bad(
      `\`${argument}\` is not a Papergraph id: "${id.slice(0, 80)}" (expected <type>:<key>, e.g. method:mlp-mixer).`,
    );
  return { label, key: label === 'Paper' ? id.slice(colon + 1) : id };
}

/** An entity id (method, dataset, task, concept, metric): the label and the node's `id` property. */
export function entityLabelOfId(argument: string, id: string): EntityLabel {
  const { label } = labelOfId(argument, id);
  if (!(ENTITY_LABELS as readonly string[]).includes(label))
    throw bad(
      `\`${argument}\` must be a method, dataset, task, concept or metric id; got "${id.slice(0, 80)}".`,
    );
  return label as EntityLabel;
}

export function checkText(argument: string, value: unknown, max: number, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw bad(`\`${argument}\` is required.`);
    return '';
  }
  if (typeof value !== 'string') throw bad(`\`${argument}\` must be a string.`);
  const text = value.trim();
  if (required && text.length === 0) throw bad(`\`${argument}\` must not be empty.`);
  if (text.length > max) throw bad(`\`${argument}\` is longer than ${max} characters.`);
  return text;
}

/** An alias: non-empty, at most MAX_ALIAS_LENGTH, with at least one letter or digit. */
export function checkAlias(alias: unknown): { display: string; key: string } {
  const display = checkText('alias', alias, MAX_ALIAS_LENGTH, true);
  const key = normalizeName(display);
  if (!key)
    throw bad(`\`alias\` "${display.slice(0, 80)}" has no letter or digit: it could never match a name.`);
  return { display, key };
}

export function checkRelation(relation: unknown): string {
  const text = checkText('relation', relation, 40, true);
  if (!(LINEAGE_RELATIONS as readonly string[]).includes(text))
    throw bad(`\`relation\` must be one of ${LINEAGE_RELATIONS.join(', ')}; got "${text.slice(0, 40)}".`);
  return text;
}

export function checkRelType(type: unknown): string {
  const text = checkText('type', type, 40, true);
  if (!Object.prototype.hasOwnProperty.call(REL_TYPES, text))
    throw bad(`\`type\` must be one of ${Object.keys(REL_TYPES).join(', ')}; got "${text.slice(0, 40)}".`);
  return text;
}

export function checkUrl(value: unknown): string | null {
  const text = checkText('evidenceUrl', value, MAX_URL_LENGTH, false);
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad(`\`evidenceUrl\` is not a URL: "${text.slice(0, 80)}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw bad(`\`evidenceUrl\` must be an http(s) URL; got "${text.slice(0, 80)}".`);
  return url.toString();
}
