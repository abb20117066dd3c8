// Features of the mention tagger, one string list per token. The same functions run at training
// time (scripts/train/tagger.train.ts) and inside the product, so a model and its features never
// drift apart. Features are generic (word forms, shapes, affixes, neighbours, position, and the
// rule layer's hints); the learned weights, not this file, carry what the annotations taught.
//
// A token's features fall in three groups, so the product can score the first two once per
// distinct word (scorer.ts) instead of building their strings for every token:
// - what the token's own text gives it (`ownFeatures`),
// - what a neighbour's text gives it (`neighbourFeatures`: the word one or two to the left or
//   right, or the sentence boundary there),
// - what depends on word combinations, on the position and on the rule hints (`contextFeatures`;
//   the combinations are data, `COMBINATIONS`, so scorer.ts can look them up by word ids).
import type { TagToken } from './tokens';

/** Per-token hints from the rule layer (lexicon matches, defined abbreviations, typed rule mentions). */
export type TokenHints = string[][];

const DIGIT = /\p{N}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/** Word shape with runs collapsed: `MLP-Mixer` tokens give `X`, `-`, `Xx`; `ResNet50` gives `XxXxd`. */
export function shapeOf(text: string): string {
  let out = '';
  let last = '';
  for (const ch of text) {
    const c = DIGIT.test(ch) ? 'd' : UPPER.test(ch) ? 'X' : LOWER.test(ch) ? 'x' : LETTER.test(ch) ? 'l' : ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 6) break;
  }
  return out;
}

function lengthClass(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 10 ? '7-10' : '11+';
}

/** Where a neighbour sits relative to the token it gives features to. */
export const NEIGHBOUR_OFFSETS = [-1, 1, -2, 2] as const;
export type NeighbourOffset = (typeof NEIGHBOUR_OFFSETS)[number];

/** What a feature names in place of a word or shape before the sentence start / after its end. */
export const BEFORE = '<s>';
export const AFTER = '</s>';

/** Features a token's own text gives it. */
export function ownFeatures(text: string): string[] {
  const lw = text.toLowerCase();
  const f: string[] = ['b', `w=${lw}`, `s=${shapeOf(text)}`, `len=${lengthClass(text.length)}`];
  if (lw.length > 3) {
    f.push(`p3=${lw.slice(0, 3)}`, `x3=${lw.slice(-3)}`);
    if (lw.length > 4) f.push(`p4=${lw.slice(0, 4)}`, `x4=${lw.slice(-4)}`);
  }
  if (lw.length > 2) f.push(`x2=${lw.slice(-2)}`);
  return f;
}

/**
 * Features the word at `offset` from a token gives that token (`text` null: the offset falls
 * outside the sentence).
 */
export function neighbourFeatures(offset: NeighbourOffset, text: string | null): string[] {
  const boundary = offset < 0 ? BEFORE : AFTER;
  const lw = text === null ? boundary : text.toLowerCase();
  if (offset === -2) return [`w-2=${lw}`];
  if (offset === 2) return [`w+2=${lw}`];
  const sign = offset < 0 ? '-' : '+';
  const f = [`w${sign}1=${lw}`, `s${sign}1=${text === null ? boundary : shapeOf(text)}`];
  if (text !== null && lw.length > 3) f.push(`x3${sign}1=${lw.slice(-3)}`);
  return f;
}

/** Features of a title token from its own text (beside the constant `title`). */
export function titleFeatures(text: string): string[] {
  return [`title-s=${shapeOf(text)}`];
}

/**
 * Category nouns that say what kind of thing the names near them are ("the methods ... are A and
 * B", "evaluated on A, B and C benchmarks"): general English of the field, written here. The
 * nearest one to the left and to the right of a token, further away than the neighbour features
 * reach, is a feature of the token.
 */
const TRIGGER_WORDS: Record<string, readonly string[]> = {
  method: [
    'method',
    'methods',
    'model',
    'models',
    'approach',
    'approaches',
    'algorithm',
    'algorithms',
    'architecture',
    'architectures',
    'network',
    'networks',
    'framework',
    'frameworks',
    'baseline',
    'baselines',
    'technique',
    'techniques',
    'variant',
    'variants',
    'optimizer',
    'optimizers',
    'classifier',
    'classifiers',
    'module',
    'modules',
    'backbone',
    'backbones',
    'estimator',
    'estimators',
    'scheme',
    'schemes',
    'strategy',
    'strategies',
    'mechanism',
    'mechanisms',
  ],
  dataset: [
    'dataset',
    'datasets',
    'benchmark',
    'benchmarks',
    'corpus',
    'corpora',
    'collection',
    'collections',
    'database',
    'databases',
    'suite',
    'suites',
    'treebank',
    'testbed',
  ],
  task: ['task', 'tasks', 'problem', 'problems', 'application', 'applications'],
  metric: ['metric', 'metrics', 'score', 'scores', 'measure', 'measures'],
};
const TRIGGER = new Map(
  Object.entries(TRIGGER_WORDS).flatMap(([kind, ws]) => ws.map((w) => [w, kind] as const)),
);

/** The category a lower-cased word names (TRIGGER_WORDS), if any. */
export function triggerOf(lower: string): string | undefined {
  return TRIGGER.get(lower);
}

/** Lower-cased words and shapes of a sentence's tokens, computed once for `contextFeatures`. */
export interface PreparedTokens {
  tokens: TagToken[];
  lower: string[];
  shape: string[];
  /** triggerOf(lower[i]) for each token. */
  trigger: (string | undefined)[];
}

