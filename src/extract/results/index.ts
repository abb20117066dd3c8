// The result extractor's single entry: the scores a paper's title and abstract report, as
// `results` of the extraction record (CONTRACT.md "Results and leaderboards").
import { viewPaper } from './claims';
import { scoreClaims } from './scorer';
import type { ExtractedResult, ResultEntity, ResultSentence } from './result.types';

export type { ExtractedResult } from './result.types';

/** Result claims of one paper from its sentences (title first) and the record's entities. Pure. */
export function extractResults(
  sentences: readonly ResultSentence[],
  entities: readonly ResultEntity[],
): ExtractedResult[] {
  return scoreClaims(viewPaper(sentences, entities));
}
