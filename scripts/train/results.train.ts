// Trains the claim scorer (src/extract/results/scorer.ts) and writes data/models/results.v1.json.
//   npm run train:results -- [evalDir=../shared/eval] [outFile=data/models/results.v1.json]
// Data: the CLEF 2024 "SOTA?" train split (evalDir/results/clef24-train.jsonl), only its papers whose
// 0-based line index mod 10 != 0 (`clef-tune`); the others (`clef-held`) are never read here.
// Every candidate pairing the extractor proposes is labelled by the evaluation's own matcher
// (evalDir/score_results.py, through results_label.py): a pairing is positive when its
// (dataset, metric, value) matches a gold tuple whose value the abstract states. Binary logistic
// regression (AdaGrad SGD, L2, seeded shuffle: the same data gives the same file). The threshold is
// chosen by 5-fold cross-validation inside clef-tune (folds by paper id hash):
// the best value-level F1, counted like score_results.py --reachable (one-to-one, repeats neutral).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extract } from '../../src/extract/extractor';
import type { CandidateClaim, ResultModel, ResultModelFile } from '../../src/extract/results/scorer';
import { captureResultCandidates, loadResultModel } from '../../src/extract/results/scorer';
import { fitWeights } from './lineage.train';
import type { TrainOptions } from './lineage.train';
import { readJsonlSync } from './jsonl';

interface GoldPaper {
  id: string;
  title: string;
  abstract: string | null;
  results?: unknown[];
}

interface Labels {
  id: string;
  reachable: number;
  match: number[][];
}

export interface PaperExamples {
  id: string;
  /** Gold lists no result at all (a negative paper). */
  noGold: boolean;
  reachable: number;
  cands: (CandidateClaim & { match: number[] })[];
}

export interface ResultTrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  minCount: number;
  seed: number;
  folds: number;
  minPrecision: number;
  /**
   * Weight of the pairings of papers with no reachable gold tuple. The evaluation (--reachable)
   * scores only papers whose gold states a value; elsewhere the gold is mostly silent about the
   * scores the abstract does report, so those pairings are weak negatives.
   */
  unreachableWeight: number;
  /** Feature families left out (a pattern over feature names), for experiments; empty: none. */
  drop?: string;
}

export const DEFAULT_RESULT_OPTIONS: ResultTrainOptions = {
  epochs: 3,
  rate: 0.05,
  l2: 0.01,
  minCount: 3,
  seed: 16,
  folds: 5,
  minPrecision: 0.6,
  unreachableWeight: 0.02,
};

const log = (msg: string): void => {
  process.stderr.write(`train:results: ${msg}\n`);
};

/** clef-tune: the train split's papers whose line index mod 10 != 0. */
export function tunePapers(evalDir: string): GoldPaper[] {
  const all = readJsonlSync<GoldPaper>(path.join(evalDir, 'results', 'clef24-train.jsonl'));
  return all.filter((_, i) => i % 10 !== 0).filter((g) => g.abstract !== null);
}

