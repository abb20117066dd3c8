// The one name normalization of the public contract, used everywhere names are compared:
// extraction (alias folding, canonical ids), ingest (merging) and the API (lookups by name or alias).

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Contract normalization: Unicode NFKC, lower case, all dashes unified, every character that is not
 * a letter or digit removed, a trailing plural `s` folded. `"MLP Mixer"`, `"mlp-mixer"` and
 * `"MLP-Mixers"` give one key; `GPT-2` and `GPT-4` stay distinct.
 */
export function normalizeName(name: string): string {
  const key = name.normalize('NFKC').toLowerCase().replace(DASHES, '-').replace(NOT_LETTER_OR_DIGIT, '');
  return foldPlural(key);
}

/** Folds a trailing plural `s` ("mlps" -> "mlp"), but not `ss` ("loss") and not in keys of 3 or fewer characters. */
function foldPlural(key: string): string {
  if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

/** The entity kinds of the extraction record and the graph. */
export type EntityType = 'method' | 'dataset' | 'task' | 'concept';

export const ENTITY_TYPES: readonly EntityType[] = ['method', 'dataset', 'task', 'concept'];

/**
 * The canonical id of an entity named `name`: `<type>:<key>`. The key is the lexicon's id when the
 * lexicon knows the name (resolved by the caller and passed as `knownKey`), else the normalized name,
 * so every paper that names the entity, in any spelling that normalizes the same, gets the same id.
 */
export function canonicalId(type: EntityType, name: string, knownKey?: string): string {
  return `${type}:${knownKey ?? normalizeName(name)}`;
}
