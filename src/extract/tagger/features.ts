// Features of the mention tagger, one string list per token. The same function runs at training
// time (scripts/train/tagger.train.ts) and inside the product, so a model and its features never
// drift apart. Features are generic (word forms, shapes, affixes, neighbours, position, and the
// rule layer's hints); the learned weights, not this file, carry what the annotations taught.
import type { TagToken } from './tokens';

/** Per-token hints from the rule layer (lexicon matches, defined abbreviations, typed rule mentions). */
export type TokenHints = string[][];

const DIGIT = /\p{N}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/** Word shape with runs collapsed: `MLP-Mixer` tokens give `X`, `-`, `Xx`; `ResNet50` gives `XxXxd`. */
export function shapeOf(text: string): string {
  let out = '';
  let last = '';
  for (const ch of text) {
    const c = DIGIT.test(ch) ? 'd' : UPPER.test(ch) ? 'X' : LOWER.test(ch) ? 'x' : LETTER.test(ch) ? 'l' : ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 6) break;
  }
  return out;
}

function lengthClass(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 10 ? '7-10' : '11+';
}

interface Prepared {
  lower: string[];
  shape: string[];
}

function prepare(tokens: TagToken[]): Prepared {
  return {
    lower: tokens.map((t) => t.text.toLowerCase()),
    shape: tokens.map((t) => shapeOf(t.text)),
  };
}

/**
 * Feature strings for every token of a sentence. `inTitle` marks the title; `hints` come from the
 * rule layer (the same hints at training and inference time).
 */
export function sentenceFeatures(tokens: TagToken[], hints: TokenHints, inTitle: boolean): string[][] {
  const p = prepare(tokens);
  const n = tokens.length;
  const w = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : p.lower[i]);
  const s = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : p.shape[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const lw = p.lower[i];
    const f: string[] = ['b', `w=${lw}`, `s=${p.shape[i]}`, `len=${lengthClass(t.text.length)}`];
    if (lw.length > 3) {
      f.push(`p3=${lw.slice(0, 3)}`, `x3=${lw.slice(-3)}`);
      if (lw.length > 4) f.push(`p4=${lw.slice(0, 4)}`, `x4=${lw.slice(-4)}`);
    }
    if (lw.length > 2) f.push(`x2=${lw.slice(-2)}`);
    if (t.text !== lw && t.text[0] !== lw[0] && i === 0) f.push('cap0');
    f.push(`w-1=${w(i - 1)}`, `w+1=${w(i + 1)}`, `w-2=${w(i - 2)}`, `w+2=${w(i + 2)}`);
    f.push(`s-1=${s(i - 1)}`, `s+1=${s(i + 1)}`, `ss=${s(i - 1)}|${p.shape[i]}|${s(i + 1)}`);
    f.push(`ww-=${w(i - 1)}|${lw}`, `ww+=${lw}|${w(i + 1)}`, `www=${w(i - 1)}|${lw}|${w(i + 1)}`);
    f.push(
      `w-1s=${w(i - 1)}|${p.shape[i]}`,
      `s w+1=${p.shape[i]}|${w(i + 1)}`,
      `w-2-1=${w(i - 2)}|${w(i - 1)}`,
    );
    if (i + 1 < n && p.lower[i + 1].length > 3) f.push(`x3+1=${p.lower[i + 1].slice(-3)}`);
    if (i > 0 && p.lower[i - 1].length > 3) f.push(`x3-1=${p.lower[i - 1].slice(-3)}`);
    f.push(`sp=${t.spaceBefore ? 1 : 0}${i + 1 < n && !tokens[i + 1].spaceBefore ? 1 : 0}`);
    if (inTitle) f.push('title', `title-s=${p.shape[i]}`);
    if (i === 0) f.push('first');
    for (const h of hints[i] ?? []) f.push(`h=${h}`, `hs=${h}|${p.shape[i]}`);
    for (const h of hints[i - 1] ?? []) f.push(`h-1=${h}`);
    for (const h of hints[i + 1] ?? []) f.push(`h+1=${h}`);
    out.push(f);
  }
  return out;
}
