// Decides which entities the paper introduces (its own contribution) as opposed to uses: the
// title name ("X: ...", "Deep X Network for ..."), "we propose / introduce / present X",
// "called / dubbed X", "our X", and named modules in proposal sentences - never names that the
// sentence compares against.
import { normalizeName } from '../names/normalize';
import { isStopName, lexiconLookup } from './lexicon';
import type { Mention } from './mention.types';
import type { MentionFinder } from './mentions';
import { nameStrength, singularName } from './name-shape';
import { isShouting } from './shouting';
import { COMPARISON_CUE } from './rules/lineage.rules';
import { ENTITY_RULES } from './rules/entity.rules';
import type { Sentence } from './text-units';

const R = ENTITY_RULES;
const DATASET_NAME_SHAPE = /(?:Bench|bench|QA|Set|Data|Corpus|DB|Eval|Arena|-\d+[KkM])$/;
/**
 * After the title name in the abstract: it is a dataset ("X, a new dataset", "X is a collection",
 * "(X) benchmark", "X dataset"). The words between are modifiers, never a new clause ("X, we
 * construct a dataset" says nothing about X).
 */
const DATASET_APPOSITION =
  /^(?:\)?\s*|\s*[,(]\s*(?:a|an|the)\s+(?:[\w-]+[\s-]+){0,4}?|\s+(?:is|as)\s+(?:a|an|the)\s+(?:[\w-]+[\s-]+){0,4}?)(?:dataset|benchmark|corpus|suite|collection|testbed|leaderboard|resource|database)s?\b/i;
