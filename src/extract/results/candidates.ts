// Candidate claims: every number of a sentence that may be a score (numbers.ts marks the others),
// paired with each metric and dataset it could belong to - the rules' choice (claims.ts), the nearest
// metric on either side, the paper's only metric, each dataset named in the sentence, and the
// dataset of the context. The scorer (scorer.ts) picks one pairing per number, or none; its
// features (features.ts) say which rule, if any, proposed the pairing.
import type { ResultRule } from './result.rules';
import { DATASET_RULES, METRIC_RULES, PAIRING_RULES, RESULT_EFFICIENCY } from './result.rules';
import type { PaperView, SentenceView } from './claims';
import { datasetFor, metricFor, valueGroups } from './claims';
import type { MetricEntry, MetricMention } from './metric-lexicon';
import type { ValueMention } from './numbers';
import type { ResultEntity } from './result.types';
import type { EntitySpan } from './spans';

export interface MetricOption {
  entry: MetricEntry;
  mention?: MetricMention;
  /** How the option was found: a rule of METRIC_RULES or PAIRING_RULES. */
  rule: ResultRule;
  /** The rules' own choice for this number. */
  chosen: boolean;
  /** The bare word "score" (names no leaderboard metric). */
  generic: boolean;
}

export interface DatasetOption {
  entity: ResultEntity;
  span?: EntitySpan;
  rule: ResultRule;
  chosen: boolean;
}

export interface ValueSlot {
  sentenceIndex: number;
  view: SentenceView;
  value: ValueMention;
  /** The list the number belongs to ("78.9% and 76.3%"), itself alone when it is marked no score. */
  group: ValueMention[];
  index: number;
  metrics: MetricOption[];
  datasets: DatasetOption[];
}

function isGeneric(view: SentenceView, m: MetricMention): boolean {
  return /^scores?$/i.test(view.sentence.fieldText.slice(m.start, m.end).trim());
}

const MAX_METRIC_OPTIONS = 4;

function metricOptions(
  view: SentenceView,
  group: ValueMention[],
  v: ValueMention,
  paper: PaperView,
  sentenceIndex: number,
): MetricOption[] {
  const out: MetricOption[] = [];
  const rule = metricFor(view, group);
  if (rule)
    out.push({
      entry: rule.entry,
      mention: rule.mention,
      rule: rule.rule,
      chosen: true,
      generic: rule.generic,
    });
  const has = (m: MetricMention): boolean => out.some((o) => o.mention === m);
  let before: MetricMention | undefined;
  let after: MetricMention | undefined;
  for (const m of view.metrics) {
    if (m.end <= v.start) before = m;
    else if (m.start >= v.end && !after) after = m;
  }
  if (before && !has(before))
    out.push({
      entry: before.entry,
      mention: before,
      rule: PAIRING_RULES.metricBefore,
      chosen: false,
      generic: isGeneric(view, before),
    });
  if (after && !has(after))
    out.push({
      entry: after.entry,
      mention: after,
      rule: PAIRING_RULES.metricAfter,
      chosen: false,
      generic: isGeneric(view, after),
    });
  // The other metrics of the sentence, each once.
  for (const m of view.metrics) {
    if (out.length >= MAX_METRIC_OPTIONS) break;
    if (out.some((o) => o.entry.key === m.entry.key)) continue;
    out.push({
      entry: m.entry,
      mention: m,
      rule: PAIRING_RULES.metricInSentence,
      chosen: false,
      generic: isGeneric(view, m),
    });
  }
  if (!view.metrics.length) {
    // The sentence names no metric: the last one an earlier sentence named, else the paper's only one.
    for (let i = sentenceIndex - 1; i >= 0; i--) {
      const ms = paper.sentences[i].metrics.filter((m) => !isGeneric(paper.sentences[i], m));
      if (!ms.length) continue;
      out.push({
        entry: ms[ms.length - 1].entry,
        rule: PAIRING_RULES.metricContext,
        chosen: false,
        generic: false,
      });
      break;
    }
    if (paper.paperMetrics.length === 1 && !out.some((o) => o.entry.key === paper.paperMetrics[0].key))
      out.push({
        entry: paper.paperMetrics[0],
        rule: PAIRING_RULES.metricPaper,
        chosen: false,
        generic: false,
      });
  }
  return out;
}

