// EXTRACTOR_VERSION = semver of the rule engine + a short hash of the rules and lexicon data, so
// any change to rules or lexicon changes the version (ingest re-extracts papers on a new version).
import { createHash } from 'node:crypto';
import { LEXICON_DATA } from './lexicon';
import { ENTITY_RULES, INTRO_SKIP_WORDS, TASK_HEADS } from './rules/entity.rules';
import { COMPARISON_CUE, LINEAGE_RULES } from './rules/lineage.rules';

/** Bump on changes to the extraction code that are not visible in the rule/lexicon data. */
export const EXTRACTOR_ENGINE_VERSION = '1.3.2';

function ruleData(): string {
  const ser = (v: unknown): unknown => (v instanceof RegExp ? v.toString() : v);
  return JSON.stringify(
    {
      entity: ENTITY_RULES,
      lineage: LINEAGE_RULES,
      comparison: COMPARISON_CUE.toString(),
      taskHeads: TASK_HEADS,
      skip: [...INTRO_SKIP_WORDS],
      lexicon: LEXICON_DATA,
    },
    (_k, v: unknown) => ser(v),
  );
}

export const EXTRACTOR_VERSION = `${EXTRACTOR_ENGINE_VERSION}+${createHash('sha256').update(ruleData()).digest('hex').slice(0, 8)}`;