export function prepareTokens(tokens: TagToken[]): PreparedTokens {
  const lower = tokens.map((t) => t.text.toLowerCase());
  return {
    tokens,
    lower,
    shape: tokens.map((t) => shapeOf(t.text)),
    trigger: lower.map(triggerOf),
  };
}

function distanceClass(d: number): string {
  return d <= 3 ? 'n' : d <= 8 ? 'm' : 'f';
}

/**
 * The nearest category noun on each side of every token of a sentence, as features
 * (`tl=method|m`: a method noun 4-8 tokens to the left). One pass each way.
 */
export function triggerFeatureLists(p: PreparedTokens): string[][] {
  const n = p.tokens.length;
  const out: string[][] = p.tokens.map(() => []);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (last >= 0) out[i].push(`tl=${p.trigger[last]}|${distanceClass(i - last)}`);
    if (p.trigger[i] !== undefined) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (last >= 0) out[i].push(`tr=${p.trigger[last]}|${distanceClass(last - i)}`);
    if (p.trigger[i] !== undefined) last = i;
  }
  return out;
}

/** One part of a combination feature: the word or the shape at an offset from the token. */
export type CombinationPart = readonly [offset: number, field: 'word' | 'shape'];
export interface Combination {
  name: string;
  parts: readonly CombinationPart[];
}

/** Features of word and shape pairs and triples around a token: `name=part|part[|part]`. */
export const COMBINATIONS: readonly Combination[] = [
  {
    name: 'ss',
    parts: [
      [-1, 'shape'],
      [0, 'shape'],
      [1, 'shape'],
    ],
  },
  {
    name: 'ww-',
    parts: [
      [-1, 'word'],
      [0, 'word'],
    ],
  },
  {
    name: 'ww+',
    parts: [
      [0, 'word'],
      [1, 'word'],
    ],
  },
  {
    name: 'www',
    parts: [
      [-1, 'word'],
      [0, 'word'],
      [1, 'word'],
    ],
  },
  {
    name: 'w-1s',
    parts: [
      [-1, 'word'],
      [0, 'shape'],
    ],
  },
  {
    name: 's w+1',
    parts: [
      [0, 'shape'],
      [1, 'word'],
    ],
  },
  {
    name: 'w-2-1',
    parts: [
      [-2, 'word'],
      [-1, 'word'],
    ],
  },
];

/** The text of a combination part for token `i`: the word or shape there, or the boundary. */
export function combinationPart(p: PreparedTokens, i: number, [offset, field]: CombinationPart): string {
  const j = i + offset;
  if (j < 0) return BEFORE;
  if (j >= p.tokens.length) return AFTER;
  return field === 'word' ? p.lower[j] : p.shape[j];
}

/** The feature string of one combination for token `i`. */
export function combinationFeature(p: PreparedTokens, i: number, c: Combination): string {
  return `${c.name}=${c.parts.map((part) => combinationPart(p, i, part)).join('|')}`;
}

/** Features of token `i` from its position: sentence start, spacing, the title. */
export function positionFeatures(p: PreparedTokens, i: number, inTitle: boolean): string[] {
  const n = p.tokens.length;
  const t = p.tokens[i];
  const lw = p.lower[i];
  const f: string[] = [];
  if (t.text !== lw && t.text[0] !== lw[0] && i === 0) f.push('cap0');
  f.push(`sp=${t.spaceBefore ? 1 : 0}${i + 1 < n && !p.tokens[i + 1].spaceBefore ? 1 : 0}`);
  if (inTitle) f.push('title');
  if (i === 0) f.push('first');
  return f;
}

/** Features of token `i` from the rule layer's hints on it and its neighbours. */
export function hintFeatures(p: PreparedTokens, i: number, hints: TokenHints): string[] {
  const f: string[] = [];
  for (const h of hints[i] ?? []) f.push(`h=${h}`, `hs=${h}|${p.shape[i]}`);
  for (const h of hints[i - 1] ?? []) f.push(`h-1=${h}`);
  for (const h of hints[i + 1] ?? []) f.push(`h+1=${h}`);
  return f;
}

/** Features of token `i` from word combinations, position, category nouns around and hints. */
export function contextFeatures(
  p: PreparedTokens,
  i: number,
  hints: TokenHints,
  inTitle: boolean,
  triggers: string[][],
): string[] {
  return [
    ...positionFeatures(p, i, inTitle),
    ...COMBINATIONS.map((c) => combinationFeature(p, i, c)),
    ...triggers[i],
    ...hintFeatures(p, i, hints),
  ];
}

/**
 * Feature strings for every token of a sentence: the three groups above. `inTitle` marks the
 * title; `hints` come from the rule layer (the same hints at training and inference time).
 */
export function sentenceFeatures(tokens: TagToken[], hints: TokenHints, inTitle: boolean): string[][] {
  const p = prepareTokens(tokens);
  const triggers = triggerFeatureLists(p);
  const n = tokens.length;
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const f = ownFeatures(tokens[i].text);
    for (const k of NEIGHBOUR_OFFSETS) {
      const j = i + k;
      f.push(...neighbourFeatures(k, j < 0 || j >= n ? null : tokens[j].text));
    }
    if (inTitle) f.push(...titleFeatures(tokens[i].text));
    f.push(...contextFeatures(p, i, hints, inTitle, triggers));
    out.push(f);
  }
  return out;
}
