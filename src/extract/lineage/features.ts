// Sparse features of one candidate pair of method mentions for the lineage classifier. The pair is
// ordered by position (`first` before `second`); the classifier's label says which one is the
// child. Features are generic: words and cue classes between and around the two mentions, name
// containment and shape, distance, roles. Shared by inference (src/extract/lineage.ts) and training.
import { cueClasses, stem } from './cues';

export interface PairSide {
  start: number;
  end: number;
  /** The name as written in the text (the mention's surface), or '' for a virtual anchor. */
  surface: string;
  /** Other spellings of the same entity (canonical name, aliases). */
  names: string[];
  introduced: boolean;
  /** The paper's main method (title method / main proposal). */
  main: boolean;
  lexicon: boolean;
  /** A stand-in for the paper's own method ("we", "our model") or the title method (virtual). */
  anchor: 'none' | 'phrase' | 'virtual';
}

export interface PairInput {
  /** Text holding both mentions; offsets are into it. */
  text: string;
  /** Sentence bounds in `text`. */
  sentStart: number;
  sentEnd: number;
  first: PairSide;
  second: PairSide;
  /** Other method mentions strictly between the two. */
  mentionsBetween: number;
  /** The pair's candidate kind: same sentence, title method vs an abstract sentence, or name-only. */
  kind: 'sentence' | 'title' | 'name';
  /** The sentence is the title. */
  inTitle: boolean;
  /**
   * Spans of the sentence's method mentions (share one array per sentence): their words become one
   * `<m>` token, so no name is ever a feature.
   */
  mentionSpans?: readonly (readonly [number, number])[];
}

interface Tok {
  w: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-z]+|[0-9]+(?:\.[0-9]+)?|[^\sA-Za-z0-9]/g;

function tokens(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const w = /^[0-9]/.test(raw) ? '0' : raw.toLowerCase();
    out.push({ w, start: start + m.index, end: start + m.index + raw.length });
  }
  return out;
}

// The pairs of one sentence come one after another: its tokens are kept for the next pair.
let lastText = '';
let lastStart = -1;
let lastEnd = -1;
let lastSpans: PairInput['mentionSpans'];
let lastTokens: Tok[] = [];

function sentenceTokens(text: string, start: number, end: number, spans: PairInput['mentionSpans']): Tok[] {
  if (text !== lastText || start !== lastStart || end !== lastEnd || spans !== lastSpans) {
    lastTokens = masked(tokens(text, start, end), spans ?? []);
    lastText = text;
    lastStart = start;
    lastEnd = end;
    lastSpans = spans;
  }
  return lastTokens;
}

/** Tokens with each mention span's words replaced by one `<m>` token. */
function masked(toks: Tok[], spans: readonly (readonly [number, number])[]): Tok[] {
  if (spans.length === 0) return toks;
  const out: Tok[] = [];
  let last = -1;
  for (const t of toks) {
    const k = spans.findIndex(([s, e]) => t.start >= s && t.end <= e);
    if (k < 0) out.push(t);
    else if (k !== last || out[out.length - 1]?.w !== '<m>')
      out.push({ w: '<m>', start: t.start, end: t.end });
    else out[out.length - 1].end = t.end;
    last = k;
  }
  return out;
}

