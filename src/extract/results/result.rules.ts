// The rules that tie a reported number to its metric and dataset, as data: every result carries
// the id of the rule that found its metric and the one that found its dataset (`metric+dataset`).
export interface ResultRule {
  id: string;
  reason: string;
  /** Contribution to the result's confidence. */
  confidence: number;
}

export const METRIC_RULES = {
  valueThenMetric: {
    id: 'value-metric',
    reason: 'the metric follows the number ("83.8% top-1 accuracy", "78.9% and 76.3% mAP")',
    confidence: 0.45,
  },
  metricThenValue: {
    id: 'metric-value',
    reason: 'the metric precedes the number with only linking words between ("accuracy of 97.95%")',
    confidence: 0.45,
  },
  sentenceMetric: {
    id: 'sentence-metric',
    reason: 'the only metric the sentence names',
    confidence: 0.3,
  },
} satisfies Record<string, ResultRule>;

export const DATASET_RULES = {
  respectively: {
    id: 'respectively',
    reason: 'n numbers and n datasets in one sentence with "respectively", paired in order',
    confidence: 0.35,
  },
  after: {
    id: 'dataset-after',
    reason: 'the nearest dataset named after the number in its clause',
    confidence: 0.35,
  },
  before: { id: 'dataset-before', reason: 'the nearest dataset named before the number', confidence: 0.3 },
  context: {
    id: 'dataset-context',
    reason: 'no dataset in the sentence: the last one named before it, else the only one of the paper',
    confidence: 0.15,
  },
} satisfies Record<string, ResultRule>;

/** Linking words that may stand between a metric and its number ("accuracy of", "mIoU is improved from"). */
export const METRIC_VALUE_LINK =
  /^(?:[\s:=(,]|\b(?:score|scores|rate|rates|value|values|of|is|was|are|were|be|to|at|reaches|reaching|reached|reach|achieves|achieving|achieved|achieve|obtains|obtaining|obtained|yields|yielding|gets|getting|attains|attaining|improved|improves|improving|increased|increases|boosted|up|from|a|an|the|new|state-of-the-art|sota|record|best|high|highest|low|lowest|with|and|on|in|set|test|testing|validation|respectively|performance|result|results|about|around|approximately|nearly|over|than|only|just|as|high|as\s+low)\b)*$/i;

/** Words that may stand between a number and the metric after it ("82.3% mean accuracy"). */
export const VALUE_METRIC_LINK = /^(?:[\s,]|\b(?:the|a|an|in|of|mean|average|overall|absolute|test)\b)*$/i;

/** Clause breaks a dataset is not looked for across. */
export const CLAUSE_BREAK = /[;]|\bwhile\b|\bwhereas\b/i;

/** The efficiency metrics whose figures are results (with a dataset the sentence names): model size. */
export const RESULT_EFFICIENCY: readonly string[] = ['Parameters'];

/**
 * Pairings the scorer also considers beside the rules' choice (candidates.ts): the nearest metric
 * on either side of the number, the paper's only metric, any dataset of the sentence, and the first
 * dataset of the next sentence. Their confidence is unused: the scorer gives each pairing its own.
 */
export const PAIRING_RULES = {
  metricBefore: {
    id: 'metric-near-before',
    reason: 'the nearest metric named before the number',
    confidence: 0,
  },
  metricAfter: {
    id: 'metric-near-after',
    reason: 'the nearest metric named after the number',
    confidence: 0,
  },
  metricInSentence: { id: 'metric-in-sentence', reason: 'another metric of the sentence', confidence: 0 },
  metricContext: {
    id: 'metric-context',
    reason: 'the sentence names no metric: the last one named in an earlier sentence',
    confidence: 0,
  },
  metricPaper: {
    id: 'paper-metric',
    reason: 'the sentence names no metric: the only metric of the paper',
    confidence: 0,
  },
  datasetInSentence: { id: 'dataset-in-sentence', reason: 'another dataset of the sentence', confidence: 0 },
  datasetNameShape: {
    id: 'dataset-name-shape',
    reason: 'no dataset entity in the sentence: a capitalised name after "on / in / for / of"',
    confidence: 0,
  },
  datasetNext: {
    id: 'dataset-next',
    reason: 'no dataset in or before the sentence: the first one of the next sentence',
    confidence: 0,
  },
} satisfies Record<string, ResultRule>;
