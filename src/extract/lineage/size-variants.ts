// The one rule kept beside the lineage classifier: a coined hyphenated name that is another
// mentioned method plus a one-letter marker or a size word ("R-GRU", "PloverNet-Lite", "X-S") is a
// variant of it - the name itself states the relation. Not for lexicon names (background
// knowledge, not stated) and not when the other part is a word ("Ridge-GRU" is a new design).
import type { Mention } from '../mention.types';
import { normalizeName } from '../../names/normalize';

const VARIANT_MARK = /^(?:[A-Za-z]|tiny|small|base|large|huge|lite|mini|light)$/i;

export function sizeVariants(mentions: Mention[]): [Mention, Mention][] {
  const methods = mentions.filter((m) => m.type === 'method');
  const byNorm = new Map<string, Mention>();
  for (const m of methods)
    for (const n of [m.name, m.surface, ...m.aliases]) {
      const k = normalizeName(n);
      if (k && !byNorm.has(k)) byNorm.set(k, m);
    }
  const out: [Mention, Mention][] = [];
  const done = new Set<string>();
  for (const m of methods) {
    if (m.fromLexicon || /\s/.test(m.name) || !m.name.includes('-') || done.has(m.key)) continue;
    done.add(m.key);
    const parts = m.name.split('-').filter((x) => x !== '');
    if (parts.length < 2 || parts.length > 4) continue;
    for (let cut = 1; cut < parts.length; cut++) {
      for (const [base, rest] of [
        [parts.slice(cut).join('-'), parts.slice(0, cut).join('-')],
        [parts.slice(0, cut).join('-'), parts.slice(cut).join('-')],
      ]) {
        if (!/[A-Za-z]/.test(base) || base.length < 2 || !VARIANT_MARK.test(rest)) continue;
        const parent = byNorm.get(normalizeName(base));
        if (parent && parent.key !== m.key) out.push([m, parent]);
      }
    }
  }
  return out;
}
