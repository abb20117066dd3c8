// Abbreviation definitions "Long Form (LF)" and "LF (Long Form)", found with the Schwartz & Hearst
// (2003) matching: the short form's characters appear in order in the long form, the first one
// at a word start. Gives alias pairs both ways with offsets of both forms.
import type { Sentence } from './text-units';

export interface AcronymDefinition {
  short: string;
  long: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
  sentence: Sentence;
}

// Up to 100 characters: a spelled-out expansion in parentheses can be long.
const PAREN = /\(([^()]{1,100})\)/g;

function isShortForm(s: string): boolean {
  if (s.length < 2 || s.length > 12) return false;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\-&.+/]*$/u.test(s)) return false;
  if (!/\p{Lu}/u.test(s)) return false;
  if (/^\p{Lu}\p{Ll}+$/u.test(s) && s.length > 4) return false; // an ordinary capitalized word
  return /\p{L}/u.test(s);
}

/** Schwartz & Hearst best long form: the start offset in `cand` of the long form, or -1. */
function bestLongFormStart(short: string, cand: string): number {
  let s = short.length - 1;
  let l = cand.length - 1;
  const sl = short.toLowerCase();
  const cl = cand.toLowerCase();
  while (s >= 0) {
    const c = sl[s];
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (cl[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(cl[l - 1])))) l--;
    if (l < 0) return -1;
    l--;
    s--;
  }
  // Back to the start of the word.
  let start = l + 1;
  while (start > 0 && /[\p{L}\p{N}]/u.test(cand[start - 1])) start--;
  return start;
}

/** Plural short forms ("KANs") define the singular too. */
function stripPlural(short: string): string {
  return /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
}

const LEADING_FUNCTION_WORD = /^(?:and|or|of|for|the|with|in|on|to|a|an|by|from)\s/i;
/** "X, which stands for Long Form": the long form runs to the next clause punctuation. */
const STANDS_FOR =
  /([\p{L}\p{N}][\p{L}\p{N}\-&.+]*)\s*,?\s+(?:which\s+|that\s+)?(?:stands|stand|standing)\s+for\s+["“]?([\p{L}][^,.;:()"”]{2,100}?)["”]?(?=\s*[,.;:()]|\s*$)/gu;

function standsFor(sentence: Sentence): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const text = sentence.text;
  if (!text.includes('stand')) return out; // cheap gate before the regex
  STANDS_FOR.lastIndex = 0;
  for (let m = STANDS_FOR.exec(text); m; m = STANDS_FOR.exec(text)) {
    const short = stripPlural(m[1]);
    const long = m[2].trim();
    if (!isShortForm(short) || long.split(/\s+/).length < 2) continue;
    if (long[0].toLowerCase() !== short[0].toLowerCase() || bestLongFormStart(short, long) !== 0) continue;
    const longStart = m.index + m[0].lastIndexOf(long);
    out.push({
      short,
      long,
      shortStart: sentence.start + m.index,
      shortEnd: sentence.start + m.index + short.length,
      longStart: sentence.start + longStart,
      longEnd: sentence.start + longStart + long.length,
      sentence,
    });
  }
  return out;
}

export function findAcronymDefinitions(sentence: Sentence): AcronymDefinition[] {
  const out: AcronymDefinition[] = standsFor(sentence);
  const text = sentence.text;
  PAREN.lastIndex = 0;
  for (let m = PAREN.exec(text); m; m = PAREN.exec(text)) {
    const inner = m[1].split(/[;,]\s*/)[0].trim();
    const innerStart = m.index + 1 + m[1].indexOf(inner);
    if (!isShortForm(inner)) {
      const rev = reverseDefinition(sentence, text, m.index, inner, innerStart);
      if (rev) out.push(rev);
      continue;
    }
    const short = stripPlural(inner);
    // Candidate long form: up to min(|A| + 5, 2|A|) words before the parenthesis, within the clause
    // (closing quotes around the long form are not part of it).
    const before = text.slice(0, m.index).replace(/["”]?\s*$/, '');
    const maxWords = Math.min(short.length + 5, short.length * 2);
    const words = before.split(/\s+/);
    let candWords = words.slice(-maxWords);
    // Do not cross clause punctuation.
    const cut = candWords.map((w) => /[,;:()]$|^[(]/.test(w)).lastIndexOf(true);
    if (cut >= 0) candWords = candWords.slice(cut + 1);
    const cand = candWords.join(' ');
    if (!cand) continue;
    const candStart = before.length - cand.length;
    if (before.slice(candStart) !== cand) continue; // whitespace inside was not single spaces
    const rel = bestLongFormStart(short, cand);
    if (rel < 0) continue;
    let longRel = rel;
    // A long form rarely opens with a function word ("and Contrastive ... (ACVAE)"): when the word
    // before it has the short form's first letter, it starts there ("Adversarial and Contrastive ...").
    if (LEADING_FUNCTION_WORD.test(cand.slice(rel))) {
      const prev = /([\p{L}\p{N}][\p{L}\p{N}-]*)\s+$/u.exec(cand.slice(0, rel));
      if (prev && prev[1][0].toLowerCase() === short[0].toLowerCase()) longRel = prev.index;
    }
    const long = cand.slice(longRel).replace(/^["“]/, '');
    const longWords = long.split(/\s+/).length;
    if (long.length <= short.length || longWords > maxWords) continue;
    // The first word of the long form must start with the short form's first letter.
    if (long[0].toLowerCase() !== short[0].toLowerCase()) continue;
    out.push({
      short,
      long,
      shortStart: sentence.start + innerStart,
      shortEnd: sentence.start + innerStart + short.length,
      longStart:
        sentence.start + candStart + longRel + (cand[longRel] === '"' || cand[longRel] === '“' ? 1 : 0),
      longEnd: sentence.start + before.length,
      sentence,
    });
  }
  return out;
}

function titleCaseExpansion(s: string): boolean {
  const words = s.split(/\s+/);
  if (words.length < 3 || /\d/.test(s)) return false;
  const content = words.filter((w) => !/^(?:of|for|and|the|with|in|on|to|a|an|from|by|via)$/.test(w));
  return content.every((w) => /^\p{Lu}/u.test(w));
}

/** "SF (Long Form)": the short form before the parenthesis, the long form inside it. */
function reverseDefinition(
  sentence: Sentence,
  text: string,
  parenAt: number,
  inner: string,
  innerStart: number,
): AcronymDefinition | undefined {
  if (inner.split(/\s+/).length < 2) return undefined;
  const before = text.slice(0, parenAt).replace(/\s+$/, '');
  const wm = /([\p{L}\p{N}][\p{L}\p{N}\-&.+]*)$/u.exec(before);
  if (!wm) return undefined;
  const short = stripPlural(wm[1]);
  if (!isShortForm(short)) return undefined;
  if (inner[0].toLowerCase() !== short[0].toLowerCase()) return undefined;
  // Letters in order (Schwartz & Hearst), or a coined mixed-case name spelled out by a Title Case
  // expansion of three or more words whose letters are not in order ("BioX (Bidirectional ... for
  // Biomedical ...)").
  if (bestLongFormStart(short, inner) !== 0 && !(/\p{Ll}\p{Lu}/u.test(short) && titleCaseExpansion(inner)))
    return undefined;
  const shortStart = sentence.start + wm.index;
  return {
    short,
    long: inner,
    shortStart,
    shortEnd: shortStart + short.length,
    longStart: sentence.start + innerStart,
    longEnd: sentence.start + innerStart + inner.length,
    sentence,
  };
}