/** Words that cannot stand between a name and its dataset head in an apposition. */
const CLAUSE_WORD = /\b(?:we|our|us|it|they|is|are|was|were|which|that|to|for|on|in|with|by)\b/i;
/** A venue tag opening a title ("EMNLP-Findings'21 X: ...", "ICLR 2024 X: ..."). */
const VENUE_PREFIX = /^\[?[\p{L}-]+(?:['’]\d{2}|\s+(?:19|20)\d{2})\]?\s+/u;
/** Shared tasks and workshops are events, not methods or datasets ("SemEval-2017 Task 1: ..."). */
const EVENT_NAME = /\b(?:Task\s+\d+|Shared Task|Workshop|Challenge\s+\d{4})$/i;

function mark(m: Mention, rule: string, confidence: number): void {
  if (!m.introduced || m.introduced.confidence < confidence) m.introduced = { rule, confidence };
}

/** Title "X: ..." / "Deep X Network for ...": the name and its kind, added as a mention when new. */
export function titleContribution(
  finder: MentionFinder,
  title: Sentence | undefined,
  abstractText: string,
): string | undefined {
  if (!title) return undefined;
  const text = title.text;
  let name: string | undefined;
  let rule = R.titleColon.id;
  let confidence = R.titleColon.confidence;
  const colon = (R.titleColon.pattern as RegExp).exec(text);
  if (colon) {
    const prefix = colon[1].trim().replace(VENUE_PREFIX, '');
    const words = prefix.split(/\s+/);
    const single = words.length === 1;
    const nameLike = words.some((w) => nameStrength(w) === 'strong');
    // A title set in capitals says nothing about names.
    const shouting = isShouting(text);
    const gerund = /ing$/i.test(words[0]) && !nameLike;
    const titleCase = words.every(
      (w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|for|and|the|with|in|on|to|a)$/.test(w),
    );
    if (
      !isStopName(prefix) &&
      !EVENT_NAME.test(prefix) &&
      !gerund &&
      !shouting &&
      (single ||
        (words.length <= 4 &&
          titleCase &&
          (nameLike || /(?:Net|Network|Model|Transformer|Former|Mixer)s?$/.test(prefix))))
    ) {
      if (
        !/^(?:Survey|Review|Position|Tutorial|Overview|Perspective|Introduction|Background|Challenges|Opportunities|Benchmarking|Towards|Toward|Beyond|Rethinking|Revisiting|Understanding|Scaling|Exploring|Improving|Learning|Demystifying|Why|How|What|When|Do|Does|Can|Is|Are)$/i.test(
          words[0],
        )
      ) {
        name = prefix;
      }
    }
  }
  if (!name) {
    const f = (R.titleFor.pattern as RegExp).exec(text);
    if (
      f &&
      !isStopName(f[1].trim()) &&
      !/^\S+ing\b/.test(f[1]) &&
      !/^(?:Towards?|Scaling|Exploring|Improving|Learning|Understanding|Rethinking|Revisiting|On|A|An|The)\b/.test(
        f[1],
      )
    ) {
      name = f[1].trim();
      rule = R.titleFor.id;
      confidence = R.titleFor.confidence;
    }
  }
  if (!name) return undefined;
  const start = title.start + text.indexOf(name);
  const end = start + name.length;
  const lex = lexiconLookup(normalizeName(name))[0];
  const afterInAbstract = abstractText
    .split(name)
    .slice(1)
    .map((s) => s.slice(0, 60));
  const restOfTitle = colon && rule === R.titleColon.id ? text.slice(colon[0].length) : '';
  const isDataset =
    lex?.entry.type === 'dataset' ||
    /\b(?:dataset|benchmark|corpus|data set|suite|testbed|leaderboard)s?\b/i.test(restOfTitle) ||
    DATASET_NAME_SHAPE.test(name) ||
    afterInAbstract.some((s) => {
      const m = DATASET_APPOSITION.exec(s);
      return m !== null && !CLAUSE_WORD.test(m[0].replace(/^\s*(?:is|as)\b/i, ''));
    }) ||
    // The abstract itself types the name as a dataset by its head or apposition ("X dataset").
    finder.mentions.some(
      (m) =>
        m.sentence.field === 'abstract' &&
        m.surface === name &&
        m.type === 'dataset' &&
        m.rule === R.datasetHead.id,
    );
  const type = isDataset ? 'dataset' : lex && lex.entry.type !== 'method' ? lex.entry.type : 'method';
  if (type === 'task' || type === 'concept') return undefined;
  // Replace what the lexicon / shape rules found inside the title name by the whole name.
  const existing = finder.mentions.find((m) => m.sentence === title && m.start === start && m.end === end);
  for (let i = finder.mentions.length - 1; i >= 0; i--) {
    const m = finder.mentions[i];
    if (m !== existing && m.sentence === title && m.start >= start && m.end <= end)
      finder.mentions.splice(i, 1);
  }
  // The title name may be the long or short form of an abbreviation the abstract defines.
  const norm = normalizeName(name);
  const def = [...finder.defs.values()].find(
    (d) => d.type !== 'stop' && (normalizeName(d.def.long) === norm || normalizeName(d.def.short) === norm),
  );
  const key = def ? def.key : lex ? lex.entry.key : normalizeName(singularName(name));
  const m =
    existing ??
    finder.add({
      type,
      key,
      name: def ? def.name : lex ? lex.entry.name : name,
      surface: name,
      start,
      end,
      sentence: title,
      rule,
      confidence,
      fromLexicon: Boolean(lex),
      aliases: def ? [...def.aliases, def.def.short] : lex ? lex.entry.aliases : [],
    });
  m.type = type;
  if (def && def.type !== 'stop') def.type = type;
  mark(m, rule, confidence);
  return m.key;
}

const PASSIVE_PROPOSAL =
  /\b(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:proposed|introduced|presented|developed|designed|devised)\b/i;
const QUALITY =
  /^(?:a|an|the|novel|new|simple|effective|efficient|general|unified|first|lightweight|scalable|two|three|our|this|these|such|proposed|additional|dedicated|specific|special|single|separate|standard|learnable|custom|powerful|straightforward|concise|flexible|robust|elegant|generic|versatile|compact|principled|practical|strong|improved|enhanced|modified|better|key|core|main|unique|innovative)$/i;

/**
 * Abbreviations the title names: the title contains the long or short form of a non-lexicon
 * abbreviation the abstract defines ("Model-tuning Via Prompts ..." + "(MVP)").
 */
export function markTitleDefinitions(finder: MentionFinder, title: Sentence | undefined): void {
  if (!title) return;
  const t = ` ${normalizeWords(title.text)} `;
  for (const d of finder.defs.values()) {
    if (d.type === 'stop' || d.fromLexicon || (d.type !== 'method' && d.type !== 'dataset')) continue;
    const long = normalizeWords(d.def.long);
    if (long.split(' ').length < 2 || !t.includes(` ${long} `)) continue;
    for (const m of finder.mentions) if (m.key === d.key && m.type === d.type) mark(m, R.titleColon.id, 0.85);
  }
}

function normalizeWords(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Marks introduced mentions in proposal sentences of the abstract. */
export function markProposals(
  finder: MentionFinder,
  abstract: Sentence[],
  titleKey: string | undefined,
): void {
  const propose = R.propose.pattern as RegExp;
  const naming = R.naming.pattern as RegExp;
  const ours = R.ourX.pattern as RegExp;
  for (const s of abstract) {
    const inS = finder.mentions
      .filter((m) => m.sentence === s && (m.type === 'method' || m.type === 'dataset'))
      .sort((a, b) => a.start - b.start);
    // (sentences without typed names can still propose named modules)
    const text = s.fieldText;
    for (const m of inS) {
      const before = text.slice(Math.max(s.start, m.start - 50), m.start);
      if (naming.test(before)) mark(m, R.naming.id, R.naming.confidence);
      else if (ours.test(before) && (!m.fromLexicon || m.key === titleKey))
        mark(m, R.ourX.id, R.ourX.confidence);
    }
    const passive = PASSIVE_PROPOSAL.exec(s.text);
    if (
      passive &&
      !/\b(?:previously|recently|have been|has been|were)\b/i.test(
        s.text.slice(0, passive.index + passive[0].length),
      )
    ) {
      for (const m of inS)
        if (!m.fromLexicon && !COMPARISON_CUE.test(text.slice(s.start, m.start)))
          mark(m, R.propose.id, R.propose.confidence - 0.08);
    }
    const pm = propose.exec(s.text);
    if (!pm) continue;
    const verbEnd = s.start + pm.index + pm[0].length;
    addModulePhrases(finder, s, verbEnd);
    addTitleCaseObject(finder, s, verbEnd);
    // Stop at the first comparison cue: what follows is what the paper compares against.
    const rest = text.slice(verbEnd, s.end);
    const cmp = COMPARISON_CUE.exec(rest);
    const limit = cmp ? verbEnd + cmp.index : s.end;
    const after = inS.filter((m) => m.start >= verbEnd && m.end <= limit);
    if (inS.length === 0) continue;
    if (after.length === 0) continue;
    // The object of the proposal: coined names (not lexicon-known), the title name, and datasets with a dataset head.
    let first = true;
    for (const m of after) {
      const between = text.slice(verbEnd, m.start);
      const coined = !m.fromLexicon || m.key === titleKey;
      const direct =
        /^\s*(?:(?:a|an|the|two|three|novel|new|simple|effective|efficient|general|unified|first|lightweight|scalable|large-scale|high-quality|comprehensive|challenging)[\s,]+)*$/i.test(
          between,
        );
      const asComponent =
        /\b(?:based on|built on|using|uses|use|via|with|from|of|on top of|inspired by|extends?|improv\w*|than|over|to|into|for)\s+(?:\w+\s+){0,2}$/i.test(
          between,
        );
      if (coined && (first || !asComponent)) {
        mark(m, R.propose.id, R.propose.confidence - (first ? 0 : 0.08));
        first = false;
      } else if (direct && m.type === 'dataset') {
        mark(m, R.propose.id, R.propose.confidence - 0.1);
      }
    }
  }
}

/** Right after a proposal verb: a Title Case multi-word name, then punctuation or a new phrase. */
const TITLE_CASE_OBJECT =
  /^\s+(?:in this (?:paper|work)\s+)?((?:\p{Lu}[\p{Ll}\p{N}-]*\s+){1,4}\p{Lu}[\p{Ll}\p{N}-]*)(?=\s*(?:[,.;:(]|\s-|\s+(?:a|an|which|that|to|for|as|with)\b))/u;

/**
 * "We propose [in this paper] Periodic Interaction Primitives, a ...": a Title Case multi-word name
 * as the direct object of a proposal verb is the paper's contribution, even without a method head.
 */
function addTitleCaseObject(finder: MentionFinder, s: Sentence, verbEnd: number): void {
  const m = TITLE_CASE_OBJECT.exec(s.fieldText.slice(verbEnd, s.end));
  if (!m) return;
  const name = m[1];
  const start = verbEnd + m[0].length - name.length;
  const end = start + name.length;
  if (isStopName(name) || lexiconLookup(normalizeName(name)).length > 0) return;
  if (finder.mentions.some((x) => x.sentence === s && x.start < end && x.end > start)) return;
  const type = DATASET_APPOSITION.test(s.fieldText.slice(end, s.end)) ? 'dataset' : 'method';
  addCoinedName(finder, s, { type, name, start, end }, R.propose.id, R.propose.confidence - 0.08);
}

/** Adds a name the paper coins in `s` (not from the lexicon) as a mention it introduces, by `rule`. */
function addCoinedName(
  finder: MentionFinder,
  s: Sentence,
  at: { type: 'method' | 'dataset'; name: string; start: number; end: number },
  rule: string,
  confidence: number,
): void {
  const added = finder.add({
    ...at,
    key: normalizeName(at.name),
    surface: at.name,
    sentence: s,
    rule,
    confidence,
    fromLexicon: false,
    aliases: [],
  });
  mark(added, rule, confidence);
}

/** Entity keys the paper introduces (any mention introduced makes the entity introduced). */
export function introducedKeys(mentions: Mention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) if (m.introduced) out.add(`${m.type}:${m.key}`);
  return out;
}

const NAMED_PHRASE =
  /\b(?:called|named|namely|dubbed|termed|coined)\s+["“]?((?:[\p{L}\p{N}][\p{L}\p{N}-]*\s+){0,3}[\p{L}\p{N}][\p{L}\p{N}-]*)["”]?(?=\s*[,.;:()]|\s+(?:to|that|which|for|as|in|on|with)\b)/gu;

/**
 * The object part of a proposal sentence: from the end of "we propose / introduce ..." up to the
 * first comparison cue (what follows that is compared against). Undefined when nothing is proposed.
 */
export function proposalObjectSpan(s: Sentence): { from: number; limit: number } | undefined {
  const pm = (R.propose.pattern as RegExp).exec(s.text);
  if (!pm) return undefined;
  const from = s.start + pm.index + pm[0].length;
  const cmp = COMPARISON_CUE.exec(s.fieldText.slice(from, s.end));
  return { from, limit: cmp ? from + cmp.index : s.end };
}

/** Named sub-components in a proposal sentence ("a novel local activation unit") are introduced methods. */
function addModulePhrases(finder: MentionFinder, s: Sentence, from: number): void {
  const text = s.fieldText;
  // "..., namely soft code assignments, ...": a multi-word name the paper gives its component.
  NAMED_PHRASE.lastIndex = 0;
  const tail = text.slice(from, s.end);
  for (let m = NAMED_PHRASE.exec(tail); m; m = NAMED_PHRASE.exec(tail)) {
    const start = from + m.index + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    if (m[1].split(/\s+/).length < 2 || isStopName(m[1])) continue;
    if (finder.mentions.some((x) => x.sentence === s && x.start < end && x.end > start)) continue;
    addCoinedName(
      finder,
      s,
      { type: 'method', name: m[1], start, end },
      R.naming.id,
      R.naming.confidence - 0.1,
    );
  }
  // Tagged with the paper's other compromise windows (MentionFinder.run), never parsed again here.
  const phrases = finder.modulePhrasesIn(s);
  for (const p0 of phrases) {
    // Prefer the longest phrase ("interaction aggregation layer" over "interaction aggregation").
    if (phrases.some((q) => q !== p0 && q.start <= p0.start && q.end > p0.end)) continue;
    // Leading evaluative words ("a straightforward ...") are not part of the name.
    let offset = 0;
    const ws = p0.text.split(/\s+/);
    while (ws.length > 1 && QUALITY.test(ws[0])) offset += ws.shift()!.length + 1;
    const p = { start: p0.start + offset, end: p0.end, text: p0.text.slice(offset) };
    const start = from + p.start;
    const end = from + p.end;
    const words = p.text.split(/\s+/);
    const modifiers = words.slice(0, -1).filter((w) => !QUALITY.test(w));
    if (modifiers.length === 0 || words.length > 5) continue;
    // "MLP layers": a known method plus a component word is that method, not a new module.
    if (lexiconLookup(normalizeName(modifiers.join(' '))).length > 0) continue;
    if (isStopName(p.text)) continue;
    const before = text.slice(Math.max(s.start, start - 30), start);
    if (/\b(?:of|than|to|for|from|in|on)\s+(?:the\s+|a\s+|an\s+)?$/i.test(before)) continue;
    // Already a known name (lexicon method inside counts as part of the module name).
    const existing = finder.mentions.find((m) => m.sentence === s && m.start === start && m.end === end);
    if (existing) {
      if (!existing.fromLexicon) mark(existing, R.namedModule.id, R.namedModule.confidence);
      continue;
    }
    if (finder.mentions.some((m) => m.sentence === s && m.start <= start && m.end >= end)) continue;
    if (lexiconLookup(normalizeName(p.text)).length > 0) continue;
    addCoinedName(
      finder,
      s,
      { type: 'method', name: p.text, start, end },
      R.namedModule.id,
      R.namedModule.confidence,
    );
  }
}

/**
 * Size/version variants of an introduced name ("FooNet-S", "FooNet-Large") are introduced too,
 * and are variants of it. Returns [variant, base] pairs.
 */
export function markIntroducedVariants(finder: MentionFinder): [Mention, Mention][] {
  const pairs: [Mention, Mention][] = [];
  const intro = finder.mentions.filter((m) => m.introduced && m.type === 'method');
  for (const m of finder.mentions) {
    if (m.type !== 'method' || m.fromLexicon) continue;
    const base = intro.find(
      (b) =>
        b.key !== m.key &&
        m.name.startsWith(`${b.name}-`) &&
        /^-[\p{L}\p{N}]{1,6}$/u.test(m.name.slice(b.name.length)),
    );
    if (!base) continue;
    mark(m, R.introducedVariant.id, R.introducedVariant.confidence);
    pairs.push([m, base]);
  }
  return pairs;
}
