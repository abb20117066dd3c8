// Runs the statistical tagger over a paper's sentences and makes its spans the paper's method,
// dataset and task mentions. The rule layer's mentions are the tagger's features (hints.ts); a rule
// mention survives only where the tagger marks the same words, and then it keeps what rules do best
// (the lexicon's canonical name and aliases, an abbreviation's long form). Concept mentions (the
// concept lexicon) are not the tagger's business and stay unless a tagged span covers them.
import { isStopName, lexiconLookup, normKey } from '../lexicon';
import { GENERIC_AROUND_NAME } from '../rules/entity.rules';
import type { Mention } from '../mention.types';
import { namesSoftware, type DefinitionInfo, type MentionFinder } from '../mentions';
import { NAME_SPAN, type Sentence } from '../text-units';
import { nameStrength } from '../name-shape';
import { sentenceFeatures, type TokenHints } from './features';
import { sentenceHints } from './hints';
import {
  labelSpans,
  shippedTagger,
  viterbi,
  type LabelSpan,
  type MentionType,
  type TaggerModel,
} from './model';
import { scorerFor } from './scorer';
import { sentenceTokens, type TagToken } from './tokens';

export const TAGGER_RULE = 'tagger';

export interface TaggedSpan {
  type: MentionType;
  start: number;
  end: number;
  sentence: Sentence;
  /** In (0, 1): how clearly the tagger preferred these labels over the best other label. */
  confidence: number;
}

export interface TaggedSentence {
  tokens: TagToken[];
  labels: number[];
  spans: TaggedSpan[];
}

function byId<T extends { sentence: Sentence }>(items: readonly T[]): Map<Sentence, T[]> {
  const out = new Map<Sentence, T[]>();
  for (const it of items) {
    const list = out.get(it.sentence) ?? [];
    list.push(it);
    out.set(it.sentence, list);
  }
  return out;
}

/** Definition keys of the paper (short forms), for the `defined` hint. */
export function definedKeys(defs: ReadonlyMap<string, DefinitionInfo>): Set<string> {
  const keys = new Set<string>();
  for (const [k, info] of defs) if (info.type !== 'stop') keys.add(k);
  return keys;
}

/** Tokens of one sentence and the rule layer's hints on them. */
function sentenceTokensAndHints(
  sentence: Sentence,
  mentions: readonly Mention[],
  defs: ReadonlyMap<string, DefinitionInfo>,
  keys: ReadonlySet<string>,
): { tokens: TagToken[]; hints: TokenHints } {
  const tokens = sentenceTokens(sentence);
  return { tokens, hints: sentenceHints(sentence, tokens, mentions, defs, keys) };
}

/** Features of one sentence as the tagger sees it (the training script calls this). */
export function sentenceInput(
  sentence: Sentence,
  mentions: readonly Mention[],
  defs: ReadonlyMap<string, DefinitionInfo>,
  keys: ReadonlySet<string>,
): { tokens: TagToken[]; feats: string[][] } {
  const { tokens, hints } = sentenceTokensAndHints(sentence, mentions, defs, keys);
  return { tokens, feats: sentenceFeatures(tokens, hints, sentence.field === 'title') };
}

/** Tags every sentence of a paper. */
export function tagSentences(
  model: TaggerModel,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  defs: ReadonlyMap<string, DefinitionInfo>,
): TaggedSentence[] {
  const perSentence = byId(mentions);
  const keys = definedKeys(defs);
  const scorer = scorerFor(model);
  return sentences.map((sentence) => {
    const { tokens, hints } = sentenceTokensAndHints(sentence, perSentence.get(sentence) ?? [], defs, keys);
    const em = scorer.emissions(tokens, hints, sentence.field === 'title');
    const labels = viterbi(em, model.transitions);
    const spans = labelSpans(labels)
      .flatMap((whole) => splitCoordination(tokens, whole, sentence.fieldText))
      .flatMap((raw) => {
        const s = tidySpan(tokens, raw, sentence.field === 'title');
        if (!s) return [];
        let margin = 0;
        for (let i = s.from; i < s.to; i++) {
          const e = em[i];
          const own = e[labels[i]];
          let other = -Infinity;
          for (let y = 0; y < e.length; y++) if (y !== labels[i] && e[y] > other) other = e[y];
          margin += own - other;
        }
        margin /= s.to - s.from;
        return {
          type: s.type,
          start: tokens[s.from].start,
          end: tokens[s.to - 1].end,
          sentence,
          confidence: 1 / (1 + Math.exp(-margin)),
        };
      });
    return { tokens, labels, spans };
  });
}

