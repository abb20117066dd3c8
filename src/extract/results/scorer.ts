// The claim scorer: logistic regression over the features of each candidate pairing of a number
// (candidates.ts, features.ts). A number becomes a claim with its best pairing when that pairing's
// probability reaches the model's threshold. Weights are a versioned data file
// (data/models/results.v1.json, trained by scripts/train/results.train.ts); scoring is pure.
import type { DatasetOption, MetricOption, ValueSlot } from './candidates';
import { valueSlots } from './candidates';
import type { PaperView } from './claims';
import { datasetName, methodFor, taskFor } from './claims';
import { datasetFeatures, metricFeatures, pairFeatures, slotFeatures } from './features';
import type { ExtractedResult } from './result.types';
import modelData from '../../../data/models/results.v1.json';
import { swappableModel } from '../swappable-model';

export interface ResultModelFile {
  format: 'papergraph-results-logreg';
  version: number;
  /** Minimum probability of a number's best pairing for a claim. */
  threshold: number;
  features: string[];
  weights: number[];
  training?: unknown;
}

export interface ResultModel {
  threshold: number;
  weights: Map<string, number>;
}

export const RESULT_MODEL_FILE = modelData as unknown as ResultModelFile;

export function loadResultModel(file: ResultModelFile): ResultModel {
  if (file.format !== 'papergraph-results-logreg')
    throw new Error(`results model: unknown format ${String(file.format)}`);
  if (file.features.length !== file.weights.length)
    throw new Error('results model: features and weights differ in length');
  const weights = new Map<string, number>();
  file.features.forEach((f, i) => weights.set(f, file.weights[i]));
  return { threshold: file.threshold, weights };
}

const resultModel = swappableModel(() => loadResultModel(RESULT_MODEL_FILE));
const model = (): ResultModel => resultModel.current();

/** Runs `fn` with another claim model (training and cross-validation); restores the shipped one. */
export function withResultModel<T>(m: ResultModel, fn: () => T): T {
  return resultModel.use(m, fn);
}

/** One pairing of a number as the trainer sees it: the claim it would make and its features. */
export interface CandidateClaim {
  slot: number;
  dataset: string;
  metric: string;
  value: number;
  unit: string | null;
  features: string[];
}

let capture: CandidateClaim[][] | undefined;

/** Runs `fn` and returns, per paper scored inside it, every candidate pairing (training). */
export function captureResultCandidates<T>(fn: () => T): { result: T; papers: CandidateClaim[][] } {
  const prev = capture;
  const mine: CandidateClaim[][] = [];
  capture = mine;
  try {
    return { result: fn(), papers: mine };
  } finally {
    capture = prev;
  }
}

function score(m: ResultModel, features: string[]): number {
  let z = 0;
  for (const f of features) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

interface Pairing {
  metric: MetricOption;
  dataset: DatasetOption;
  label: string;
  p: number;
}

/** The result claims of one paper: each number's best pairing, when it is likely enough. */
export function scoreClaims(paper: PaperView): ExtractedResult[] {
  const m = model();
  const slots = valueSlots(paper);
  const out = new Map<string, ExtractedResult>();
  const captured: CandidateClaim[] = [];
  const introduces = paper.entities.some((e) => e.type === 'method' && e.role === 'introduced');
  slots.forEach((slot: ValueSlot, slotIndex) => {
    const base = slotFeatures(slot, paper.sentences.length, introduces);
    const labels = slot.datasets.map((d) => datasetName(slot.view, d.span, d.entity));
    const dFeats = slot.datasets.map((d, i) => datasetFeatures(slot, d, labels[i]));
    let best: Pairing | undefined;
    for (const metric of slot.metrics) {
      const mFeats = metricFeatures(slot, metric);
      slot.datasets.forEach((dataset, i) => {
        // A model size is a result only on a dataset the sentence itself names.
        if (metric.entry.kind === 'efficiency' && !dataset.span) return;
        const features = [...base, ...mFeats, ...dFeats[i], ...pairFeatures(metric, dataset)];
        if (capture)
          captured.push({
            slot: slotIndex,
            dataset: labels[i],
            metric: metric.entry.name,
            value: slot.value.value,
            unit: slot.value.unit,
            features,
          });
        const p = score(m, features);
        if (!best || p > best.p) best = { metric, dataset, label: labels[i], p };
      });
    }
    if (!best || best.p < m.threshold) return;
    const v = slot.value;
    const view = slot.view;
    const key = `${best.label}\u0000${best.metric.entry.key}\u0000${v.value}\u0000${v.unit ?? ''}`;
    const evidence = { field: view.sentence.field, sentence: view.sentence.text, start: v.start, end: v.end };
    const cur = out.get(key);
    if (cur) {
      cur.evidence.push(evidence);
      cur.confidence = Math.max(cur.confidence, Math.round(best.p * 100) / 100);
      return;
    }
    out.set(key, {
      method: methodFor(view, v, paper),
      dataset: best.label,
      task: taskFor(view),
      metric: best.metric.entry.name,
      value: v.value,
      unit: v.unit,
      confidence: Math.round(best.p * 100) / 100,
      rule: `${best.metric.rule.id}+${best.dataset.rule.id}`,
      evidence: [evidence],
    });
  });
  if (capture) capture.push(captured);
  return [...out.values()];
}
