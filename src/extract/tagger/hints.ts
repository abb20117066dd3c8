// The rule layer's hints to the tagger, per token: which rule mention covers the token (type and
// B/I position, lexicon or not, the rule), abbreviation definitions (short and long forms, and later
// uses of a defined short form) and stoplist membership. The lexicon and rules are features here,
// not the decision: the learned weights say how far to trust each of them.
import { isStopName, normKey } from '../lexicon';
import type { Mention } from '../mention.types';
import type { DefinitionInfo } from '../mentions';
import type { Sentence } from '../text-units';
import type { TokenHints } from './features';
import type { TagToken } from './tokens';

function cover(
  hints: TokenHints,
  tokens: TagToken[],
  start: number,
  end: number,
  tag: (first: boolean) => string[],
): void {
  let first = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.end <= start || t.start >= end) continue;
    hints[i].push(...tag(first));
    first = false;
  }
}

/** Hints for the tokens of one sentence. `mentions` are the rule mentions of that sentence. */
export function sentenceHints(
  sentence: Sentence,
  tokens: TagToken[],
  mentions: readonly Mention[],
  defs: ReadonlyMap<string, DefinitionInfo>,
  definedKeys: ReadonlySet<string>,
): TokenHints {
  const hints: TokenHints = tokens.map(() => []);
  for (const m of mentions) {
    cover(hints, tokens, m.start, m.end, (first) => {
      const out = [`r:${m.type}:${first ? 'B' : 'I'}`, `rule:${m.rule}`];
      if (m.fromLexicon) out.push(`lex:${m.type}`);
      return out;
    });
  }
  for (const info of defs.values()) {
    const d = info.def;
    if (d.sentence.field !== sentence.field || d.shortStart < sentence.start || d.shortEnd > sentence.end)
      continue;
    cover(hints, tokens, d.shortStart, d.shortEnd, () => [`def:short:${info.type}`]);
    cover(hints, tokens, d.longStart, d.longEnd, (first) => [`def:long:${first ? 'B' : 'I'}:${info.type}`]);
  }
  tokens.forEach((t, i) => {
    if (t.text.length > 1 && definedKeys.has(normKey(t.text))) hints[i].push('defined');
    if (/^\p{L}/u.test(t.text) && isStopName(t.text)) hints[i].push('stop');
  });
  return hints;
}