const LEADING_WORDS = new Set([
  'the',
  'a',
  'an',
  'our',
  'this',
  'these',
  'those',
  'its',
  'their',
  'each',
  'both',
  'such',
]);
/**
 * Describing words that open a span in running text but are no part of a name ("a novel hybrid
 * channel model", "the conventional fully connected network"); lower case only, so a Title Case
 * name that starts with one keeps it.
 */
const DESCRIBING_WORDS = new Set([
  'novel',
  'new',
  'simple',
  'straightforward',
  'conventional',
  'traditional',
  'standard',
  'existing',
  'popular',
  'typical',
  'classical',
  'common',
  'recent',
  'previous',
  'prior',
  'various',
  'several',
  'proposed',
  'original',
  'powerful',
  'strong',
  'effective',
]);
/** Finite verbs that end a name: a span running across one ("X integrates gradient boosting") is cut before it. */
const SPAN_VERB =
  /^(?:is|are|was|were|has|have|integrates|combines|uses|achieves|outperforms|improves|extends|employs|leverages|adopts|requires|enables|introduces|provides|shows|yields|reduces|learns|captures|performs)$/;
/**
 * A span that coordinates two names ("attention and MLP layers", "supervised and masked learning")
 * is two mentions: the words before the conjunction, and the words after it.
 */
function splitCoordination(tokens: TagToken[], s: LabelSpan, text: string): LabelSpan[] {
  // Dataset names are often coordinated ("Question and Answer Corpus"); a known name stays whole.
  if (s.type === 'dataset') return [s];
  for (let i = s.from + 1; i < s.to - 1; i++)
    if (/^(?:and|or)$/.test(tokens[i].text)) {
      if (lexiconLookup(normKey(text.slice(tokens[s.from].start, tokens[s.to - 1].end))).length > 0)
        return [s];
      return [
        { type: s.type, from: s.from, to: i },
        { type: s.type, from: i + 1, to: s.to },
      ];
    }
  return [s];
}

/** A title's opening gerund ("Rethinking ...", "Scaling ...") states what the paper does, not a name. */
const TITLE_GERUND = /^[A-Z][a-z]{3,}ing$/;
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/**
 * Where a span's name ends when a short bracketed abbreviation follows it inside the span (1-3
 * tokens with a capital, closed within the span: "(MLP)"): at the bracket; else `to`.
 */
function beforeBracketedAbbreviation(tokens: TagToken[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    if (!OPEN.has(tokens[i].text)) continue;
    const window = tokens.slice(i + 1, Math.min(to, i + 5));
    const size = window.findIndex((t) => CLOSE.has(t.text));
    if (size >= 1 && size <= 3 && window.slice(0, size).some((t) => /\p{Lu}/u.test(t.text))) return i;
  }
  return to;
}