/** Candidate pairings of every paper, labelled by the evaluation's matcher. */
export function labelledExamples(evalDir: string, papers: GoldPaper[]): PaperExamples[] {
  const cands: CandidateClaim[][] = [];
  for (const g of papers) {
    const { papers: captured } = captureResultCandidates(() =>
      extract({ id: g.id, title: g.title ?? '', abstract: g.abstract ?? '' }),
    );
    cands.push(captured[0] ?? []);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'results-train-'));
  try {
    const candFile = path.join(dir, 'cands.jsonl');
    const goldFile = path.join(dir, 'gold.jsonl');
    writeFileSync(goldFile, papers.map((g) => JSON.stringify(g)).join('\n') + '\n');
    writeFileSync(
      candFile,
      papers
        .map((g, i) =>
          JSON.stringify({
            id: g.id,
            cands: cands[i].map((c) => ({
              dataset: c.dataset,
              metric: c.metric,
              value: c.value,
              unit: c.unit,
            })),
          }),
        )
        .join('\n') + '\n',
    );
    const labeller = path.join(__dirname, '..', '..', '..', 'scripts', 'train', 'results_label.py');
    const run = spawnSync('python3', [labeller, path.join(evalDir, 'score_results.py'), goldFile, candFile], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (run.status !== 0) throw new Error(`results_label.py failed: ${run.stderr}`);
    const labels = run.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Labels);
    return papers.map((g, i) => {
      const lab = labels[i];
      if (lab.id !== g.id) throw new Error(`labels out of order at ${i}`);
      return {
        id: g.id,
        noGold: !(g.results ?? []).length,
        reachable: lab.reachable,
        cands: cands[i].map((c, j) => ({ ...c, match: lab.match[j] })),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function fitModel(papers: PaperExamples[], opt: ResultTrainOptions): ResultModel {
  const drop = opt.drop ? new RegExp(opt.drop) : undefined;
  const rows = papers.flatMap((p) =>
    p.cands.map((c) => ({
      features: drop ? c.features.filter((f) => !drop.test(f)) : c.features,
      y: c.match.length ? 1 : 0,
      w: p.reachable ? 1 : opt.unreachableWeight,
    })),
  );
  const lin: TrainOptions = {
    epochs: opt.epochs,
    rate: opt.rate,
    l2: opt.l2,
    minCount: opt.minCount,
    seed: opt.seed,
    pageWeight: 1,
    extWeight: 1,
    synthSentences: 0,
    synthWeight: 0,
  };
  const two = fitWeights(rows, 2, lin);
  const weights = new Map<string, number>();
  for (const [f, row] of two) weights.set(f, row[1] - row[0]);
  return { threshold: 0.5, weights };
}

function prob(m: ResultModel, features: string[]): number {
  let z = 0;
  for (const f of features) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Each number's best pairing and its probability (what the product decodes). */
export function bestPairings(
  m: ResultModel,
  p: PaperExamples,
): { p: number; c: PaperExamples['cands'][number] }[] {
  const best = new Map<number, { p: number; c: PaperExamples['cands'][number] }>();
  for (const c of p.cands) {
    const q = prob(m, c.features);
    const cur = best.get(c.slot);
    if (!cur || q > cur.p) best.set(c.slot, { p: q, c });
  }
  return [...best.values()];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  negPapersWithResult: number;
}

/** Value-level counts at a threshold, as score_results.py --reachable counts them (approximately). */
export function countAt(
  scored: { paper: PaperExamples; best: { p: number; c: PaperExamples['cands'][number] }[] }[],
  t: number,
): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, negPapersWithResult: 0 };
  for (const { paper, best } of scored) {
    const kept = best.filter((b) => b.p >= t);
    if (paper.noGold && kept.length) c.negPapersWithResult++;
    if (!paper.reachable) continue;
    const used = new Set<number>();
    const seen = new Set<string>();
    let tp = 0;
    for (const b of kept.sort((x, y) => y.p - x.p)) {
      const key = `${b.c.dataset}|${b.c.metric}|${b.c.value}|${b.c.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const free = b.c.match.find((i) => !used.has(i));
      if (free !== undefined) {
        used.add(free);
        tp++;
      } else if (!b.c.match.length) c.fp++;
    }
    c.tp += tp;
    c.fn += paper.reachable - tp;
  }
  return c;
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function foldOf(id: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % folds;
}

/** Out-of-fold best pairings of every paper (k folds by paper id hash). */
export function crossValidate(papers: PaperExamples[], opt: ResultTrainOptions) {
  const scored: { paper: PaperExamples; best: { p: number; c: PaperExamples['cands'][number] }[] }[] = [];
  for (let k = 0; k < opt.folds; k++) {
    const train = papers.filter((p) => foldOf(p.id, opt.folds) !== k);
    const test = papers.filter((p) => foldOf(p.id, opt.folds) === k);
    const m = fitModel(train, opt);
    for (const p of test) scored.push({ paper: p, best: bestPairings(m, p) });
  }
  return scored;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

interface Point {
  t: number;
  p: number;
  r: number;
  f: number;
  negPapersWithResult: number;
}

/**
 * The threshold of the best out-of-fold value F1. The point of best F1 with precision >=
 * minPrecision is reported beside it: on clef-tune it keeps too little recall to be the default.
 */
export function chooseThreshold(
  scored: ReturnType<typeof crossValidate>,
  minPrecision: number,
): { best: Point; atMinPrecision: Point | null } {
  let best: Point | undefined;
  let atMin: Point | null = null;
  for (let i = 0; i <= 34; i++) {
    const t = 0.05 + i * 0.025;
    const c = countAt(scored, t);
    const s = prf(c);
    const row = {
      t: round(t),
      p: round(s.p),
      r: round(s.r),
      f: round(s.f),
      negPapersWithResult: c.negPapersWithResult,
    };
    log(
      `  t=${row.t} P ${row.p} R ${row.r} F1 ${row.f} papers-without-gold-with-a-result ${row.negPapersWithResult}`,
    );
    if (!best || s.f > best.f) best = row;
    if (s.p >= minPrecision && (!atMin || s.f > atMin.f)) atMin = row;
  }
  if (!best) throw new Error('no threshold');
  return { best, atMinPrecision: atMin };
}

export function toModelFile(m: ResultModel, training: unknown): ResultModelFile {
  const entries = [...m.weights]
    .map(([f, w]) => [f, Math.round(w * 1000) / 1000] as const)
    .filter(([, w]) => Math.abs(w) >= 0.005)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    format: 'papergraph-results-logreg',
    version: 1,
    threshold: m.threshold,
    features: entries.map(([f]) => f),
    weights: entries.map(([, w]) => w),
    training,
  };
}

export function trainResults(
  evalDir: string,
  outFile: string,
  opt = DEFAULT_RESULT_OPTIONS,
): ResultModelFile {
  const gold = path.join(evalDir, 'results', 'clef24-train.jsonl');
  if (!existsSync(gold)) throw new Error(`${gold} not found`);
  const papers = tunePapers(evalDir);
  log(`${papers.length} clef-tune papers; extracting candidates`);
  const cache = process.env.RESULTS_TRAIN_CACHE;
  const examples =
    cache && existsSync(cache)
      ? (JSON.parse(readFileSync(cache, 'utf8')) as PaperExamples[])
      : labelledExamples(evalDir, papers);
  if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(examples));
  const nCands = examples.reduce((n, p) => n + p.cands.length, 0);
  const nPos = examples.reduce((n, p) => n + p.cands.filter((c) => c.match.length).length, 0);
  const reachable = examples.reduce((n, p) => n + p.reachable, 0);
  const covered = examples.reduce((n, p) => n + new Set(p.cands.flatMap((c) => c.match)).size, 0);
  log(
    `${nCands} candidate pairings, ${nPos} positive; ${covered} of ${reachable} reachable gold tuples have one`,
  );
  const scored = crossValidate(examples, opt);
  const chosen = chooseThreshold(scored, opt.minPrecision);
  const best = chosen.best;
  log(`threshold ${best.t}: ${opts(best)}`);
  if (chosen.atMinPrecision) log(`(at P >= ${opt.minPrecision}: ${opts(chosen.atMinPrecision)})`);
  const m = fitModel(examples, opt);
  m.threshold = best.t;
  const file = toModelFile(m, {
    data: 'clef24-train.jsonl (jd-coderepos/sota@c50d917, CC BY-SA 4.0), lines with index mod 10 != 0',
    papers: examples.length,
    candidatePairings: nCands,
    positivePairings: nPos,
    reachableGoldTuples: reachable,
    goldTuplesWithACandidate: covered,
    options: opt,
    crossValidation: chosen,
  });
  writeFileSync(outFile, JSON.stringify(file) + '\n');
  log(`wrote ${outFile}: ${file.features.length} features, threshold ${file.threshold}`);
  loadResultModel(file);
  return file;
}

function opts(b: { p: number; r: number; f: number; negPapersWithResult: number }): string {
  return `5-fold P ${b.p} R ${b.r} F1 ${b.f}, ${b.negPapersWithResult} papers without gold get a result`;
}

if (require.main === module) {
  const evalDir = path.resolve(process.argv[2] ?? '../shared/eval');
  const outFile = path.resolve(process.argv[3] ?? 'data/models/results.v1.json');
  try {
    const env = process.env.RESULTS_TRAIN_OPTIONS;
    trainResults(evalDir, outFile, {
      ...DEFAULT_RESULT_OPTIONS,
      ...(env ? (JSON.parse(env) as object) : {}),
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
