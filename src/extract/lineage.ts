// Method lineage (BUILDS_ON child -> parent) as a classifier over candidate pairs: every two
// methods in a sentence, the paper's main method against the methods of each abstract sentence,
// and names that contain one another (lineage/candidates.ts). Each pair's features
// (lineage/features.ts) are scored by a logistic-regression model shipped as data
// (data/models/lineage.v1.json, trained by scripts/train/lineage.train.ts); a pair is an edge when
// its best relation-and-direction class beats `none` and the model's threshold. Co-occurrence alone
// is not enough: the training data labels co-mentioned, compared and listed methods as `none`.
import type { ExtractedLineage, LineageRelation } from './extraction.types';
import type { Mention } from './mention.types';
import type { Sentence } from './text-units';
import { makeEvidence } from './evidence';
import { COMPARISON_CUE } from './rules/lineage.rules';
import type { LineageCandidate } from './lineage/candidates';
import { lineageCandidates } from './lineage/candidates';
import { pairFeatures } from './lineage/features';
import { sizeVariants } from './lineage/size-variants';
import type { LineageModel, LineageModelFile } from './lineage/model';
import { decidePair, loadLineageModel } from './lineage/model';
import modelData from '../../data/models/lineage.v1.json';
import { swappableModel } from './swappable-model';

export const LINEAGE_MODEL_FILE = modelData as unknown as LineageModelFile;

const lineageModel = swappableModel(() => loadLineageModel(LINEAGE_MODEL_FILE));
const model = (): LineageModel => lineageModel.current();

/** Runs `fn` with another lineage model (training and cross-validation); restores the shipped one. */
export function withLineageModel<T>(m: LineageModel, fn: () => T): T {
  return lineageModel.use(m, fn);
}

export interface ScoredCandidate {
  candidate: LineageCandidate;
  features: string[];
}

let capture: ScoredCandidate[] | undefined;

/** Runs `fn` and returns the lineage candidates (with features) that findLineage saw (training). */
export function captureLineageCandidates<T>(fn: () => T): { result: T; candidates: ScoredCandidate[] } {
  const prev = capture;
  const mine: ScoredCandidate[] = [];
  capture = mine;
  try {
    return { result: fn(), candidates: mine };
  } finally {
    capture = prev;
  }
}

/**
 * The one veto kept from the rules: a comparison cue between the two names of a sentence pair
 * ("A outperforms B", "A is faster than B") - comparison is never lineage in the contract.
 */
function comparedBetween(c: LineageCandidate): boolean {
  if (c.input.kind !== 'sentence') return false;
  return COMPARISON_CUE.test(c.input.text.slice(c.input.first.end, c.input.second.start));
}

interface Edge {
  child: Mention;
  parent: Mention;
  relation: LineageRelation;
  p: number;
  rule: string;
  evidence: Mention;
}

export function findLineage(
  mentions: Mention[],
  childKey: string | undefined,
  sentences: Sentence[],
  variants: [Mention, Mention][] = [],
): ExtractedLineage[] {
  const m = model();
  const edges: Edge[] = [];
  for (const c of lineageCandidates(mentions, childKey, sentences)) {
    const features = pairFeatures(c.input);
    if (capture) capture.push({ candidate: c, features });
    const cls = decidePair(m, features);
    if (!cls || comparedBetween(c)) continue;
    const child = cls.childFirst ? c.first : c.second;
    const parent = cls.childFirst ? c.second : c.first;
    // Evidence: the parent's mention, or the sentence's real mention when the other side is virtual.
    const parentSide = cls.childFirst ? c.input.second : c.input.first;
    const childSide = cls.childFirst ? c.input.first : c.input.second;
    edges.push({
      child,
      parent,
      relation: cls.relation,
      p: cls.p,
      rule: `lineage-classifier-${c.input.kind}`,
      evidence: parentSide.anchor === 'none' ? parent : childSide.anchor === 'none' ? child : parent,
    });
  }
  // Narrow fallbacks kept from the rules: a name the paper introduces as a variant of another of
  // its names (found by the role step), and hyphenated size / letter variants ("X-S" of "X").
  for (const [v, base] of variants)
    edges.push({
      child: v,
      parent: base,
      relation: 'variant_of',
      p: 0.8,
      rule: 'lineage-introduced-variant',
      evidence: base,
    });
  for (const [v, base] of sizeVariants(mentions))
    edges.push({
      child: v,
      parent: base,
      relation: 'variant_of',
      p: 0.6,
      rule: 'lineage-hyphen-composition',
      evidence: base,
    });
  // One edge per (child, parent): the most probable relation, all its evidence.
  const byPair = new Map<string, { edge: Edge; evidence: Mention[] }>();
  for (const e of edges) {
    if (e.child.key === e.parent.key) continue;
    const k = `${e.child.key}|${e.parent.key}`;
    const cur = byPair.get(k);
    if (!cur) byPair.set(k, { edge: e, evidence: [e.evidence] });
    else {
      // A name that states the variant beats the classifier's relation for the same pair.
      const named = (x: Edge): boolean => !x.rule.startsWith('lineage-classifier');
      if (named(e) !== named(cur.edge) ? named(e) : e.p > cur.edge.p)
        cur.edge = { ...e, p: Math.max(e.p, cur.edge.p) };
      cur.evidence.push(e.evidence);
    }
  }
  // A pair and its reverse: keep the more probable direction.
  for (const [k, v] of [...byPair]) {
    const rev = byPair.get(`${v.edge.parent.key}|${v.edge.child.key}`);
    if (
      rev &&
      (rev.edge.p > v.edge.p || (rev.edge.p === v.edge.p && k > `${v.edge.parent.key}|${v.edge.child.key}`))
    )
      byPair.delete(k);
  }
  const out: ExtractedLineage[] = [];
  for (const { edge, evidence } of byPair.values()) {
    const ev = [];
    const seen = new Set<string>();
    for (const m of evidence) {
      const x = makeEvidence(m);
      const sk = `${x.field}:${x.start}`;
      if (seen.has(sk)) continue;
      seen.add(sk);
      ev.push(x);
      if (ev.length >= 5) break;
    }
    out.push({
      child: edge.child.name,
      parent: edge.parent.name,
      relation: edge.relation,
      confidence: Math.round(edge.p * 100) / 100,
      rule: edge.rule,
      evidence: ev,
    });
  }
  return out;
}