/** A span without leading determiners, trailing punctuation or an unbalanced bracket; null when nothing is left. */
function tidySpan(tokens: TagToken[], s: LabelSpan, inTitle: boolean): LabelSpan | null {
  let { from, to } = s;
  while (
    from < to &&
    (LEADING_WORDS.has(tokens[from].text.toLowerCase()) ||
      DESCRIBING_WORDS.has(tokens[from].text) ||
      (inTitle && TITLE_GERUND.test(tokens[from].text)))
  )
    from++;
  for (let i = from + 1; i < to; i++)
    if (SPAN_VERB.test(tokens[i].text)) {
      to = i;
      break;
    }
  // "multi-layer perceptron (MLP) layers": a short bracketed abbreviation after a method's name
  // ends the name; the abbreviation is its own mention (the rule layer's definitions link the
  // two). Datasets and tasks keep "Penn Treebank (PTB)" whole, as TDMSci annotates them
  // (measured: cutting those too lowered TDMSci dev dataset F1 0.503 -> 0.467).
  if (s.type === 'method') to = beforeBracketedAbbreviation(tokens, from, to);
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i].text;
    if (OPEN.has(t)) depth++;
    else if (CLOSE.has(t)) {
      if (depth === 0) {
        to = i;
        break;
      }
      depth--;
    }
  }
  if (depth > 0) {
    // An opening bracket the span does not close: cut the span before it.
    for (let i = from; i < to; i++) if (OPEN.has(tokens[i].text)) to = i;
  }
  while (to > from && /^[^\p{L}\p{N}+]$/u.test(tokens[to - 1].text)) to--;
  while (from < to && /^[^\p{L}\p{N}]$/u.test(tokens[from].text)) from++;
  return to > from ? { type: s.type, from, to } : null;
}

const TAGGED_TYPES = new Set(['method', 'dataset', 'task', 'technique']);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A new mention for a tagged span, named by the lexicon or a definition when they know it. */
function spanMention(span: TaggedSpan, defs: ReadonlyMap<string, DefinitionInfo>): Mention {
  const surface = span.sentence.fieldText.slice(span.start, span.end);
  const key = normKey(surface);
  const lex = lexiconLookup(key).find((s) => s.entry.type === span.type)?.entry;
  const def = defs.get(key);
  const confidence = Math.round((0.55 + 0.4 * span.confidence) * 100) / 100;
  const base = {
    type: span.type as Mention['type'],
    surface,
    start: span.start,
    end: span.end,
    sentence: span.sentence,
    rule: TAGGER_RULE,
    confidence,
  };
  if (lex) return { ...base, key: lex.key, name: lex.name, fromLexicon: true, aliases: lex.aliases };
  if (def && def.type !== 'stop')
    return { ...base, key: def.key, name: def.name, fromLexicon: def.fromLexicon, aliases: def.aliases };
  return { ...base, key, name: surface, fromLexicon: false, aliases: [] };
}

const GENERIC = new Set(GENERIC_AROUND_NAME);

/** Longest surface a tagged span may have to become a mention (characters). */
export const MAX_NAME_LENGTH = 120;

/**
 * The one known method a method span names, when every other word of the span only describes it
 * ("vanilla MLP network" -> MLP); the span's words become an alias.
 */
function namedInside(
  span: TaggedSpan,
  mentions: readonly Mention[],
  defs: ReadonlyMap<string, DefinitionInfo>,
): Mention | undefined {
  if (span.type !== 'method') return undefined;
  const inner = mentions.filter(
    (m) =>
      m.sentence === span.sentence &&
      m.type === 'method' &&
      m.fromLexicon &&
      m.start >= span.start &&
      m.end <= span.end &&
      (m.start > span.start || m.end < span.end) &&
      !GENERIC.has(m.surface.toLowerCase()),
  );
  const text = span.sentence.fieldText;
  const onlyGeneric = (s: string): boolean =>
    s
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '')
      .every((w) => GENERIC.has(w.toLowerCase()));
  if (inner.length === 1) {
    const m = inner[0];
    return onlyGeneric(`${text.slice(span.start, m.start)} ${text.slice(m.end, span.end)}`) ? m : undefined;
  }
  if (inner.length > 1) return undefined;
  // "LoRA adapters", "a deep ResNet model": a strongly shaped name among generic words.
  const words = [...text.slice(span.start, span.end).matchAll(NAME_SPAN)];
  const named = words.filter((w) => !GENERIC.has(w[0].toLowerCase()));
  if (named.length !== 1 || nameStrength(named[0][0]) !== 'strong') return undefined;
  const start = span.start + (named[0].index ?? 0);
  const surface = named[0][0];
  return spanMention({ ...span, start, end: start + surface.length }, defs);
}

/**
 * A coined name the rule layer found that the tagger left unmarked and that stays: a strongly
 * shaped one (CamelCase, letters with digits, "*Net" / "*Former" morphology: "QuokkaNet",
 * "GPT-4o"), which is a name whatever the tagger's context says (measured on the dev sets: GSAP
 * fold 8 method recall up, precision down a little; the dev page +3 methods).
 */
