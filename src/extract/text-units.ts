// Sentence splitting and tokenization with offsets into the original field text (JS string
// indices), so every mention can point back at `field.slice(start, end)`.
export type FieldName = 'title' | 'abstract';

export interface Sentence {
  field: FieldName;
  /** The whole field text. */
  fieldText: string;
  start: number;
  end: number;
  text: string;
  index: number;
  /** The field text with URLs blanked out (same length), used for tokenization. */
  masked?: string;
}

export interface Token {
  text: string;
  /** Lower-cased, letters/digits only (the contract normalization without plural folding). */
  norm: string;
  start: number;
  end: number;
}

const ABBREV =
  /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|approx|resp|No|Dr|Prof|Inc|Ltd|al|viz)\.|\b[A-Z]\.)$/;

/** Splits a field into sentences at `.`, `!`, `?` followed by space and a capital, digit, quote or bracket. */
export function splitSentences(field: FieldName, text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?](?=\s+["'“([]?[A-Z0-9])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 1;
    if (ABBREV.test(text.slice(Math.max(start, end - 8), end))) continue;
    push(out, field, text, start, end);
    start = end;
  }
  push(out, field, text, start, text.length);
  return out;
}

function push(out: Sentence[], field: FieldName, text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start)
    out.push({ field, fieldText: text, start, end, text: text.slice(start, end), index: out.length });
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Word tokens (runs of letters/digits) of `text[start, end)`; `masked` ranges (URLs) are skipped. */
export function wordTokens(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const t = m[0];
    const ascii = !/[^ -~]/.test(t); // printable ASCII only (tokens never contain controls)
    const norm = (ascii ? t : t.normalize('NFKC')).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    out.push({ text: t, norm, start: start + m.index, end: start + m.index + t.length });
  }
  return out;
}

/** Folds a trailing plural `s` exactly like normalizeName (`ss` kept, keys of 3 or fewer kept). */
export function foldPlural(key: string): string {
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

/**
 * Name spans: runs of letters/digits joined by `-`, `_`, `.`, `+`, `/`, `'` (GPT-4o, Strip-MLP,
 * wav2vec-2.0, PointNet++). Trailing possessive `'s` is not part of the span.
 */
export const NAME_SPAN = /[\p{L}\p{N}]+(?:[-_.+/'’][\p{L}\p{N}]+)*\+*/gu;

export interface Span {
  text: string;
  start: number;
  end: number;
}

export function nameSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const slice = text.slice(start, end);
  NAME_SPAN.lastIndex = 0;
  for (let m = NAME_SPAN.exec(slice); m; m = NAME_SPAN.exec(slice)) {
    let t = m[0];
    const poss = /['’]s$/.exec(t);
    if (poss) t = t.slice(0, -2);
    out.push({ text: t, start: start + m.index, end: start + m.index + t.length });
  }
  return out;
}
