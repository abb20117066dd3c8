// Trains the mention tagger (averaged structured perceptron, first-order, BIO labels) on the human
// annotations in `<evalDir>/train/`, tunes nothing by hand: the dev figures of every epoch are
// printed and recorded in the model's `meta`. Deterministic (fixed shuffling seed).
// The product never runs this; it reads the file this writes (data/models/tagger.json).
import * as fs from 'node:fs';
import { analysePaper } from '../../src/extract/extractor';
import type { Mention } from '../../src/extract/mention.types';
import { definedKeys, sentenceInput } from '../../src/extract/tagger/apply-tagger';
import {
  LABEL_COUNT,
  LABELS,
  allowed,
  beginLabel,
  labelSpans,
  labelType,
  isInside,
  MENTION_TYPES,
  type MentionType,
  type TaggerFile,
  viterbi,
} from '../../src/extract/tagger/model';
import { loadUnits, type Source, type Unit } from './tagger-data';
import { seededRandom } from './seeded-random';

export interface TaggerTrainOptions {
  evalDir: string;
  outFile: string;
  sources: Source[];
  epochs: number;
  /** Features seen fewer times than this in training data are dropped. */
  minCount: number;
  /** Cap on SciREX training sections (its Method label is very broad), 0 = all. */
  scirexCap: number;
  log: (line: string) => void;
}

interface Seq {
  source: Source;
  split: Unit['split'];
  feats: Int32Array[];
  gold: Int8Array;
  /** Types this sequence's source annotates (bit per MENTION_TYPES index). */
  known: number;
  methodEither: boolean;
}

class FeatureIndex {
  readonly ids = new Map<string, number>();
  counts: number[] = [];
  id(f: string, count: boolean): number {
    let id = this.ids.get(f);
    if (id === undefined) {
      id = this.counts.length;
      this.ids.set(f, id);
      this.counts.push(0);
    }
    if (count) this.counts[id]++;
    return id;
  }
}

function typeBit(t: MentionType): number {
  return 1 << MENTION_TYPES.indexOf(t);
}

/** Sequences (one per sentence) of a unit, with gold labels from its character spans. */
function unitSequences(unit: Unit, index: FeatureIndex): Seq[] {
  const { all, defs, finder } = analysePaper({ title: '', abstract: unit.text });
  const keys = definedKeys(defs);
  const bySentence = new Map<unknown, Mention[]>();
  for (const m of finder.mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const known = unit.known.reduce((a, t) => a | typeBit(t), 0);
  const out: Seq[] = [];
  for (const sentence of all) {
    const { tokens, feats } = sentenceInput(sentence, bySentence.get(sentence) ?? [], defs, keys);
    if (tokens.length === 0) continue;
    const gold = new Int8Array(tokens.length);
    for (const e of unit.entities) {
      if (e.end <= sentence.start || e.start >= sentence.end) continue;
      let first = true;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.end <= e.start || t.start >= e.end) continue;
        if (gold[i] !== 0) break; // overlapping spans: the first one wins
        gold[i] = first ? beginLabel(e.type) : beginLabel(e.type) + 1;
        first = false;
      }
    }
    const count = unit.split === 'train';
    out.push({
      source: unit.source,
      split: unit.split,
      feats: feats.map((fs_) => Int32Array.from(fs_.map((f) => index.id(f, count)))),
      gold,
      known,
      methodEither: unit.methodEither,
    });
  }
  return out;
}

class Perceptron {
  readonly w: Float32Array;
  readonly u: Float32Array;
  readonly tw = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  readonly tu = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  c = 1;
  constructor(
    readonly featureCount: number,
    readonly keep: Uint8Array,
  ) {
    this.w = new Float32Array(featureCount * LABEL_COUNT);
    this.u = new Float32Array(featureCount * LABEL_COUNT);
  }

