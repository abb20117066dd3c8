// EXTRACTOR_VERSION = semver of the engine + a short hash of the rules, the lexicon data and the
// trained models (data/models/tagger.json, lineage.v1.json), so any change to rules, lexicon or weights changes
// the version (ingest re-extracts papers on a new version). The result extractor's metric lexicon
// (data/lexicon/metrics.json), rules and claim scorer (data/models/results.v1.json) are part of it too.
import { createHash } from 'node:crypto';
import { LEXICON_DATA } from './lexicon';
import { LINEAGE_MODEL_FILE } from './lineage';
import { METRIC_LEXICON_DATA } from './results/metric-lexicon';
import * as RESULT_RULES from './results/result.rules';
import { RESULT_MODEL_FILE } from './results/scorer';
import { ENTITY_RULES, GENERIC_AROUND_NAME, INTRO_SKIP_WORDS, TASK_HEADS } from './rules/entity.rules';
import { COMPARISON_CUE, LINEAGE_RULES } from './rules/lineage.rules';
import { shippedTaggerHash } from './tagger/model';

/** Bump on changes to the extraction code that are not visible in the rule/lexicon data. */
export const EXTRACTOR_ENGINE_VERSION = '2.4.0';

/** sha256 of the lineage classifier's weights file (data/models/lineage.v1.json), part of the version. */
export const LINEAGE_MODEL_HASH = createHash('sha256')
  .update(JSON.stringify(LINEAGE_MODEL_FILE))
  .digest('hex');

/** sha256 of the claim scorer's weights file (data/models/results.v1.json), part of the version. */
export const RESULT_MODEL_HASH = createHash('sha256').update(JSON.stringify(RESULT_MODEL_FILE)).digest('hex');

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
      lineageModel: LINEAGE_MODEL_HASH,
      tagger: shippedTaggerHash(),
      generic: GENERIC_AROUND_NAME,
      metrics: METRIC_LEXICON_DATA,
      results: RESULT_RULES,
      resultModel: RESULT_MODEL_HASH,
    },
    (_k, v: unknown) => ser(v),
  );
}

export const EXTRACTOR_VERSION = `${EXTRACTOR_ENGINE_VERSION}+${createHash('sha256').update(ruleData()).digest('hex').slice(0, 8)}`;