function keepsUnmarkedName(m: Mention): boolean {
  return nameStrength(m.surface) === 'strong';
}

/**
 * A span headed by a plural category noun names a group of methods, not one ("regularization
 * methods", "value-based approaches", "tuning strategies").
 */
const CATEGORY_HEAD =
  /\s(?:methods|approaches|techniques|strategies|schemes|paradigms|algorithms|families)$/i;

/**
 * A lower-case span opening with a gerund states an activity ("optimizing machine learning",
 * "pruning", "adapting"), not a method's name, unless the lexicon knows it.
 */
function opensWithGerund(surface: string): boolean {
  return /^[a-z]+ing\b(?!-)/.test(surface) && lexiconLookup(normKey(surface)).length === 0;
}

/**
 * Replaces the finder's method / dataset / task mentions by the tagger's spans. A rule mention with
 * exactly a tagged span's words is kept (retyped to the tagger's type); other tagged spans become
 * new mentions; rule mentions the tagger did not mark are dropped, except lexicon names.
 */
export function applyTagger(
  finder: MentionFinder,
  sentences: readonly Sentence[],
  defs: ReadonlyMap<string, DefinitionInfo>,
  model: TaggerModel = shippedTagger(),
): TaggedSentence[] {
  const tagged = tagSentences(model, sentences, finder.mentions, defs);
  const spans = tagged
    .flatMap((t) => t.spans)
    .filter((s) => TAGGED_TYPES.has(s.type))
    // A technique (fine-tuning schemes, losses, named mechanisms) is a method of the paper; generic
    // words alone are dropped below.
    .map((s) => (s.type === 'technique' ? { ...s, type: 'method' as const } : s));
  const kept = new Set<Mention>();
  const added: Mention[] = [];
  for (const span of spans) {
    const surface = span.sentence.fieldText.slice(span.start, span.end);
    // No name is this long: runs of garbage (a 50,000-letter "word") are not entities, and an
    // entity key that long would exceed the database's index key size.
    if (surface.length > MAX_NAME_LENGTH) continue;
    // Generic words alone ("fine-tuning", "deep learning", "framework") are never entities.
    if (span.type !== 'dataset' && isStopName(surface)) continue;
    if (span.type === 'method' && namesSoftware(span.sentence, span.end)) continue;
    if (span.type === 'method' && CATEGORY_HEAD.test(surface)) continue;
    if (span.type === 'method' && opensWithGerund(surface)) continue;
    const inside = namedInside(span, finder.mentions, defs);
    if (inside) {
      if (!inside.aliases.includes(surface)) inside.aliases = [...inside.aliases, surface];
      if (finder.mentions.includes(inside)) kept.add(inside);
      else added.push(inside);
      continue;
    }
    const exact = finder.mentions.find(
      (m) =>
        m.sentence === span.sentence && m.start === span.start && m.end === span.end && m.type !== 'concept',
    );
    if (exact) {
      exact.type = span.type as Mention['type'];
      exact.confidence = Math.max(exact.confidence, 0.55 + 0.4 * span.confidence);
      kept.add(exact);
    } else {
      added.push(spanMention(span, defs));
    }
  }
  const survivors = finder.mentions.filter((m) => {
    if (kept.has(m)) return true;
    const covered = spans.some((s) => s.sentence === m.sentence && overlaps(s, m));
    // A lexicon name the tagger left unmarked stays (architecture families such as MLP or CNN,
    // which some training corpora leave unannotated); other rule mentions need the tagger's mark.
    if (!covered && m.fromLexicon && m.type !== 'concept') return true;
    if (!covered && m.type === 'method' && keepsUnmarkedName(m)) return true;
    if (m.type === 'concept') return !spans.some((s) => s.sentence === m.sentence && overlaps(s, m));
    return false;
  });
  finder.mentions.length = 0;
  finder.mentions.push(...survivors);
  for (const m of added) finder.add(m);
  return tagged;
}