function datasetOptions(
  view: SentenceView,
  group: ValueMention[],
  index: number,
  paper: PaperView,
  sentenceIndex: number,
): DatasetOption[] {
  const out: DatasetOption[] = [];
  const rule = datasetFor(view, group, index, paper, sentenceIndex);
  if (rule) out.push({ entity: rule.entity, span: rule.span, rule: rule.rule, chosen: true });
  const v = group[index];
  // Each other dataset of the sentence once, at its mention nearest to the number.
  const nearest = new Map<ResultEntity, EntitySpan>();
  for (const d of view.datasets) {
    const cur = nearest.get(d.entity);
    const dist = (s: EntitySpan): number => (s.end <= v.start ? v.start - s.end : s.start - v.end);
    if (!cur || dist(d) < dist(cur)) nearest.set(d.entity, d);
  }
  for (const [entity, span] of nearest) {
    if (out.some((o) => o.entity === entity)) continue;
    out.push({ entity, span, rule: PAIRING_RULES.datasetInSentence, chosen: false });
  }
  if (!view.datasets.length) {
    const named = nameShapedDataset(view, v);
    if (named) out.push(named);
  }
  if (!view.datasets.length && !out.length) {
    for (let i = sentenceIndex + 1; i < paper.sentences.length && i <= sentenceIndex + 1; i++) {
      const ds = paper.sentences[i].datasets;
      if (ds.length) out.push({ entity: ds[0].entity, rule: PAIRING_RULES.datasetNext, chosen: false });
    }
  }
  return out;
}

/**
 * A capitalised name after "on / in / for / of (the)" in a sentence where no dataset entity stands
 * ("... on the Quarry benchmark (71.2% accuracy)"): a dataset the mention layer did not find. The
 * nearest one before the number, else after it; never a metric or a method of the record.
 */
const NAME_AFTER_PREPOSITION =
  /\b(?:on|in|for|of|over)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*|[\p{L}]+[\p{N}]+[\p{L}\p{N}-]*)(?:[\s-]+(?:[\p{Lu}\p{N}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*))*)/gu;

function nameShapedDataset(view: SentenceView, v: ValueMention): DatasetOption | undefined {
  const text = view.sentence.text;
  let best: { start: number; end: number; name: string; dist: number } | undefined;
  NAME_AFTER_PREPOSITION.lastIndex = 0;
  for (let m = NAME_AFTER_PREPOSITION.exec(text); m; m = NAME_AFTER_PREPOSITION.exec(text)) {
    const name = m[1];
    const start = view.sentence.start + m.index + m[0].length - name.length;
    const end = start + name.length;
    if (name.length < 3 || (start < v.end && end > v.start)) continue;
    const overlaps = (x: { start: number; end: number }): boolean => start < x.end && end > x.start;
    if (view.metrics.some(overlaps) || view.methods.some(overlaps) || view.values.some(overlaps)) continue;
    const dist = end <= v.start ? v.start - end : (start - v.end) * 2;
    if (!best || dist < best.dist) best = { start, end, name, dist };
  }
  if (!best) return undefined;
  const entity: ResultEntity = { type: 'dataset', name: best.name, role: 'used', aliases: [], evidence: [] };
  return {
    entity,
    span: { entity, start: best.start, end: best.end },
    rule: PAIRING_RULES.datasetNameShape,
    chosen: false,
  };
}

/**
 * The decisions that hold whatever the scorer says (docs/EXTRACTION.md "Decisions"): the bare word
 * "score" names no metric; a K/M/B magnitude on a score metric counts something; of the efficiency
 * figures only a model size is a result, never as a percentage (speed and compute describe the
 * setting of a score). That the model size needs a dataset the sentence names is checked per pairing.
 */
function allowed(v: ValueMention, m: MetricOption): boolean {
  if (m.generic) return false;
  if (m.entry.kind !== 'efficiency') return !v.unit || v.unit === '%';
  return v.unit !== '%' && RESULT_EFFICIENCY.includes(m.entry.name);
}

/** The numbers of a paper that may be scores, each with its possible metrics and datasets. */
export function valueSlots(paper: PaperView): ValueSlot[] {
  const slots: ValueSlot[] = [];
  paper.sentences.forEach((view, sentenceIndex) => {
    const groups = valueGroups(view);
    const inGroup = new Map<ValueMention, { group: ValueMention[]; index: number }>();
    for (const g of groups) g.forEach((v, index) => inGroup.set(v, { group: g, index }));
    for (const v of view.values) {
      const at = inGroup.get(v);
      if (!at) continue; // marked no score (numbers.ts), or a percentage above 100
      // The bare one-digit integer is a count or a version ("VQA 2", "top 5") far more often than a score.
      if (v.bare && v.value < 10) continue;
      const metrics = metricOptions(view, at.group, v, paper, sentenceIndex).filter((m) => allowed(v, m));
      if (!metrics.length) continue;
      const datasets = datasetOptions(view, at.group, at.index, paper, sentenceIndex);
      if (!datasets.length) continue;
      slots.push({ sentenceIndex, view, value: v, group: at.group, index: at.index, metrics, datasets });
    }
  });
  return slots;
}

export { DATASET_RULES, METRIC_RULES };
