// Numbers in running text that could be reported scores: their value as written, unit, offsets, and
// why a number is not a score (part of a name, a threshold, a year, a range, a relative change,
// the old value of a change, a baseline's figure).
import { findMetrics } from './metric-lexicon';

export type ValueUnit = '%' | 'K' | 'M' | 'B' | null;

export type NotAScore = 'relative' | 'range' | 'previous' | 'quantity' | 'multiplier' | 'name' | 'baseline';

export interface ValueMention {
  value: number;
  unit: ValueUnit;
  /** Offsets of the number and its unit in the searched text. */
  start: number;
  end: number;
  surface: string;
  /** Integer without a unit or decimals (counts, years, sizes are often written so). */
  bare: boolean;
  /** Why the number is not a score; absent when it may be one. */
  not?: NotAScore;
}

// A number: optional sign, digits with optional thousands separators and decimals, optional unit.
const NUMBER =
  /([+\u00b1]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(%|percent\b|pp\b|points?\b|[KMB](?![\p{L}\p{N}])|x(?![\p{L}\p{N}])|\u00d7))?/gu;

/** Words right after a number that make it a change, not a level. */
const RELATIVE_AFTER =
  /^\s*(?:\)\s*)?(?:p\s+)?(?:\p{L}+\s+(?=(?:improvement|gain|increase|decrease|reduction|drop|boost)s?\b))?(?:relative|absolute|improvements?|gains?|increases?|decreases?|reductions?|drops?|boosts?|speed-?ups?|faster|slower|fewer|less|lower|higher|more|better|worse|smaller|larger|margins?|over|above|below|compared|points?|pp|percentage|(?:on\s+)?average\s+improvement|of\s+(?:the|all|our|its|their|training|labell?ed|data|samples|images|parameters|compute))\b/iu;

/** Words right before a number that make it a change or a threshold. */
const RELATIVE_BEFORE =
  /(?:\bby(?:\s+(?:up\s+to|about|around|roughly|nearly|almost|approximately|over|more\s+than|at\s+least|a|an|an\s+average\s+of|average))?|\bmargins?\s+of|\bgains?\s+of|\bimprovements?\s+of|\bincreases?\s+of|\breductions?\s+of|\bdrops?\s+of|\bboosts?\s+of|\brelative\s*:|[@=<>\u2264\u2265]|\btop|\bthan)\s*$/i;

/** Words after a number that say it counts something, so it is no score. */
const QUANTITY_AFTER =
  /^\s*(?:[-\u2013]?\s*(?:fold|shot|way|bit|layers?|layer|dimensional|d\b|k\b|times|hours?|days?|minutes?|seconds?|epochs?|iterations?|steps?|samples?|images?|videos?|classes|categories|languages?|tasks?|datasets?|benchmarks?|models?|users?|subjects?|participants?|patients?|people|examples?|instances?|labels?|labell?ed|words?|tokens?|sentences?|documents?|pairs?|frames?|GPUs?|TPUs?|nodes?|queries|questions?|hrs?|s\b|GB|MB|TB|parameters?|params|billion|million|thousand|hundred))\b/i;

/** A change written "X to Y" or "X → Y" (after the unit of X, if any): X is the old value. */
const CHANGE_GAP = /^\s*(?:%|[\p{L}/]{1,8}\.?)?\s*(?:to|\u2192|->|=>|\u21d2)\s*$/u;

/** Words that open a range ("accuracies ranging from 60% to 70%", "between 3 and 5"). */
const RANGE_BEFORE = /\b(?:rang(?:e|es|ing)\s+from|between)\s*\(?\s*$/i;

/**
 * A clause that reports someone else's figure: a baseline, a prior result, human performance
 * ("compared to 71.2% for the baseline", "the best previously reported accuracy of 46%").
 */
const BASELINE_BEFORE =
  /\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|versus|vs\.?|previous(?:ly)?|prior|baselines?|human\s+(?:performance|level|accuracy|annotators?|experts?|raters?)|reported)\b[^,;:()]*$/i;

/** Lists of numbers: the gap between two members ("1.6% and 3.5%", "82.1, 80.4"). */
const LIST_GAP = /^(?:\s*(?:,|\/|and|or)\s*)+$/i;

/**
 * The word right before a number, when the number is part of a name written with a space: a
 * token with a capital letter that is not a metric ("VQA 2.0", "Atari 2600", "Llama 3").
 */
