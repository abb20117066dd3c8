// Trains the lineage classifier (multinomial logistic regression, AdaGrad SGD, L2, a fixed seed:
// the same data gives the same file) and writes data/models/lineage.v1.json.
//   npm run train:lineage -- [evalDir=../shared/eval] [outFile=data/models/lineage.v1.json]
// Data: the relation annotations' train split and the dev page (see lineage.data.ts). Tuning: the
// decision threshold maximizes the mean of pair F1 on the relations' dev split and 5-fold
// out-of-fold pair F1 on the dev page. The product never reads evalDir; only this script does.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LineageModel, LineageModelFile } from '../../src/extract/lineage/model';
import {
  CLASSES,
  className,
  decidePair,
  LINEAGE_LABELS,
  loadLineageModel,
} from '../../src/extract/lineage/model';
import type { Example } from './lineage.data';
import { pageExamples, readGold, readPagePapers, relationExamples } from './lineage.data';
import { syntheticExamples } from './lineage.synthetic';
import { seededRandom } from './seeded-random';

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  minCount: number;
  seed: number;
  pageWeight: number;
  /** Weight of the relation corpora's examples (the dev page's is pageWeight). */
  extWeight: number;
  /** Synthetic cue sentences (lineage.synthetic.ts): how many, and the weight of each pair. */
  synthSentences: number;
  synthWeight: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 12,
  rate: 0.2,
  l2: 1e-5,
  minCount: 2,
  seed: 15,
  pageWeight: 4,
  extWeight: 0.3,
  synthSentences: 1200,
  synthWeight: 0.5,
};

interface Row {
  features: string[];
  y: number;
  w: number;
}

/** Softmax regression weights over `K` classes (AdaGrad SGD with L2, seeded shuffle). */
export function fitWeights(rows: Row[], K: number, opt: TrainOptions): Map<string, Float64Array> {
  const count = new Map<string, number>();
  for (const e of rows) for (const f of e.features) count.set(f, (count.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of count) if (n >= opt.minCount) index.set(f, index.size);
  const W = new Float64Array(index.size * K);
  const G = new Float64Array(index.size * K).fill(1e-6);
  const data = rows.map((e) => ({
    x: [...new Set(e.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: e.y,
    w: e.w,
  }));
  const order = data.map((_, i) => i);
  const rand = seededRandom(opt.seed);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const oi of order) {
      const { x, y, w } = data[oi];
      z.fill(0);
      for (const f of x) for (let c = 0; c < K; c++) z[c] += W[f * K + c];
      let max = -Infinity;
      for (const v of z) if (v > max) max = v;
      let sum = 0;
      for (let c = 0; c < K; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (let c = 0; c < K; c++) {
        const g = w * (z[c] / sum - (c === y ? 1 : 0));
        for (const f of x) {
          const k = f * K + c;
          const grad = g + opt.l2 * W[k];
          G[k] += grad * grad;
          W[k] -= (opt.rate * grad) / Math.sqrt(G[k]);
        }
      }
    }
  }
  const weights = new Map<string, Float64Array>();
  for (const [f, i] of index) weights.set(f, W.slice(i * K, i * K + K));
  return weights;
}

/**
 * Fits the pair model (none / relation x direction) and, on the lineage examples alone with each
 * relation's examples weighted to the same total, the relation model; threshold set later.
 */
export function fit(examples: Example[], opt: TrainOptions): LineageModel {
  const K = CLASSES.length;
  const w = (e: Example): number =>
    e.source === 'page' || e.source === 'synthetic' ? e.weight : e.weight * opt.extWeight;
  const weights = fitWeights(
    examples.map((e) => ({ features: e.features, y: e.label, w: w(e) })),
    K,
    opt,
  );
  const relCount = LINEAGE_LABELS.map(() => 0);
  let edges = 0;
  for (const e of examples) {
    const c = CLASSES[e.label];
    if (!c) continue;
    relCount[LINEAGE_LABELS.indexOf(c.relation)] += w(e);
    edges += w(e);
  }
  const relationPrior = relCount.map((n) => Math.round((n / Math.max(edges, 1)) * 1000) / 1000);
  const positives: Row[] = [];
  for (const e of examples) {
    const c = CLASSES[e.label];
    if (!c) continue;
    const r = LINEAGE_LABELS.indexOf(c.relation);
    positives.push({
      features: e.features,
      y: r,
      w: w(e) * Math.sqrt(edges / (LINEAGE_LABELS.length * relCount[r])),
    });
  }
  const relationWeights = fitWeights(positives, LINEAGE_LABELS.length, opt);
  return { threshold: 0.5, relationPrior, weights, relationWeights, nClasses: K };
}

/** Pair-level counts at a threshold: an edge is right when gold has a lineage class of the same direction. */
export function pairCounts(
  model: LineageModel,
  examples: Example[],
  threshold: number,
): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    const predicted = decidePair({ ...model, threshold }, e.features);
    const gold = CLASSES[e.label];
    if (predicted && gold && predicted.childFirst === gold.childFirst) tp++;
    else {
      if (predicted) fp++;
      if (gold) fn++;
    }
  }
  return { tp, fp, fn };
}

export function f1(c: { tp: number; fp: number; fn: number }): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function table(weights: Map<string, Float64Array>): { features: string[]; rows: number[][] } {
  const features: string[] = [];
  const rows: number[][] = [];
  for (const [f, row] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const r = [...row].map((v) => Math.round(v * 1000) / 1000);
    if (r.every((v) => Math.abs(v) < 0.02)) continue;
    features.push(f);
    rows.push(r);
  }
  return { features, rows };
}