/** Index of the first token starting at or after `pos`. */
function firstAt(toks: Tok[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const foldCache = new Map<string, string>();

/** Letters and digits only, lower case, a final plural `s` folded (for containment tests). */
export function foldName(s: string): string {
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  const out = foldUncached(s);
  if (foldCache.size > 20_000) foldCache.clear();
  foldCache.set(s, out);
  return out;
}

function foldUncached(s: string): string {
  const n = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return n.length > 3 && n.endsWith('s') && !n.endsWith('ss') ? n.slice(0, -1) : n;
}

/** A compressed shape of a name: `RaftMLP` -> `XxX`, `MLP-Mixer` -> `X-Xx`, `T5` -> `Xd`. */
export function nameShape(s: string): string {
  const sh = s
    .replace(/[A-Z]+/g, 'X')
    .replace(/[a-z]+/g, 'x')
    .replace(/[0-9]+/g, 'd')
    .replace(/\s+/g, '_')
    .replace(/[^Xxd_-]/g, '.');
  return sh.length > 8 ? sh.slice(0, 8) + '+' : sh;
}

const SIZE_MARK =
  /^(?:[a-z]|[0-9.]+[bmk]?|tiny|small|base|large|huge|lite|mini|light|xl|xxl|nano|micro|medium|big|s|m|l|v[0-9]+)$/i;

/** How the two names contain one another, from the first side's point of view. */
function containment(a: PairSide, b: PairSide): string[] {
  const out: string[] = [];
  const an = a.names.map(foldName).filter((x) => x.length >= 2);
  const bn = b.names.map(foldName).filter((x) => x.length >= 2);
  if (an.length === 0 || bn.length === 0) return out;
  if (an.some((x) => bn.includes(x))) return ['same'];
  const aInB = an.some((x) => bn.some((y) => y.includes(x)));
  const bInA = bn.some((y) => an.some((x) => x.includes(y)));
  if (bInA) out.push('first-contains');
  if (aInB) out.push('second-contains');
  // "RaftMLP-S" / "RaftMLP", "Mamba-3B" / "Mamba": a size or letter marker beside the other's name.
  const marked = (long: PairSide, short: PairSide): boolean =>
    [long.surface, ...long.names].some((l) =>
      l.split(/[-\s]+/).some((part, i, parts) => {
        if (!SIZE_MARK.test(part) || parts.length < 2) return false;
        const rest = parts.filter((_, j) => j !== i).join('');
        return short.names.some((s) => foldName(s) === foldName(rest));
      }),
    );
  if (bInA && marked(a, b)) out.push('first-sizevar');
  if (aInB && marked(b, a)) out.push('second-sizevar');
  return out;
}

function role(s: PairSide): string {
  if (s.anchor !== 'none') return s.anchor;
  return (s.main ? 'M' : s.introduced ? 'I' : 'U') + (s.lexicon ? 'L' : '');
}

function distBucket(n: number): string {
  return n <= 0 ? '0' : n <= 1 ? '1' : n <= 2 ? '2' : n <= 4 ? '4' : n <= 7 ? '7' : n <= 12 ? '12' : 'far';
}

/** The features of one pair (strings; the model maps them to weights). */
export function pairFeatures(p: PairInput): string[] {
  const f: string[] = ['bias', `kind=${p.kind}`];
  const k = p.kind === 'sentence' ? '' : `${p.kind}:`;
  const add = (x: string): void => {
    f.push(x);
    if (k) f.push(k + x);
  };
  const { first: a, second: b } = p;
  const ra = role(a);
  const rb = role(b);
  add(`roles=${ra}|${rb}`);
  add(`ra=${ra}`);
  add(`rb=${rb}`);
  if (p.inTitle) add('in-title');
  for (const x of [a, b])
    if (x.anchor === 'phrase')
      add(`anchor=${p.text.slice(x.start, x.end).toLowerCase().replace(/\s+/g, '_')}`);
  for (const c of containment(a, b)) {
    f.push(`contain=${c}`);
    f.push(`contain=${c}|${ra}|${rb}`);
  }
  if (a.anchor === 'none') add(`sha=${nameShape(a.surface)}`);
  if (b.anchor === 'none') add(`shb=${nameShape(b.surface)}`);
  if (p.kind === 'name') return f;

  const sent = sentenceTokens(p.text, p.sentStart, p.sentEnd, p.mentionSpans);
  const ia = firstAt(sent, a.start);
  const ib = firstAt(sent, b.start);
  const between: Tok[] = [];
  for (let i = firstAt(sent, a.end); i < ib; i++) if (sent[i].end <= b.start) between.push(sent[i]);
  const n = between.length;
  add(`dist=${distBucket(n)}`);
  add(`mb=${Math.min(p.mentionsBetween, 3)}`);
  if (n <= 4) add(`bs=${between.map((t) => t.w).join('_')}`);
  const seenClass = new Set<string>();
  const win = between.length > 10 ? [...between.slice(0, 5), ...between.slice(-5)] : between;
  for (let i = 0; i < win.length; i++) {
    const w = win[i].w;
    add(`bw=${w}`);
    f.push(`bst=${stem(w)}`);
    if (i + 1 < win.length) f.push(`bb=${w}_${win[i + 1].w}`);
    for (const c of cueClasses(w)) seenClass.add(c);
  }
  for (const c of seenClass) {
    add(`bc=${c}`);
    f.push(`bc=${c}|${ra}|${rb}`);
  }
  if (n > 0) {
    add(`b1=${between[0].w}`);
    add(`bl=${between[n - 1].w}`);
    for (const c of cueClasses(between[0].w)) add(`b1c=${c}`);
    for (const c of cueClasses(between[n - 1].w)) add(`blc=${c}`);
  }
  if (n >= 2) add(`bl2=${between[n - 2].w}_${between[n - 1].w}`);
  // Around: two words before the first, two after the second, cue classes in the clause before.
  const before = sent.slice(Math.max(0, ia - 6), ia);
  const after = sent.slice(firstAt(sent, b.end), firstAt(sent, b.end) + 4);
  if (before.length > 0) add(`pa1=${before[before.length - 1].w}`);
  else add('pa1=<s>');
  if (before.length > 1) add(`pa2=${before[before.length - 2].w}_${before[before.length - 1].w}`);
  if (after.length > 0) add(`nb1=${after[0].w}`);
  else add('nb1=</s>');
  if (after.length > 1) add(`nb2=${after[0].w}_${after[1].w}`);
  const lc = new Set<string>();
  for (const t of before.slice(-6)) for (const c of cueClasses(t.w)) lc.add(c);
  for (const c of lc) add(`lc=${c}`);
  const rc = new Set<string>();
  for (const t of after.slice(0, 4)) for (const c of cueClasses(t.w)) rc.add(c);
  for (const c of rc) add(`rc=${c}`);
  // "X-based", "X-like", "X-free" right after a name.
  const suffix = (s: PairSide): string | undefined =>
    /^-\s?(based|like|style|inspired|free|agnostic|less|augmented|enhanced|driven|guided|powered)\b/i
      .exec(p.text.slice(s.end, s.end + 14))?.[1]
      ?.toLowerCase();
  const sa = suffix(a);
  const sb = suffix(b);
  if (sa) add(`sufa=${sa}`);
  if (sb) add(`sufb=${sb}`);
  return f;
}
