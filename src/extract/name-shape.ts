// Shape tests for coined names: what makes a token look like a model / dataset name rather than
// an English word. Pure string logic, no lexicon.
import { ENTITY_RULES } from './rules/entity.rules';

export type NameStrength = 'strong' | 'weak' | 'none';

const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/;
const LOWER_WORD = /^[a-z]+$/;
/** Model sizes in capitals ("LARGE", "XL") are not names of their own. */
const SIZE_WORD = /^(?:LARGE|BASE|SMALL|TINY|HUGE|MEDIUM|MINI|XL|XXL)$/;
const UNIT =
  /^(?:\d+(?:[.,]\d+)*(?:%|[kKmMbBtTgG]|x|X|px|ms|s|h|d|D|nd|st|rd|th|bit|bits|GB|MB|TB|B|M|K)?|[vV]\d+(?:\.\d+)*)$/;
const AFFIX_SUFFIX =
  /^(?:based|like|style|driven|free|only|augmented|enhanced|inspired|specific|level|wise|type|related|powered|guided|aware|centric|oriented|friendly|compatible|scale|sized|size|variant|variants|family|layer|layers|block|blocks|head|heads|module|modules|encoder|encoders|decoder|decoders|backbone|backbones|architecture|architectures|model|models|network|networks|series|generated|trained|pretrained|pre|finetuned|fine|tuned|tuning|style|equivalent|sized|dominated|centred|centered|alike|agnostic|independent|dependent|informed|conditioned|assisted|empowered|integrated|structured|token|tokens|feature|features|embedding|embeddings|attention|mixing|mixer|ensemble|distilled|initialized|compatible|ready|native|specialized|focused|as|vs|and|or|to)$/i;
const AFFIX_PREFIX =
  /^(?:non|pre|post|multi|self|cross|anti|sub|semi|co|de|re|un|vanilla|standard|plain|deep|shallow|our|pure|full|hybrid|single|dual|two|three|four|bi|uni|all|mini|meta|hyper|quasi|pseudo)$/i;

/** How strongly a single name span looks like a coined name. */
export function nameStrength(span: string): NameStrength {
  // Fast path: a plain lower-case word has no name shape (every rule below needs a capital).
  if (LOWER_WORD.test(span)) return 'none';
  const s = span.replace(/[+]+$/, '');
  if (s.length < 2 || UNIT.test(s) || ROMAN.test(s) || SIZE_WORD.test(s)) return 'none';
  // "3DMM", "2DSCN": a dimension tag fused to an acronym or CamelCase name is a coined name.
  if (/^[1-4]D(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu})/u.test(s)) return 'strong';
  if (!/\p{L}/u.test(s) || /^\p{N}/u.test(s)) return 'none';
  const parts = s.split(/[-_./'’]/).filter(Boolean);
  // Title Case hyphen compounds of ordinary words ("Click-Through", "Self-Supervised") are not names.
  if (parts.length > 1 && parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p) || /^\p{Ll}+$/u.test(p)))
    return 'none';
  // "GNN-to-MLP", "heads/MLP": compounds with an ordinary lower-case word are not one name.
  if (parts.length > 1 && parts.some((p) => /^(?:to|and|or|vs|of|in|on|for|with)$/i.test(p))) return 'none';
  if (/\//.test(s) && parts.some((p) => /^\p{Ll}{3,}$/u.test(p))) return 'none';
  const morphRe = ENTITY_RULES.nameMorphology.pattern;
  const morph = morphRe instanceof RegExp ? morphRe.exec(s) : null;
  // "*Net", "*Former", "*MLP" with a stem before the suffix
  if (morph && morph.index > 0 && /\p{Lu}/u.test(s)) return 'strong';
  if (/\p{Ll}\p{Lu}/u.test(s)) return 'strong'; // CamelCase: RaftMLP, DeBERTa, mBERT
  if ((s.match(/\p{L}/gu)?.length ?? 0) >= 2 && /\p{N}/u.test(s) && /\p{Lu}/u.test(s)) return 'strong'; // GPT-4o, not "S1"
  if (
    parts.length > 1 &&
    parts.some((p) => /^\p{Lu}{2,}s?$/u.test(p)) &&
    parts.some((p) => /\p{L}/u.test(p))
  ) {
    return 'strong'; // Strip-MLP, MS-MLP, T-XGB
  }
  if (/^\p{Lu}{2,}s?$/u.test(s) || /^\p{Lu}{2,}[\p{Lu}\p{N}&]*s?$/u.test(s)) return 'weak'; // KAN, CTR, LLMs
  return 'none';
}

/** Is `part` a generic affix ("-based", "non-") that may be attached to a known name? */
export function isGenericAffix(part: string, position: 'prefix' | 'suffix'): boolean {
  return position === 'suffix' ? AFFIX_SUFFIX.test(part) : AFFIX_PREFIX.test(part);
}

/** Strips a trailing plural from a coined name ("KANs" -> "KAN", "RaftMLPs" -> "RaftMLP"). */
export function singularName(name: string): string {
  if (/\p{Lu}s$/u.test(name) && name.length > 2) return name.slice(0, -1);
  return name;
}

/**
 * Drops generic affixes from a coined span ("LLM-based" -> "LLM", "KAN-like" -> "KAN"). With
 * `keepCapitalizedPrefix` (running text, not sentence-initial) a capitalized prefix word stays:
 * "Dual-CycleGAN" is a name of its own.
 */
export function stripGenericAffixes(span: string, keepCapitalizedPrefix = false): string {
  const parts = span.split('-');
  while (parts.length > 1 && isGenericAffix(parts[parts.length - 1], 'suffix')) parts.pop();
  while (
    parts.length > 1 &&
    isGenericAffix(parts[0], 'prefix') &&
    !(keepCapitalizedPrefix && /^\p{Lu}\p{Ll}+$/u.test(parts[0]))
  )
    parts.shift();
  return parts.join('-');
}