export function toModelFile(model: LineageModel, training: unknown): LineageModelFile {
  const { features, rows } = table(model.weights);
  return {
    format: 'papergraph-lineage-logreg',
    version: 1,
    classes: CLASSES.map(className),
    threshold: model.threshold,
    relationPrior: model.relationPrior,
    features,
    rows,
    relation: model.relationWeights ? table(model.relationWeights) : undefined,
    training,
  };
}

const log = (msg: string): void => {
  process.stderr.write(`train:lineage: ${msg}\n`);
};

export interface LineageData {
  train: Example[];
  relDev: Example[];
  page: Example[];
}

export async function loadLineageData(
  evalDir: string,
  opt: Pick<TrainOptions, 'pageWeight' | 'synthSentences' | 'synthWeight'>,
): Promise<LineageData> {
  const relDir = path.join(evalDir, 'train', 'relations');
  if (!existsSync(relDir)) throw new Error(`train:lineage: ${relDir} not found`);
  const rel: Example[] = [];
  for (const f of readdirSync(relDir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort()) {
    const ex = relationExamples(path.join(relDir, f));
    log(`${f}: ${ex.length} candidate pairs, ${ex.filter((e) => e.label !== 0).length} lineage`);
    rel.push(...ex);
  }
  const corpus = path.join(evalDir, '..', 'corpus', 'trending-sample.txt');
  const papers = await readPagePapers(corpus);
  const page = pageExamples(papers, readGold(path.join(evalDir, 'seed-dev-gold.json')), opt.pageWeight);
  const synthetic = opt.synthSentences > 0 ? syntheticExamples(opt.synthSentences, opt.synthWeight) : [];
  log(
    `synthetic cue sentences: ${opt.synthSentences}, ${synthetic.length} candidate pairs, ${synthetic.filter((e) => e.label !== 0).length} lineage`,
  );
  log(
    `dev page: ${papers.length} papers, ${page.length} candidate pairs, ${page.filter((e) => e.label !== 0).length} lineage`,
  );
  return {
    train: [...rel.filter((e) => e.source.endsWith(':train')), ...synthetic],
    relDev: rel.filter((e) => e.source.endsWith(':dev')),
    page,
  };
}

/** Out-of-fold dev-page examples with the model that did not see them (k folds by paper). */
export function pageFolds(
  data: LineageData,
  k: number,
  opt: TrainOptions,
): { model: LineageModel; test: Example[] }[] {
  const groups = [...new Set(data.page.map((e) => e.group))];
  const out: { model: LineageModel; test: Example[] }[] = [];
  for (let fold = 0; fold < k; fold++) {
    const held = new Set(groups.filter((_, i) => i % k === fold));
    const model = fit([...data.train, ...data.page.filter((e) => !held.has(e.group))], opt);
    out.push({ model, test: data.page.filter((e) => held.has(e.group)) });
  }
  return out;
}

export async function trainLineage(
  evalDir: string,
  outFile: string,
  opt: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): Promise<LineageModelFile> {
  const data = await loadLineageData(evalDir, opt);
  log(`train ${data.train.length} pairs, relations dev ${data.relDev.length}, page ${data.page.length}`);
  const trainOnly = fit(data.train, opt);
  const folds = pageFolds(data, 5, opt);
  let best = { t: 0.5, score: -1, rel: f1({ tp: 0, fp: 0, fn: 0 }), page: f1({ tp: 0, fp: 0, fn: 0 }) };
  for (let t = 0.2; t <= 0.901; t += 0.05) {
    const rel = f1(pairCounts(trainOnly, data.relDev, t));
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const fo of folds) {
      const x = pairCounts(fo.model, fo.test, t);
      c.tp += x.tp;
      c.fp += x.fp;
      c.fn += x.fn;
    }
    const page = f1(c);
    const score = (rel.f + page.f) / 2;
    log(
      `threshold ${t.toFixed(2)}: relations dev pair F1 ${rel.f.toFixed(3)}, page 5-fold pair F1 ${page.f.toFixed(3)}`,
    );
    // Ties go to the higher threshold (fewer edges for the same F1).
    if (score >= best.score - 1e-9) best = { t: Math.round(t * 100) / 100, score, rel, page };
  }
  const final = fit([...data.train, ...data.page], opt);
  final.threshold = best.t;
  const round = (x: { p: number; r: number; f: number }): Record<string, number> => ({
    p: Math.round(x.p * 1000) / 1000,
    r: Math.round(x.r * 1000) / 1000,
    f1: Math.round(x.f * 1000) / 1000,
  });
  const file = toModelFile(final, {
    sources: [
      'SciERC train (relations)',
      'SciNLP train (relations)',
      'dev page (seed-dev-gold)',
      'synthetic cue sentences (scripts/train/lineage.synthetic.ts)',
    ],
    pairs: {
      train: data.train.length,
      synthetic: data.train.filter((e) => e.source === 'synthetic').length,
      trainLineage: data.train.filter((e) => e.label !== 0).length,
      page: data.page.length,
      pageLineage: data.page.filter((e) => e.label !== 0).length,
      relationsDev: data.relDev.length,
    },
    options: opt,
    tuning: {
      threshold: best.t,
      relationsDevCandidatePairs: round(best.rel),
      page5FoldCandidatePairs: round(best.page),
    },
  });
  writeFileSync(outFile, JSON.stringify(file) + '\n');
  log(`wrote ${outFile}: ${file.features.length} features, threshold ${best.t}`);
  loadLineageModel(file);
  return file;
}

if (require.main === module) {
  const evalDir = path.resolve(process.argv[2] ?? '../shared/eval');
  const outFile = path.resolve(process.argv[3] ?? 'data/models/lineage.v1.json');
  trainLineage(evalDir, outFile).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