  decode(seq: Seq, averaged: boolean): number[] {
    const L = LABEL_COUNT;
    const n = seq.gold.length;
    const em: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const e = new Float64Array(L);
      for (const f of seq.feats[i]) {
        if (!this.keep[f]) continue;
        const o = f * L;
        for (let y = 0; y < L; y++) e[y] += averaged ? this.w[o + y] - this.u[o + y] / this.c : this.w[o + y];
      }
      em.push(e);
    }
    // The product's Viterbi (BIO constraint), over the current or the averaged transitions.
    const transitions: number[][] = [];
    for (let p = -1; p < L; p++) {
      const row: number[] = [];
      for (let y = 0; y < L; y++) {
        const k = (p + 1) * L + y;
        row.push(averaged ? this.tw[k] - this.tu[k] / this.c : this.tw[k]);
      }
      transitions.push(row);
    }
    return viterbi(em, transitions);
  }

  private addEmission(feats: Int32Array, y: number, d: number): void {
    for (const f of feats) {
      if (!this.keep[f]) continue;
      const k = f * LABEL_COUNT + y;
      this.w[k] += d;
      this.u[k] += this.c * d;
    }
  }

  private addTransition(p: number, y: number, d: number): void {
    const k = (p + 1) * LABEL_COUNT + y;
    this.tw[k] += d;
    this.tu[k] += this.c * d;
  }

  /** One perceptron step; types the source does not annotate are never penalised. */
  learn(seq: Seq): void {
    const pred = this.decode(seq, false);
    const gold = Array.from(seq.gold);
    for (let i = 0; i < gold.length; i++) {
      const t = labelType(pred[i]);
      if (gold[i] === 0 && t && !(seq.known & typeBit(t))) gold[i] = pred[i];
      // A corpus whose method label covers techniques too: a technique where it says method is right.
      const g = labelType(gold[i]);
      if (seq.methodEither && g === 'method' && t === 'technique' && isInside(gold[i]) === isInside(pred[i]))
        gold[i] = pred[i];
    }
    // Keep the substituted gold sequence BIO-valid.
    for (let i = 0; i < gold.length; i++) if (!allowed(i === 0 ? -1 : gold[i - 1], gold[i])) gold[i] = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] !== pred[i]) {
        this.addEmission(seq.feats[i], gold[i], 1);
        this.addEmission(seq.feats[i], pred[i], -1);
      }
      const gp = i === 0 ? -1 : gold[i - 1];
      const pp = i === 0 ? -1 : pred[i - 1];
      if (gp !== pp || gold[i] !== pred[i]) {
        this.addTransition(gp, gold[i], 1);
        this.addTransition(pp, pred[i], -1);
      }
    }
    this.c++;
  }
}

interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact-span micro P/R/F1 per source and type, over the types each source annotates. */
function evaluate(model: Perceptron, seqs: Seq[]): Record<string, { P: number; R: number; F1: number }> {
  const tot = new Map<string, Prf>();
  const bump = (k: string, f: keyof Prf): void => {
    const cur = tot.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    cur[f]++;
    tot.set(k, cur);
  };
  for (const seq of seqs) {
    const pred = model.decode(seq, true);
    const key = (s: { type: string; from: number; to: number }): string => `${s.type}:${s.from}:${s.to}`;
    const gs = labelSpans(Array.from(seq.gold)).filter((s) => seq.known & typeBit(s.type));
    const ps = labelSpans(pred).filter((s) => seq.known & typeBit(s.type));
    const gk = new Set(gs.map(key));
    const pk = new Set(ps.map(key));
    for (const s of ps) bump(`${seq.source}/${s.type}`, gk.has(key(s)) ? 'tp' : 'fp');
    for (const s of gs) if (!pk.has(key(s))) bump(`${seq.source}/${s.type}`, 'fn');
  }
  const out: Record<string, { P: number; R: number; F1: number }> = {};
  for (const [k, { tp, fp, fn }] of [...tot].sort()) {
    const P = tp + fp ? tp / (tp + fp) : 0;
    const R = tp + fn ? tp / (tp + fn) : 0;
    out[k] = { P: round(P), R: round(R), F1: round(P + R ? (2 * P * R) / (P + R) : 0) };
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export async function trainTagger(opts: TaggerTrainOptions): Promise<TaggerFile['meta']> {
  const started = Date.now();
  const units = (await loadUnits(opts.evalDir, opts.sources)).filter((u) => u.split !== 'test');
  let scirex = 0;
  const chosen = units.filter((u) => {
    if (u.source !== 'scirex' || u.split !== 'train' || opts.scirexCap === 0) return true;
    return ++scirex <= opts.scirexCap;
  });
  opts.log(`tagger: ${chosen.length} units (${opts.sources.join(', ')}); analysing with the rule layer`);
  const index = new FeatureIndex();
  const train: Seq[] = [];
  const dev: Seq[] = [];
  chosen.forEach((u, i) => {
    for (const s of unitSequences(u, index)) (u.split === 'train' ? train : dev).push(s);
    if ((i + 1) % 1000 === 0)
      opts.log(`  analysed ${i + 1}/${chosen.length} units, ${index.counts.length} features`);
  });
  const keep = Uint8Array.from(index.counts, (c) => (c >= opts.minCount ? 1 : 0));
  const kept = keep.reduce((a, b) => a + b, 0);
  const tokens = train.reduce((a, s) => a + s.gold.length, 0);
  opts.log(
    `tagger: ${train.length} train / ${dev.length} dev sentences, ${tokens} train tokens, ${kept} features kept`,
  );
  const model = new Perceptron(index.counts.length, keep);
  const random = seededRandom(20261201);
  const order = train.map((_, i) => i);
  const curve: unknown[] = [];
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) model.learn(train[i]);
    const scores = evaluate(model, dev);
    curve.push({ epoch, dev: scores });
    opts.log(
      `  epoch ${epoch}: ` +
        Object.entries(scores)
          .map(([k, v]) => `${k} ${v.F1}`)
          .join('  '),
    );
  }
  // Averaged weights, quantized; features whose weights all round to zero are left out.
  const scale = 100;
  const features: Record<string, number[]> = {};
  for (const [name, id] of index.ids) {
    if (!keep[id]) continue;
    const o = id * LABEL_COUNT;
    let any = false;
    const ws: number[] = [];
    for (let y = 0; y < LABEL_COUNT; y++) {
      const v = Math.round((model.w[o + y] - model.u[o + y] / model.c) * scale);
      ws.push(v);
      if (v !== 0) any = true;
    }
    if (any) features[name] = ws;
  }
  const transitions: number[][] = [];
  for (let p = 0; p <= LABEL_COUNT; p++) {
    const row: number[] = [];
    for (let y = 0; y < LABEL_COUNT; y++) {
      const k = p * LABEL_COUNT + y;
      row.push(Math.round((model.tw[k] - model.tu[k] / model.c) * scale));
    }
    transitions.push(row);
  }
  const counts: Record<string, number> = {};
  for (const u of chosen) counts[`${u.source}/${u.split}`] = (counts[`${u.source}/${u.split}`] ?? 0) + 1;
  const meta = {
    trainedWith: 'scripts/train/tagger.train.ts (npm run train:extractor)',
    algorithm: 'averaged structured perceptron, first-order, BIO, partial labels per source',
    epochs: opts.epochs,
    minCount: opts.minCount,
    scirexCap: opts.scirexCap,
    units: counts,
    trainTokens: tokens,
    features: Object.keys(features).length,
    devCurve: curve,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file: TaggerFile = {
    format: 'papergraph-tagger/1',
    labels: [...LABELS],
    scale,
    transitions,
    features,
    meta,
  };
  // Stable output: features sorted by name, one line each, so a retrain diff is readable.
  const body = Object.keys(features)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(features[k])}`)
    .join(',\n');
  const text =
    `{"format":${JSON.stringify(file.format)},"labels":${JSON.stringify(file.labels)},"scale":${scale},\n` +
    `"meta":${JSON.stringify(meta)},\n"transitions":${JSON.stringify(transitions)},\n"features":{\n${body}\n}}\n`;
  fs.writeFileSync(opts.outFile, text);
  opts.log(`tagger: wrote ${opts.outFile} (${(text.length / 1e6).toFixed(1)} MB, ${meta.features} features)`);
  return meta;
}