const NAME_WORD_BEFORE = /(?:^|[\s([])([\p{L}][\p{L}\p{N}+-]*)\s$/u;

function partOfName(before: string): boolean {
  const m = NAME_WORD_BEFORE.exec(before);
  if (!m || !/\p{Lu}/u.test(m[1])) return false;
  return findMetrics(m[1]).length === 0;
}

function parseNumber(digits: string, decimals: string | undefined): number {
  return Number(digits.replace(/,/g, '') + (decimals ?? ''));
}

/** Numbers of `text` that are not inside a word or name (CIFAR-10, ResNet-50, F1, 2D). */
export function findValues(text: string): ValueMention[] {
  const out: ValueMention[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    const before = text.slice(Math.max(0, start - 2), start);
    // Part of a word or name: a letter, digit, dot or name hyphen right before.
    const rangeEnd = /\d\s?%?[-\u2013]$/u.test(before);
    if (!rangeEnd && (/[\p{L}\p{N}_.]$/u.test(before) || /[\p{L}\p{N}][-/'\u2019]$/u.test(before))) continue;
    const after = text.slice(start + m[0].length);
    if (/^[\p{L}\p{N}_]/u.test(after) && !m[4]) continue; // "3D", "2nd", "10x"
    if (/^\.\d/.test(after)) continue; // version numbers "1.2.3"
    const rawUnit = m[4];
    let unit: ValueUnit = null;
    let not: NotAScore | undefined;
    if (rawUnit === '%' || rawUnit === 'percent') unit = '%';
    else if (rawUnit === 'K' || rawUnit === 'M' || rawUnit === 'B') unit = rawUnit;
    else if (rawUnit === 'x' || rawUnit === '\u00d7') not = 'multiplier';
    else if (rawUnit) not = 'relative'; // points, pp
    if (m[1]) not = 'relative'; // "+2.44%", "±0.3"
    const value = parseNumber(m[2], m[3]);
    const ctxBefore = text.slice(Math.max(0, start - 40), start);
    if (!not && RELATIVE_BEFORE.test(ctxBefore)) not = 'relative';
    if (!not && RELATIVE_AFTER.test(after)) not = 'relative';
    // A range "8-60%" or "8 to 60%": both ends are no score.
    if (!not && (rangeEnd || /^\s*[-\u2013\u2014~]\s*\d/.test(after))) not = 'range';
    if (!not && /\d\s*%?\s*[-\u2013\u2014~]\s*$/.test(ctxBefore)) not = 'range';
    if (!not && RANGE_BEFORE.test(ctxBefore)) not = 'range';
    if (!not && /\bfrom\s*$/i.test(ctxBefore) && /^\s*%?\s*to\s+[+\u00b1]?\d/.test(after)) not = 'previous';
    if (!not && !unit && QUANTITY_AFTER.test(after)) not = 'quantity';
    if (!not && RANGE_BEFORE.test(ctxBefore)) not = 'range';
    const bare = !m[3] && !unit;
    if (bare && value >= 1900 && value <= 2100) not = not ?? 'quantity'; // years
    if (!not && !unit && !m[1] && partOfName(text.slice(Math.max(0, start - 40), start))) not = 'name';
    if (!not && BASELINE_BEFORE.test(ctxBefore)) not = 'baseline';
    out.push({ value, unit, start, end: start + m[0].length, surface: m[0], bare, not });
  }
  return linkNumbers(text, out);
}

/**
 * What a number's neighbour says of it: in "X to Y" / "X → Y" X is the old value (and Y a range end
 * when X is a change or a range: "by 1.5 to 3.0 percent"); a list member after a relative change or
 * a range end is one too ("by 1.6% and 3.5%").
 */
function linkNumbers(text: string, out: ValueMention[]): ValueMention[] {
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1];
    const b = out[i];
    const gap = text.slice(a.end, b.start);
    if (CHANGE_GAP.test(gap)) {
      if (a.not === 'relative' || a.not === 'range') b.not = b.not ?? a.not;
      else if (!a.not || a.not === 'baseline') a.not = 'previous';
    } else if (
      LIST_GAP.test(gap) &&
      (a.not === 'relative' || a.not === 'baseline' || a.not === 'name') &&
      !b.not
    ) {
      b.not = a.not;
    } else if (LIST_GAP.test(gap) && a.not === 'range' && !b.not && /\band\s*$/i.test(gap)) {
      if (RANGE_BEFORE.test(text.slice(Math.max(0, a.start - 40), a.start))) b.not = 'range';
    }
  }
  // Backwards: "1.6% and 1.2% absolute improvement" - the change word after the last member.
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i];
    const b = out[i + 1];
    if (!a.not && b.not === 'relative' && LIST_GAP.test(text.slice(a.end, b.start))) {
      if (RELATIVE_AFTER.test(text.slice(b.end))) a.not = 'relative';
    }
  }
  return out;
}
