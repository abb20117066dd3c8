// The lineage classifier: multinomial logistic regression over sparse pair features. Its classes
// are `none` and, for each relation, which side of the ordered pair is the child (`rel>` = the
// first mention is the child, `rel<` = the second). Weights are a versioned data file
// (data/models/lineage.v1.json) trained by scripts/train/lineage.train.ts; scoring is pure.
import type { LineageRelation } from '../extraction.types';

export const LINEAGE_LABELS: LineageRelation[] = [
  'extends',
  'variant_of',
  'replaces_component',
  'combines',
  'uses_component',
];

export type PairClass = { relation: LineageRelation; childFirst: boolean } | null;

/** Class index <-> (relation, direction); index 0 is `none`. */
export const CLASSES: PairClass[] = [
  null,
  ...LINEAGE_LABELS.flatMap((relation) => [
    { relation, childFirst: true },
    { relation, childFirst: false },
  ]),
];

export function className(c: PairClass): string {
  return c === null ? 'none' : `${c.relation}${c.childFirst ? '>' : '<'}`;
}

export function classIndex(c: PairClass): number {
  const name = className(c);
  return CLASSES.findIndex((x) => className(x) === name);
}

/** The shipped file: class names, a decision threshold, and per-feature weight rows. */
export interface LineageModelFile {
  format: 'papergraph-lineage-logreg';
  version: number;
  classes: string[];
  /** Minimum probability of a direction (summed over the relations) for an edge. */
  threshold: number;
  /** Share of each relation among the training edges (LINEAGE_LABELS order), to pick a relation fairly. */
  relationPrior: number[];
  /** Feature names; `rows[i]` holds one weight per class for `features[i]` (tiny weights pruned). */
  features: string[];
  rows: number[][];
  /** The relation model: feature -> one weight per relation (LINEAGE_LABELS order), trained on edges only. */
  relation?: { features: string[]; rows: number[][] };
  training?: unknown;
}

export interface LineageModel {
  threshold: number;
  relationPrior: number[];
  weights: Map<string, Float64Array>;
  relationWeights?: Map<string, Float64Array>;
  nClasses: number;
}

export function loadLineageModel(file: LineageModelFile): LineageModel {
  if (file.format !== 'papergraph-lineage-logreg')
    throw new Error(`lineage model: unknown format ${String(file.format)}`);
  const expected = CLASSES.map(className);
  if (file.classes.join(',') !== expected.join(','))
    throw new Error(`lineage model: classes ${file.classes.join(',')} differ from ${expected.join(',')}`);
  const weights = readTable(file.features, file.rows, expected.length);
  const relationWeights = file.relation
    ? readTable(file.relation.features, file.relation.rows, LINEAGE_LABELS.length)
    : undefined;
  if (file.relationPrior.length !== LINEAGE_LABELS.length)
    throw new Error('lineage model: relationPrior length');
  return {
    threshold: file.threshold,
    relationPrior: file.relationPrior,
    weights,
    relationWeights,
    nClasses: expected.length,
  };
}

function readTable(features: string[], rows: number[][], width: number): Map<string, Float64Array> {
  const weights = new Map<string, Float64Array>();
  if (features.length !== rows.length) throw new Error('lineage model: features and rows differ in length');
  features.forEach((k, i) => {
    const row = rows[i];
    if (row.length !== width) throw new Error(`lineage model: feature ${k} has ${row.length} weights`);
    weights.set(k, Float64Array.from(row));
  });
  return weights;
}

/** Class probabilities (softmax of the summed weight rows) of one feature list. */
export function classProbabilities(model: LineageModel, features: string[]): Float64Array {
  const z = new Float64Array(model.nClasses);
  for (const f of features) {
    const row = model.weights.get(f);
    if (!row) continue;
    for (let c = 0; c < z.length; c++) z[c] += row[c];
  }
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

/**
 * The decision for one pair: the direction whose summed probability (over the relations) is the
 * larger, when it reaches the threshold; then the relation: the relation model's best (trained
 * on edges only, each relation weighted alike, so few extends / replaces examples still win when
 * the text says so), else the pair model's best relative to its training share. Undefined: no edge.
 */
export function decidePair(
  model: LineageModel,
  features: string[],
): { relation: LineageRelation; childFirst: boolean; p: number } | undefined {
  const probs = classProbabilities(model, features);
  let fwd = 0;
  let rev = 0;
  for (let c = 1; c < probs.length; c++) {
    if (CLASSES[c]?.childFirst) fwd += probs[c];
    else rev += probs[c];
  }
  const childFirst = fwd >= rev;
  const p = childFirst ? fwd : rev;
  if (p < model.threshold || p <= probs[0]) return undefined;
  let best = -1;
  let bestScore = -Infinity;
  const rel = new Float64Array(LINEAGE_LABELS.length);
  if (model.relationWeights)
    for (const f of features) {
      const row = model.relationWeights.get(f);
      if (row) for (let r = 0; r < rel.length; r++) rel[r] += row[r];
    }
  for (let r = 0; r < LINEAGE_LABELS.length; r++) {
    const c = 1 + 2 * r + (childFirst ? 0 : 1);
    const score = model.relationWeights ? rel[r] : probs[c] / Math.max(model.relationPrior[r], 0.02);
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  return { relation: LINEAGE_LABELS[best], childFirst, p };
}
