// The mention tagger's model: a linear-chain model (averaged structured perceptron weights) over
// BIO labels of method / dataset / task / metric mentions, decoded with Viterbi under the BIO
// constraint. The weights are data (data/models/tagger.json, written by `npm run train:extractor`).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `method`: named models, architectures, algorithms and systems; `technique`: a general method or
 * procedure (fine-tuning, knowledge distillation) - annotated as methods by some corpora and not by
 * others, so the tagger keeps them apart and the extractor decides what a technique becomes.
 */
export const MENTION_TYPES = ['method', 'dataset', 'task', 'metric', 'technique'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

/** Label 0 is O; then B-type, I-type for each mention type in MENTION_TYPES order. */
export const LABELS: readonly string[] = ['O', ...MENTION_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const LABEL_COUNT = LABELS.length;

export function labelType(label: number): MentionType | null {
  return label === 0 ? null : MENTION_TYPES[(label - 1) >> 1];
}
export function isInside(label: number): boolean {
  return label > 0 && (label - 1) % 2 === 1;
}
export function beginLabel(type: MentionType): number {
  return 1 + 2 * MENTION_TYPES.indexOf(type);
}

/** I-x may only follow B-x or I-x. */
export function allowed(prev: number | -1, next: number): boolean {
  if (!isInside(next)) return true;
  return prev >= 0 && prev !== 0 && labelType(prev) === labelType(next);
}

export interface TaggerModel {
  /** transitions[prev + 1][next]; row 0 is the sentence start. */
  transitions: number[][];
  /** Feature -> its row in `table`. */
  rows: Map<string, number>;
  /**
   * The file's integer weights, LABEL_COUNT a row. Emission scores sum these integers (exact, so
   * the sum does not depend on the order of the features) and divide by `scale` once.
   */
  table: Int32Array;
  scale: number;
  /** Hash of the model file (part of EXTRACTOR_VERSION). */
  hash: string;
  /** How the model was trained (sources, counts, date). */
  meta: Record<string, unknown>;
  /** Subtracted from the O label's score: > 0 trades precision for recall (tuned on dev). */
  oBias: number;
}

export interface TaggerFile {
  format: 'papergraph-tagger/1';
  labels: string[];
  scale: number;
  transitions: number[][];
  /** feature -> integer weights per label (divided by `scale`). */
  features: Record<string, number[]>;
  meta: Record<string, unknown>;
  /** Decoding setting tuned on dev after training (see TaggerModel.oBias). */
  oBias?: number;
}

export const MODEL_FILE = path.join(__dirname, '..', '..', '..', 'data', 'models', 'tagger.json');

/** The model in a file of the `papergraph-tagger/1` format. */
export function parseTagger(text: string): TaggerModel {
  const file = JSON.parse(text) as TaggerFile;
  if (file.format !== 'papergraph-tagger/1')
    throw new Error(`tagger model: unknown format ${String(file.format)}`);
  if (file.labels.join(',') !== LABELS.join(','))
    throw new Error('tagger model: labels differ from this code');
  const entries = Object.entries(file.features);
  const rows = new Map<string, number>();
  const table = new Int32Array(entries.length * LABEL_COUNT);
  entries.forEach(([name, ws], r) => {
    rows.set(name, r);
    for (let i = 0; i < LABEL_COUNT; i++) table[r * LABEL_COUNT + i] = ws[i] ?? 0;
  });
  const transitions = file.transitions.map((row) => row.map((v) => v / file.scale));
  return {
    transitions,
    rows,
    table,
    scale: file.scale,
    hash: createHash('sha256').update(text).digest('hex').slice(0, 8),
    meta: file.meta,
    oBias: Number(process.env.PAPERGRAPH_TAGGER_OBIAS ?? file.oBias ?? 0),
  };
}

let loaded: TaggerModel | undefined;
let shippedText: string | undefined;

/** The shipped model file's text (dist/ layout and source layout both resolve to data/models/). */
function shippedModelText(): string {
  if (shippedText !== undefined) return shippedText;
  const candidates = [
    MODEL_FILE,
    path.join(__dirname, '..', '..', '..', '..', 'data', 'models', 'tagger.json'),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file)
    throw new Error(
      `tagger model not found (looked in ${candidates.join(', ')}); run \`npm run train:extractor\``,
    );
  shippedText = fs.readFileSync(file, 'utf8');
  return shippedText;
}

/** Short hash of the shipped model file, without parsing it (part of EXTRACTOR_VERSION). */
export function shippedTaggerHash(): string {
  return createHash('sha256').update(shippedModelText()).digest('hex').slice(0, 8);
}

/** The shipped model (parsed once per process, on first use). */
export function shippedTagger(): TaggerModel {
  loaded ??= parseTagger(shippedModelText());
  shippedText = undefined; // parsed: the text is no longer needed
  return loaded;
}

/** Adds row `row` of `table` (LABEL_COUNT integers) to `sum`, at `sum[at]` onwards. */
export function addRow(sum: Float64Array | Int32Array, table: Int32Array, row: number, at = 0): void {
  const o = row * LABEL_COUNT;
  for (let y = 0; y < LABEL_COUNT; y++) sum[at + y] += table[o + y];
}

/** Adds the weights of every feature of `feats` the model has to `sum`, at `sum[at]` onwards. */
export function addFeatureRows(
  sum: Float64Array | Int32Array,
  model: Pick<TaggerModel, 'rows' | 'table'>,
  feats: readonly string[],
  at = 0,
): void {
  for (let k = 0; k < feats.length; k++) {
    const row = model.rows.get(feats[k]);
    if (row !== undefined) addRow(sum, model.table, row, at);
  }
}

/** Emission scores from a token's summed integer weights: scaled, and O lowered by `oBias`. */
export function scaledEmission(sum: Float64Array, model: Pick<TaggerModel, 'scale' | 'oBias'>): Float64Array {
  for (let y = 0; y < LABEL_COUNT; y++) sum[y] /= model.scale;
  sum[0] -= model.oBias;
  return sum;
}

/**
 * Emission scores of every token from its feature strings (the reference path: training and
 * tests; the product scores through scorer.ts, which must give the same numbers).
 */
export function emissions(
  model: Pick<TaggerModel, 'rows' | 'table' | 'scale' | 'oBias'>,
  feats: string[][],
): Float64Array[] {
  return feats.map((fs_) => {
    const sum = new Float64Array(LABEL_COUNT);
    addFeatureRows(sum, model, fs_);
    return scaledEmission(sum, model);
  });
}

/** ALLOWED[p * LABEL_COUNT + y]: whether label y may follow label p (`allowed`). */
const ALLOWED: Uint8Array = Uint8Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, k) =>
  allowed(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT) ? 1 : 0,
);

