// Features of one candidate claim (a number, a metric, a dataset) for the claim scorer: the number's
// unit, shape and marks (numbers.ts), which rule proposed the metric and the dataset, where they
// stand and the few words between them and the number. Words are lower-case general vocabulary:
// names, numbers, metric and dataset mentions are masked (<cap>, <n>, <m>, <d>), so the learned
// weights hold no name of any paper. Bags of the words around the number were tried and left out:
// on 5-fold cross-validation inside clef-tune they overfit (value F1 0.41 -> 0.42 without them).
import type { DatasetOption, MetricOption, ValueSlot } from './candidates';
import type { SentenceView } from './claims';
import { CLAUSE_BREAK } from './result.rules';

interface Token {
  start: number;
  end: number;
  norm: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[(),;:]/gu;
const tokenCache = new WeakMap<SentenceView, Token[]>();

function maskOf(view: SentenceView, start: number, end: number): string | undefined {
  for (const d of view.datasets) if (start < d.end && end > d.start) return '<d>';
  for (const m of view.metrics) if (start < m.end && end > m.start) return '<m>';
  for (const v of view.values) if (start < v.end && end > v.start) return '<n>';
  for (const m of view.methods) if (start < m.end && end > m.start) return '<meth>';
  return undefined;
}

/** The sentence's tokens (offsets in the field), masked; consecutive tokens of one mask merge. */
function tokens(view: SentenceView): Token[] {
  const hit = tokenCache.get(view);
  if (hit) return hit;
  const out: Token[] = [];
  const text = view.sentence.text;
  const base = view.sentence.start;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = base + m.index;
    const end = start + m[0].length;
    let norm = maskOf(view, start, end);
    if (!norm) {
      const w = m[0];
      if (/\p{N}/u.test(w)) norm = '<n>';
      else if (/\p{Lu}/u.test(w.slice(1)) || (/^\p{Lu}/u.test(w) && out.length > 0)) norm = '<cap>';
      else norm = w.toLowerCase();
    }
    const last = out[out.length - 1];
    if (last && norm.startsWith('<') && last.norm === norm && norm !== '<n>') {
      last.end = end;
      continue;
    }
    out.push({ start, end, norm });
  }
  tokenCache.set(view, out);
  return out;
}

function gapBucket(chars: number): string {
  if (chars <= 2) return '0';
  if (chars <= 8) return '1';
  if (chars <= 20) return '2';
  if (chars <= 40) return '3';
  if (chars <= 80) return '4';
  return '5';
}

/** The masked words strictly between two offsets, when there are at most `max` of them. */
function between(toks: Token[], from: number, to: number, max: number): string {
  const words: string[] = [];
  for (const t of toks) {
    if (t.start >= from && t.end <= to) {
      words.push(t.norm);
      if (words.length > max) return `>${max}`;
    }
  }
  return words.join('_') || '-';
}

/** Features of the number alone (shared by all its pairings). */
export function slotFeatures(slot: ValueSlot, sentenceCount: number, introduces: boolean): string[] {
  const v = slot.value;
  const view = slot.view;
  const f: string[] = ['bias'];
  f.push(`u=${v.unit ?? '-'}`, `not=${v.not ?? '-'}`);
  const dec = /\.(\d+)/.exec(v.surface)?.[1].length ?? 0;
  f.push(`dec=${Math.min(dec, 3)}`, `bare=${v.bare}`);
  const mag = v.value < 1 ? 'lt1' : v.value < 10 ? 'lt10' : v.value < 100 ? 'lt100' : 'ge100';
  f.push(`mag=${mag}`, `mag_u=${mag}_${v.unit ?? '-'}_${dec > 0}`);
  f.push(`field=${view.sentence.field}`);
  const si = slot.sentenceIndex;
  f.push(`sent=${Math.min(si, 4)}`, `last=${si === sentenceCount - 1}`);
  f.push(`grp=${Math.min(slot.group.length, 3)}`);
  if (slot.group.length > 1)
    f.push(`gi=${slot.index === 0 ? 'first' : slot.index === slot.group.length - 1 ? 'last' : 'mid'}`);
  const text = view.sentence.text;
  if (/\b(?:we|our|ours)\b/i.test(text)) f.push('we');
  if (/\brespectively\b/i.test(text)) f.push('resp');
  f.push(`nv=${Math.min(view.values.length, 5)}`, `nd=${Math.min(view.datasets.length, 3)}`);
  f.push(`nm=${Math.min(view.metrics.length, 3)}`);
  if (introduces) f.push('intro');
  return f;
}

function sideOf(vStart: number, vEnd: number, start: number, end: number): 'b' | 'a' {
  return end <= vStart ? 'b' : start >= vEnd ? 'a' : 'b';
}

export function metricFeatures(slot: ValueSlot, m: MetricOption): string[] {
  const v = slot.value;
  const f = [`m.rule=${m.rule.id}`, `m.key=${m.entry.key}`, `m.kind=${m.entry.kind}`];
  f.push(`m.kind_u=${m.entry.kind}_${v.unit ?? '-'}`, `m.key_u=${m.entry.key}_${v.unit ?? '-'}`);
  if (m.chosen) f.push('m.chosen');
  if (m.generic) f.push('m.generic');
  if (m.mention) {
    const mm = m.mention;
    const side = sideOf(v.start, v.end, mm.start, mm.end);
    const gap = side === 'b' ? v.start - mm.end : mm.start - v.end;
    f.push(`m.side=${side}`, `m.gap=${side}${gapBucket(gap)}`);
    const from = side === 'b' ? mm.end : v.end;
    const to = side === 'b' ? v.start : mm.start;
    f.push(`m.btw=${side}_${between(tokens(slot.view), from, to, 3)}`);
    const crosses = slot.view.values.some((x) => x !== v && x.start >= from && x.end <= to);
    if (crosses) f.push('m.crossesValue');
  } else f.push('m.side=none');
  return f;
}

export function datasetFeatures(slot: ValueSlot, d: DatasetOption, label: string): string[] {
  const v = slot.value;
  const f = [`d.rule=${d.rule.id}`, `d.role=${d.entity.role}`];
  if (d.chosen) f.push('d.chosen');
  if (label !== d.entity.name) f.push('d.qualified');
  if (d.span) {
    const s = d.span;
    const side = sideOf(v.start, v.end, s.start, s.end);
    const gap = side === 'b' ? v.start - s.end : s.start - v.end;
    f.push(`d.gap=${side}${gapBucket(gap)}`);
    const from = side === 'b' ? s.end : v.end;
    const to = side === 'b' ? v.start : s.start;
    f.push(`d.btw=${side}_${between(tokens(slot.view), from, to, 2)}`);
    const text = slot.view.sentence.fieldText.slice(from, to);
    if (CLAUSE_BREAK.test(text)) f.push('d.clause');
    if (/\band\b/i.test(text)) f.push(`d.and=${side}`);
    const crosses = slot.view.values.some((x) => x !== v && x.start >= from && x.end <= to);
    if (crosses) f.push(`d.crossesValue=${side}`);
  } else f.push('d.side=none');
  return f;
}

/** Conjunctions of the two pairings' rules. */
export function pairFeatures(m: MetricOption, d: DatasetOption): string[] {
  return [`md=${m.rule.id}_${d.rule.id}`, `mdc=${m.chosen}_${d.chosen}`];
}
