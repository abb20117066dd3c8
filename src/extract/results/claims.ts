// The pairing rules: numbers of a sentence that may be scores, grouped into lists ("78.9% and 76.3%"),
// each list tied to a metric, each number to a dataset (and a method and task where the sentence
// names them). Their choices are candidates (candidates.ts) the claim scorer (scorer.ts) weighs
// against the other pairings of a number.
import type { MetricEntry, MetricMention } from './metric-lexicon';
import { findMetrics } from './metric-lexicon';
import type { ValueMention } from './numbers';
import { findValues } from './numbers';
import type { ResultRule } from './result.rules';
import {
  CLAUSE_BREAK,
  DATASET_RULES,
  METRIC_RULES,
  METRIC_VALUE_LINK,
  VALUE_METRIC_LINK,
} from './result.rules';
import type { ResultEntity, ResultSentence } from './result.types';
import type { EntitySpan } from './spans';
import { entitySpans } from './spans';

const MAX_METRIC_GAP = 60;
/** The furthest (characters) a dataset named after a list is looked for before one named before it wins. */
const MAX_DATASET_GAP = 40;
/** A parenthesis opened right after a dataset name, holding the list and its metric. */
const PAREN_AFTER_DATASET =
  /^\s*(?:(?:dataset|benchmark|corpus|test\s+set|val(?:idation)?\s+set|set)\s*)?\((?:[^()]{0,25})$/i;
const GROUP_GAP = /^(?:\s*(?:,|\/|and|or|vs\.?|versus)\s*)+$/i;

export interface SentenceView {
  sentence: ResultSentence;
  values: ValueMention[];
  metrics: MetricMention[];
  datasets: EntitySpan[];
  methods: EntitySpan[];
  tasks: EntitySpan[];
}

export interface PaperView {
  sentences: SentenceView[];
  entities: readonly ResultEntity[];
  /** Distinct metrics named anywhere in the paper. */
  paperMetrics: MetricEntry[];
}

function shift<T extends { start: number; end: number }>(items: T[], by: number): T[] {
  return items.map((i) => ({ ...i, start: i.start + by, end: i.end + by }));
}

export function viewPaper(
  sentences: readonly ResultSentence[],
  entities: readonly ResultEntity[],
): PaperView {
  const views = sentences.map((sentence) => {
    const spans = entitySpans(sentence, entities);
    return {
      sentence,
      values: shift(findValues(sentence.text), sentence.start),
      metrics: shift(findMetrics(sentence.text), sentence.start),
      datasets: spans.filter((s) => s.entity.type === 'dataset'),
      methods: spans.filter((s) => s.entity.type === 'method'),
      tasks: spans.filter((s) => s.entity.type === 'task'),
    };
  });
  const seen = new Map<string, MetricEntry>();
  for (const v of views) for (const m of v.metrics) seen.set(m.entry.key, m.entry);
  return { sentences: views, entities, paperMetrics: [...seen.values()] };
}

export function gapText(s: ResultSentence, from: number, to: number): string {
  return s.fieldText.slice(from, to);
}

/** Lists of candidate numbers next to each other ("78.9% and 76.3%"). */
export function valueGroups(view: SentenceView): ValueMention[][] {
  const groups: ValueMention[][] = [];
  let cur: ValueMention[] = [];
  let prev: ValueMention | undefined;
  for (const v of view.values) {
    if (v.not || (v.unit === '%' && v.value > 100)) {
      if (v.not !== 'previous') {
        if (cur.length) groups.push(cur);
        cur = [];
      }
      prev = v;
      continue;
    }
    if (cur.length && prev && !GROUP_GAP.test(gapText(view.sentence, prev.end, v.start))) {
      groups.push(cur);
      cur = [];
    }
    cur.push(v);
    prev = v;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/** Text between two offsets with dataset names and other numbers read as plain linking words. */
export function linkText(view: SentenceView, from: number, to: number): string {
  let text = gapText(view.sentence, from, to);
  const blanks = [...view.datasets, ...view.values].filter((x) => x.start >= from && x.end <= to);
  for (const b of blanks.sort((a, c) => c.start - a.start))
    text = text.slice(0, b.start - from) + ' on ' + text.slice(b.end - from);
  return text;
}

export function metricFor(
  view: SentenceView,
  group: ValueMention[],
): { entry: MetricEntry; mention: MetricMention; rule: ResultRule; generic: boolean } | undefined {
  const found = metricMention(view, group);
  if (!found) return undefined;
  const surface = view.sentence.fieldText.slice(found.mention.start, found.mention.end);
  return {
    entry: found.mention.entry,
    mention: found.mention,
    rule: found.rule,
    generic: /^scores?$/i.test(surface.trim()),
  };
}

function metricMention(
  view: SentenceView,
  group: ValueMention[],
): { mention: MetricMention; rule: ResultRule } | undefined {
  const first = group[0];
  const last = group[group.length - 1];
  const after = view.metrics.find((m) => m.start >= last.end);
  if (
    after &&
    after.start - last.end <= 25 &&
    VALUE_METRIC_LINK.test(gapText(view.sentence, last.end, after.start))
  )
    return { mention: after, rule: METRIC_RULES.valueThenMetric };
  const before = [...view.metrics].reverse().find((m) => m.end <= first.start);
  if (
    before &&
    first.start - before.end <= MAX_METRIC_GAP &&
    METRIC_VALUE_LINK.test(linkText(view, before.end, first.start))
  )
    return { mention: before, rule: METRIC_RULES.metricThenValue };
  const distinct = new Map(view.metrics.map((m) => [m.entry.key, m]));
  if (distinct.size === 1 && [...distinct.values()][0].entry.kind === 'score')
    return { mention: [...distinct.values()][0], rule: METRIC_RULES.sentenceMetric };
  return undefined;
}

export function datasetFor(
  view: SentenceView,
  group: ValueMention[],
  index: number,
  paper: PaperView,
  sentenceIndex: number,
): { entity: ResultEntity; span?: EntitySpan; rule: ResultRule } | undefined {
  const v = group[index];
  const s = view.sentence;
  const last = group[group.length - 1];
  if (group.length > 1 && /\brespectively\b/i.test(s.text)) {
    const following = view.datasets.filter((d) => d.start >= last.end);
    const pool = following.length === group.length ? following : view.datasets;
    const distinct = pool.filter((d, i) => pool.findIndex((x) => x.entity === d.entity) === i);
    if (distinct.length === group.length)
      return { entity: distinct[index].entity, span: distinct[index], rule: DATASET_RULES.respectively };
  }
  // "ActivityNet (54.3 mAP) and ..." / "the X dataset (mIoU of 53.1%)": the name right before the parentheses.
  const prevOpen = [...view.datasets].reverse().find((d) => d.end <= group[0].start);
  if (prevOpen && PAREN_AFTER_DATASET.test(linkText(view, prevOpen.end, group[0].start)))
    return { entity: prevOpen.entity, span: prevOpen, rule: DATASET_RULES.before };
  const next = view.datasets.find((d) => d.start >= last.end);
  if (next && next.start - last.end > MAX_DATASET_GAP) {
    // too far after the list: read it as the dataset only when nothing nearer comes before
  } else if (next) {
    const gap = gapText(s, last.end, next.start);
    // Another figure between the list and the dataset (a score, a change, a size) begins a claim of its own.
    // A change in parentheses right after the number ("72.1% (+0.4%) on X") qualifies it.
    const crossesValue = view.values.some(
      (x) =>
        x.not !== 'name' &&
        x.not !== 'quantity' &&
        x.start >= last.end &&
        x.end <= next.start &&
        !/^\s*\(\s*$/.test(gapText(s, last.end, x.start)),
    );
    // "at 83.0% mIoU and reaches ... on Y": a conjunction before the next name starts another claim
    // when a dataset was named before the list.
    const conj = /\band\b/i.test(gap) && view.datasets.some((d) => d.end <= group[0].start);
    if (!CLAUSE_BREAK.test(gap) && !crossesValue && !conj)
      return { entity: next.entity, span: next, rule: DATASET_RULES.after };
  }
  const prev = [...view.datasets].reverse().find((d) => d.end <= v.start);
  if (prev && !CLAUSE_BREAK.test(gapText(s, prev.end, v.start)))
    return { entity: prev.entity, span: prev, rule: DATASET_RULES.before };
  if (next && !CLAUSE_BREAK.test(gapText(s, last.end, next.start)))
    return { entity: next.entity, span: next, rule: DATASET_RULES.after };
  for (let i = sentenceIndex - 1; i >= 0; i--) {
    const ds = paper.sentences[i].datasets;
    if (ds.length) return { entity: ds[ds.length - 1].entity, rule: DATASET_RULES.context };
  }
  const all = paper.entities.filter((e) => e.type === 'dataset');
  if (all.length === 1) return { entity: all[0], rule: DATASET_RULES.context };
  return undefined;
}

/**
 * The dataset as the sentence qualifies it: a year, version, language pair or resolution written
 * right after the name ("WMT 2014 English-German", "VQA v2", "ImageNet 64x64") makes the more
 * specific benchmark the score is on.
 */
const DATASET_QUALIFIER =
  /^(?:[\s,]*(?:'\d{2}\b|(?:19|20)\d{2}\b|v\d+(?:\.\d+)?\b|\d+\s?[x\u00d7]\s?\d+\b|\p{Lu}\p{Ll}+\s?(?:-|\u2013|\u2192|to|-to-)\s?\p{Lu}\p{Ll}+\b|\p{Lu}[\p{Ll}\p{Lu}](?:-|\u2192)\p{Lu}[\p{Ll}\p{Lu}]\b))+/u;

export function datasetName(view: SentenceView, span: EntitySpan | undefined, entity: ResultEntity): string {
  if (!span) return entity.name;
  const rest = view.sentence.fieldText.slice(span.end, view.sentence.end);
  const q = DATASET_QUALIFIER.exec(rest);
  if (!q) return entity.name;
  return `${entity.name} ${q[0].replace(/^[\s,]+/, '').replace(/\s+/g, ' ')}`;
}

export function methodFor(view: SentenceView, v: ValueMention, paper: PaperView): string | null {
  const before = [...view.methods].reverse().find((m) => m.end <= v.start);
  if (before) return before.entity.name;
  const introduced = paper.entities.filter((e) => e.type === 'method' && e.role === 'introduced');
  if (introduced.length === 1 && /\b(?:we|our|ours|proposed|this)\b/i.test(view.sentence.text))
    return introduced[0].name;
  return null;
}

export function taskFor(view: SentenceView): string | null {
  return view.tasks[0]?.entity.name ?? null;
}
