// Emission scores of a sentence, as `emissions(model, sentenceFeatures(...))` gives them, without
// building and hashing every feature string of every token:
// - what a word's own text gives a token, and what it gives its neighbours, is summed once per
//   distinct word and kept (words repeat across abstracts; the memo is bounded);
// - word and shape combinations (`COMBINATIONS`: 131k of the model's 179k features) are found by
//   the integer ids of their parts in an open-addressing table, not by string;
// - only position and hint features are built and looked up as strings.
// The weights are integers, so the sums are exact and equal to the reference path's whatever their
// order; test/extract/tagger-scorer.test.ts checks the two paths agree.
import {
  AFTER,
  BEFORE,
  COMBINATIONS,
  combinationFeature,
  hintFeatures,
  NEIGHBOUR_OFFSETS,
  neighbourFeatures,
  ownFeatures,
  positionFeatures,
  shapeOf,
  titleFeatures,
  triggerFeatureLists,
  triggerOf,
  type PreparedTokens,
  type TokenHints,
} from './features';
import { addFeatureRows, addRow, LABEL_COUNT, scaledEmission, type TaggerModel } from './model';
import type { TagToken } from './tokens';

/**
 * Slots of a word's summed weights: its own, then one for each neighbour offset (slot 1 + the
 * offset's index in NEIGHBOUR_OFFSETS), then as a title word.
 */
const OWN = 0;
const TITLE = 1 + NEIGHBOUR_OFFSETS.length;
const SLOTS = TITLE + 1;

/** Distinct words kept before the memo starts over (a bound on memory, not on correctness). */
const MAX_WORDS = 100_000;
const SEPARATOR = '|';
const MAX_PARTS = 3;

interface WordEntry {
  lower: string;
  shape: string;
  trigger: string | undefined;
  /** Summed weights, SLOTS rows of LABEL_COUNT. */
  sums: Int32Array;
  /** Ids of the lower-cased word and of the shape among the combination parts (-1: in none). */
  wordId: number;
  shapeId: number;
  /** The word holds the separator: its combinations are looked up by string. */
  hasSeparator: boolean;
}

/**
 * The model's combination features by the ids of their parts. A feature whose value does not
 * split into its combination's number of parts has a separator inside a part; it is reachable
 * only by string, which is how tokens holding a separator are looked up.
 */
class CombinationTable {
  readonly ids = new Map<string, number>();
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(model: TaggerModel) {
    const entries: { c: number; parts: number[]; row: number }[] = [];
    const byName = new Map(COMBINATIONS.map((c, i) => [`${c.name}=`, i]));
    for (const [f, row] of model.rows) {
      const eq = f.indexOf('=');
      if (eq < 0) continue;
      const c = byName.get(f.slice(0, eq + 1));
      if (c === undefined) continue;
      const parts = f.slice(eq + 1).split(SEPARATOR);
      if (parts.length !== COMBINATIONS[c].parts.length) continue;
      entries.push({ c, parts: parts.map((x) => this.idOf(x)), row });
    }
    let cap = 1024;
    while (cap < entries.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap * (1 + MAX_PARTS));
    this.rows = new Int32Array(cap).fill(-1);
    for (const e of entries) {
      const [a, b, c = -1] = e.parts;
      let slot = this.slot(e.c, a, b, c);
      while (this.rows[slot] !== -1) slot = (slot + 1) & this.mask;
      const k = slot * (1 + MAX_PARTS);
      this.keys.set([e.c, a, b, c], k);
      this.rows[slot] = e.row;
    }
  }

  private idOf(part: string): number {
    let id = this.ids.get(part);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(part, id);
    }
    return id;
  }

  private slot(c: number, a: number, b: number, d: number): number {
    let h = Math.imul(c + 1, 0x9e3779b1) ^ Math.imul(a + 1, 0x85ebca77) ^ Math.imul(b + 1, 0xc2b2ae3d);
    h ^= Math.imul(d + 2, 0x27d4eb2f);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Row of combination `c` with part ids a, b (and d for triples, else -1), or -1. */
  find(c: number, a: number, b: number, d: number): number {
    for (let slot = this.slot(c, a, b, d); ; slot = (slot + 1) & this.mask) {
      const row = this.rows[slot];
      if (row === -1) return -1;
      const k = slot * (1 + MAX_PARTS);
      const keys = this.keys;
      if (keys[k] === c && keys[k + 1] === a && keys[k + 2] === b && keys[k + 3] === d) return row;
    }
  }
}

export class SentenceScorer {
  private readonly words = new Map<string, WordEntry>();
  /** What the sentence boundary gives a token at each neighbour offset. */
  private readonly boundary: Int32Array;
  private readonly combinations: CombinationTable;
  private readonly beforeId: number;
  private readonly afterId: number;