/** Best label sequence under the BIO constraint (Viterbi; ties go to the lower label). */
export function viterbi(em: Float64Array[], transitions: number[][]): number[] {
  const n = em.length;
  if (n === 0) return [];
  const L = LABEL_COUNT;
  const score = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  for (let y = 0; y < L; y++) score[y] = allowed(-1, y) ? em[0][y] + transitions[0][y] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    const e = em[i];
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const ps = score[prev + p];
        if (ps === -Infinity || ALLOWED[p * L + y] === 0) continue;
        const v = ps + transitions[p + 1][y];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[cur + y] = best + e[y];
      back[cur + y] = arg;
    }
  }
  const lastRow = (n - 1) * L;
  let last = 0;
  for (let y = 1; y < L; y++) if (score[lastRow + y] > score[lastRow + last]) last = y;
  const out = new Array<number>(n);
  out[n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]];
  return out;
}

export interface LabelSpan {
  type: MentionType;
  /** Token indices, end exclusive. */
  from: number;
  to: number;
}

/** Spans of a BIO label sequence. */
export function labelSpans(labels: number[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  let cur: LabelSpan | null = null;
  labels.forEach((y, i) => {
    const type = labelType(y);
    if (type && isInside(y) && cur && cur.type === type) {
      cur.to = i + 1;
      return;
    }
    if (cur) out.push(cur);
    cur = type ? { type, from: i, to: i + 1 } : null;
  });
  if (cur) out.push(cur);
  return out;
}
