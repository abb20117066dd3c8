// Tokens of the mention tagger: runs of letters/digits and single punctuation characters, with
// offsets into the field text (JS string indices). Hyphens, slashes and brackets are tokens of
// their own, so "BERT-based" gives BERT, -, based and a span can end inside a hyphenated word.
import type { Sentence } from '../text-units';

export interface TagToken {
  text: string;
  start: number;
  end: number;
  /** Whitespace (or the sentence start) before the token. */
  spaceBefore: boolean;
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** Tokens of one sentence; URLs (blanked in `masked`) give no tokens. */
export function sentenceTokens(sentence: Sentence): TagToken[] {
  const text = sentence.masked ?? sentence.fieldText;
  const slice = text.slice(sentence.start, sentence.end);
  const out: TagToken[] = [];
  TOKEN.lastIndex = 0;
  let prevEnd = -1;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    out.push({ text: sentence.fieldText.slice(start, end), start, end, spaceBefore: start !== prevEnd });
    prevEnd = end;
    // Very long tokens (base64, garbled PDF text) carry no signal and cost feature strings.
    if (out.length > 400) break;
  }
  return out;
}