  constructor(private readonly model: TaggerModel) {
    this.boundary = new Int32Array(SLOTS * LABEL_COUNT);
    NEIGHBOUR_OFFSETS.forEach((k, s) => this.addFeatures(this.boundary, 1 + s, neighbourFeatures(k, null)));
    this.combinations = new CombinationTable(model);
    this.beforeId = this.combinations.ids.get(BEFORE) ?? -1;
    this.afterId = this.combinations.ids.get(AFTER) ?? -1;
  }

  /** Emission scores of a sentence's tokens (same numbers as the feature-string path). */
  emissions(tokens: TagToken[], hints: TokenHints, inTitle: boolean): Float64Array[] {
    const n = tokens.length;
    const words = tokens.map((t) => this.word(t.text));
    const prepared: PreparedTokens = {
      tokens,
      lower: words.map((w) => w.lower),
      shape: words.map((w) => w.shape),
      trigger: words.map((w) => w.trigger),
    };
    const triggers = triggerFeatureLists(prepared);
    const model = this.model;
    const out: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const sum = new Float64Array(LABEL_COUNT);
      // a word's sums are rows of LABEL_COUNT, one a slot: added like rows of the model's table
      addRow(sum, words[i].sums, OWN);
      for (let s = 0; s < NEIGHBOUR_OFFSETS.length; s++) {
        const j = i + NEIGHBOUR_OFFSETS[s];
        addRow(sum, j < 0 || j >= n ? this.boundary : words[j].sums, 1 + s);
      }
      if (inTitle) addRow(sum, words[i].sums, TITLE);
      for (let c = 0; c < COMBINATIONS.length; c++) {
        const row = this.combinationRow(prepared, words, i, c);
        if (row !== -1) addRow(sum, model.table, row);
      }
      addFeatureRows(sum, model, positionFeatures(prepared, i, inTitle));
      addFeatureRows(sum, model, triggers[i]);
      addFeatureRows(sum, model, hintFeatures(prepared, i, hints));
      out.push(scaledEmission(sum, model));
    }
    return out;
  }

  /** The model row of combination `c` at token `i`, or -1 when the model has no such feature. */
  private combinationRow(p: PreparedTokens, words: WordEntry[], i: number, c: number): number {
    const parts = COMBINATIONS[c].parts;
    const n = words.length;
    let a = -1;
    let b = -1;
    let d = -1;
    // A part holding the separator first: such a feature is reachable only by its string.
    for (let k = 0; k < parts.length; k++) {
      const j = i + parts[k][0];
      if (j >= 0 && j < n && words[j].hasSeparator)
        return this.model.rows.get(combinationFeature(p, i, COMBINATIONS[c])) ?? -1;
    }
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      const j = i + part[0];
      const id =
        j < 0
          ? this.beforeId
          : j >= n
            ? this.afterId
            : part[1] === 'word'
              ? words[j].wordId
              : words[j].shapeId;
      if (id === -1) return -1;
      if (k === 0) a = id;
      else if (k === 1) b = id;
      else d = id;
    }
    return this.combinations.find(c, a, b, d);
  }

  /** Memoized facts of one word: its forms, part ids and summed weights in every slot. */
  private word(text: string): WordEntry {
    const known = this.words.get(text);
    if (known) return known;
    const sums = new Int32Array(SLOTS * LABEL_COUNT);
    this.addFeatures(sums, OWN, ownFeatures(text));
    NEIGHBOUR_OFFSETS.forEach((k, s) => this.addFeatures(sums, 1 + s, neighbourFeatures(k, text)));
    this.addFeatures(sums, TITLE, titleFeatures(text));
    const lower = text.toLowerCase();
    const shape = shapeOf(text);
    const ids = this.combinations.ids;
    const entry: WordEntry = {
      lower,
      shape,
      trigger: triggerOf(lower),
      sums,
      wordId: ids.get(lower) ?? -1,
      shapeId: ids.get(shape) ?? -1,
      hasSeparator: lower.includes(SEPARATOR) || shape.includes(SEPARATOR),
    };
    if (this.words.size >= MAX_WORDS) this.words.clear();
    this.words.set(text, entry);
    return entry;
  }

  private addFeatures(sums: Int32Array, slot: number, feats: string[]): void {
    addFeatureRows(sums, this.model, feats, slot * LABEL_COUNT);
  }
}

const scorers = new WeakMap<TaggerModel, SentenceScorer>();

/** The scorer of a model (one per model and thread, so its memo is shared by every paper). */
export function scorerFor(model: TaggerModel): SentenceScorer {
  let s = scorers.get(model);
  if (!s) {
    s = new SentenceScorer(model);
    scorers.set(model, s);
  }
  return s;
}
