// Candidate pairs for the lineage classifier, from a paper's method mentions: every two methods in
// one sentence; the paper's main method against each method of an abstract sentence that does not
// name it (anchored at "we" / "our ..." when the sentence has one); and two names of which one
// contains the other ("RaftMLP-S" / "RaftMLP") that never meet in a sentence.
import type { Mention } from '../mention.types';
import type { Sentence } from '../text-units';
import type { PairInput, PairSide } from './features';
import { foldName } from './features';

/**
 * Title-method candidates in sentences with no "we / our / this model" phrase: off (measured on the
 * dev page, 5-fold: they raised recall as much as they cost precision, mostly background sentences).
 */
const VIRTUAL_ANCHORS = false;

export interface LineageCandidate {
  input: PairInput;
  /** The mention behind each side; for a virtual / anchor side, the main method's first mention. */
  first: Mention;
  second: Mention;
}

const ANCHOR =
  /\b(?:we|our|ours|this (?:paper|work|study|model|method|approach|framework|architecture|design|network)|the proposed|the resulting|the new)\b/gi;

function side(m: Mention, mainKey: string | undefined): PairSide {
  return {
    start: m.start,
    end: m.end,
    surface: m.surface,
    names: [m.name, m.surface, ...m.aliases],
    introduced: m.introduced !== undefined,
    main: m.key === mainKey,
    lexicon: m.fromLexicon,
    anchor: 'none',
  };
}

function overlaps(a: Mention, b: Mention): boolean {
  return a.sentence === b.sentence && a.start < b.end && b.start < a.end;
}

/** The anchor phrase nearest `m` in its sentence (before it preferred), else a virtual one at the start. */
function anchorSide(s: Sentence, m: Mention, main: Mention): PairSide {
  const base: PairSide = {
    start: s.start,
    end: s.start,
    surface: '',
    names: [main.name, main.surface, ...main.aliases],
    introduced: true,
    main: true,
    lexicon: main.fromLexicon,
    anchor: 'virtual',
  };
  const text = s.fieldText.slice(s.start, s.end);
  let before: [number, number] | undefined;
  let after: [number, number] | undefined;
  ANCHOR.lastIndex = 0;
  for (let x = ANCHOR.exec(text); x; x = ANCHOR.exec(text)) {
    const st = s.start + x.index;
    const en = st + x[0].length;
    if (en <= m.start) before = [st, en];
    else if (st >= m.end && !after) after = [st, en];
  }
  const at = before ?? after;
  if (!at) return base;
  return { ...base, start: at[0], end: at[1], anchor: 'phrase' };
}

export function lineageCandidates(
  mentions: Mention[],
  mainKey: string | undefined,
  sentences: Sentence[],
): LineageCandidate[] {
  const methods: Mention[] = [];
  const spans = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'method') continue;
    const k = `${m.sentence.field}:${m.start}:${m.end}`;
    if (spans.has(k)) continue;
    spans.add(k);
    methods.push(m);
  }
  const out: LineageCandidate[] = [];
  const together = new Set<string>();
  const main = mainKey ? methods.find((m) => m.key === mainKey) : undefined;
  for (const s of sentences) {
    const inS = methods.filter((m) => m.sentence === s).sort((a, b) => a.start - b.start || a.end - b.end);
    const mentionSpans = inS.map((m) => [m.start, m.end] as const);
    for (let i = 0; i < inS.length; i++) {
      for (let j = i + 1; j < inS.length; j++) {
        const a = inS[i];
        const b = inS[j];
        if (a.key === b.key || overlaps(a, b)) continue;
        together.add(`${a.key}|${b.key}`);
        together.add(`${b.key}|${a.key}`);
        let between = 0;
        for (let k = i + 1; k < j; k++) if (inS[k].start >= a.end && inS[k].end <= b.start) between++;
        out.push({
          input: {
            text: s.fieldText,
            sentStart: s.start,
            sentEnd: s.end,
            first: side(a, mainKey),
            second: side(b, mainKey),
            mentionsBetween: between,
            kind: 'sentence',
            inTitle: s.field === 'title',
            mentionSpans,
          },
          first: a,
          second: b,
        });
      }
    }
    if (main && s.field !== 'title' && !inS.some((m) => m.key === main.key)) {
      for (const b of inS) {
        const anchor = anchorSide(s, b, main);
        if (anchor.anchor === 'virtual' && !VIRTUAL_ANCHORS) continue;
        const anchorFirst = anchor.end <= b.start;
        const bs = side(b, mainKey);
        out.push({
          input: {
            text: s.fieldText,
            sentStart: s.start,
            sentEnd: s.end,
            first: anchorFirst ? anchor : bs,
            second: anchorFirst ? bs : anchor,
            mentionsBetween: inS.filter((m) =>
              anchorFirst
                ? m.start >= anchor.end && m.end <= b.start
                : m.start >= b.end && m.end <= anchor.start,
            ).length,
            kind: 'title',
            inTitle: false,
            mentionSpans,
          },
          first: anchorFirst ? main : b,
          second: anchorFirst ? b : main,
        });
      }
    }
  }
  // Names that contain one another but never share a sentence.
  const firstOf = new Map<string, Mention>();
  for (const m of methods) {
    const cur = firstOf.get(m.key);
    if (!cur) firstOf.set(m.key, m);
  }
  const keys = [...firstOf.values()];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i];
      const b = keys[j];
      if (together.has(`${a.key}|${b.key}`)) continue;
      const an = foldName(a.name);
      const bn = foldName(b.name);
      if (an.length < 2 || bn.length < 2 || an === bn || !(an.includes(bn) || bn.includes(an))) continue;
      out.push({
        input: {
          text: a.sentence.fieldText,
          sentStart: a.sentence.start,
          sentEnd: a.sentence.end,
          first: side(a, mainKey),
          second: side(b, mainKey),
          mentionsBetween: 0,
          kind: 'name',
          inTitle: false,
        },
        first: a,
        second: b,
      });
    }
  }
  return out;
}
