// Finds entity mentions in one paper: lexicon names (with versions), abbreviation definitions,
// coined names typed by their shape and context, multi-word Title Case method names, task phrases
// and lexicon concepts. Roles and lineage are decided later (roles.ts, lineage.ts).
import type { EntityType } from '../names/normalize';
import type { AcronymDefinition } from './acronyms';
import { findAcronymDefinitions } from './acronyms';
import {
  isLexiconKeyPrefix,
  isStopName,
  lexiconEntryFor,
  lexiconLookup,
  LEXICON_MAX_TOKENS,
  normKey,
} from './lexicon';
import type { LexiconSurface } from './lexicon';
import type { Mention } from './mention.types';
import { isGenericAffix, nameStrength, singularName, stripGenericAffixes } from './name-shape';
import { phrasesBatch } from './nlp';
import type { Phrase, PhraseJob } from './nlp';
import { proposalObjectSpan } from './roles';
import { ENTITY_RULES, TASK_HEADS } from './rules/entity.rules';
import { isShouting } from './shouting';
import type { Sentence } from './text-units';
import { foldPlural, nameSpans, wordTokens } from './text-units';

const GAP_OK = /^(?:|\s|-|\s-\s|_|\.|\/|\s&\s|\s\/\s|')$/;
const VERSION_AFTER =
  /^(?:\.\d+|\s\d+(?:\.\d+)?[BM](?![\p{L}\p{N}])|\sInstruct|\s(?:LARGE|BASE|Large|Base)(?![\p{L}\p{N}])(?!\s+\p{Lu})|-?(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[KkMB]|XXL|XL|Large|Base|Small|Tiny|Mini|Medium|Huge|Giant|large|base|small|tiny|mini|medium|huge|xl|xxl|[BLSHbt]\/\d+|Turbo|Pro|Ultra|Plus|Instruct|Chat|V\d+))+(?![\p{L}\p{N}])/u;
const SPACE_VERSION_AFTER =
  /^\s(?:\d+\.\d+|\d{1,2}(?=[,.;:)]|\s+(?:and|or|model|models|with|on|in|achieve|achieves|outperform)\b))/;

const METHOD_LONG_HEAD =
  /(?:network|networks|net|model|models|transformer|transformers|machine|machines|perceptron|perceptrons|mixer|encoder|autoencoder|decoder|attention|mechanism|algorithm|optimization|optimizer|layer|layers|module|unit|units|regression|tree|trees|forest|embedding|embeddings|adaptation|tuning|distillation|sampling|search|descent|prompting|pruning|quantization|normalization|gating|aggregation|architecture|block|blocks|head|heads|operator|kernel|memory|former|gan|process|field|fields|flow|flows|policy|learner|estimator|filter|filtering|classifier|generator|discriminator|routing|pooling|convolution|propagation|boosting|retrieval|generation)$/i;
const DATASET_LONG_HEAD =
  /(?:dataset|datasets|benchmark|benchmarks|corpus|corpora|bank|treebank|suite|collection|challenge|set|database|arena)$/i;
const EVAL_CUE =
  /\b(?:evaluat\w*|experiment\w*|benchmark\w*|dataset\w*|tested|test|results?|achiev\w*|accuracy|perform\w*|state-of-the-art|sota|outperform\w*|score\w*|trained|pre-?trained|fine-?tuned|validate\w*|empirical\w*|top-1|f1|improv\w*)\b/i;
const NOT_DATASET_BEFORE =
  /\b(?:based|built|relies|rely|relying|focus(?:es|ed|ing)?|depend(?:s|ing)?|conditioned|trained|operat\w*|shed light|light|act\w*|work\w*|draw\w*|run\w*|build\w*)\s+(?:up)?on\s+(?:the\s+)?$/i;
const DATASET_APPOSITION_BEFORE =
  /\b(?:dataset|benchmark|corpus|suite|testbed|collection|database)s?\s*[,:]?\s*(?:called|named|dubbed|termed|coined)?\s*["“']?$/i;
/** Between two members of one list, a member's parenthesized score allowed ("X (91.2), Y"). */
const LIST_GAP = /^\s*(?:\([^()]{0,40}\)\s*)?(?:,|and|or|,\s*and|,\s*or|\/|&)\s*$/;
const DATASET_APPOSITION_AFTER =
  /^\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:dataset|benchmark|corpus|suite|collection|testbed|data set|database)\b/i;
const TRAINED_ON =
  /\b(?:trained|pre-?trained|fine-?tuned|finetuned|tuned)\s+(?:\w+\s+){0,3}?on\s+(?:the\s+)?$/i;
const TITLE_CASE_METHOD =
  /\b((?:\p{Lu}[\p{L}\p{N}]*(?:-\p{L}[\p{L}\p{N}]*)?\s+){1,4}(?:Networks?|Transformers?|Machines?|Mixers?|Autoencoders?|Perceptrons?|Encoders?|Decoders?|Nets?|Forests?|Models?|Attention))\b/gu;

/** Lower-case words that cannot modify a dataset head ("X on four benchmark datasets"). */
const NOT_MODIFIER =
  /^(?:on|in|at|of|for|to|with|by|from|into|over|across|and|or|the|a|an|its|their|our|this|that|these|those|several|many|multiple|various|some|all|both|each|two|three|four|five|six|seven|eight|nine|ten|is|are|was|were|be|has|have|had|uses?|used|using|achieves?|shows?|than|as|via|new|other|public|standard|popular|common|existing|large|small)$/;
/**
 * After a name: a metric of it ("the X accuracy", "the X denotation accuracy to 57.5%"). A score
 * measured on X names the dataset X.
 */
const METRIC_AFTER =
  /^\s+(?:(?:test|dev|validation|average|denotation|exact-match|top-1|top-5|zero-shot|few-shot)\s+)?(?:accuracy|accuracies|F1|F1-score|EM|BLEU|ROUGE(?:-\w+)?|perplexity|mAP|AUC|error rate|score)\s+(?:of|to|on|is|was|from|by|improv\w*|increas\w*|\(|\d)/i;
/** "... tasks / datasets / benchmarks, including X" / "such as X": X is one of those sets. */
const LIST_OF_SETS_BEFORE =
  /\b(datasets?|benchmarks?|corpora|tasks?|problems?)\s*,?\s+(?:including|such as|like|e\.g\.,?|namely)\s+(?:the\s+)?$/i;
/** After a name: it is the subject of a comparison ("X outperforms", "X consistently beats"). */
const ACTS_AS_METHOD_AFTER =
  /^\s+(?:\w+ly\s+)?(?:outperform(?:s|ed)?|surpass(?:es|ed)?|beats|beat|exceeds|underperforms)\b/;
/** Before a name: the object of "we propose / introduce / present". */
const PROPOSED_BEFORE = /\bwe\s+(?:propose|introduce|present|develop|design)\s+$/i;
/**
 * A model size written as a separate capitalized word after a coined name ("X LARGE", "X Base"),
 * not the start of a longer Title Case name ("X Large Scale Visual ...").
 */
const SIZE_WORD_AFTER = /^\s(?:LARGE|BASE|SMALL|HUGE|Large|Base|Small|Huge)(?![\p{L}\p{N}])(?!\s+\p{Lu})/u;
/** After a metric name: its value ("MAE of 2.21", "MAE = 0.3", "MAE: 1.2"). */
const METRIC_VALUE_AFTER = /^\s*(?:of|=|:|≈|<|>|is|was|at)?\s*[-+]?\d/;
/** A capitalized word hyphenated to the front of a name ("Dual-" in "Dual-CycleGAN"). */
const CAPITALIZED_PREFIX = /(?:^|[^\p{L}\p{N}-])(\p{Lu}\p{Ll}+-)$/u;
const LOWER_WORD = /^[a-z]+$/;
/** Nouns after a definition that make the abbreviation a modifier of a non-method thing. */
const NOT_A_METHOD_HEAD =
  /^(?:codes?|channels?|signals?|devices?|data|values?|scores?|settings?|tasks?|problems?|domains?|languages?|sensors?|images?|videos?|users?|patients?)$/;
/** A dimension prefix before a known method name ("1D-", "3D "). */
const DIMENSION_BEFORE = /(?:^|[^\p{L}\p{N}])([1-4]D[- ]?)$/u;
/** A name ending in a year: "-2017", " 2017", "'21". */
const YEAR_TAGGED = /(?:[-_\s](?:19|20)\d{2}|['’]\d{2})$/;
/** A parenthesized score right after a name: "X (0.79 -> 0.84)", "X (81.2%)". */
const SCORE_AFTER = /^\s*\(\s*[+-]?\d+(?:\.\d+)?\s*%?\s*(?:\)|→|->|\/|,|±|to\b)/;

/** After a Title Case method head: the name continues with another capitalized content word. */
const NAME_GOES_ON =
  /^\s+(?!(?:For|With|On|In|Of|And|Or|To|Via|Using|From|By|At|As|Is|Are|The|A|An)\b)\p{Lu}\p{Ll}/u;
/** After a name: it names a software package, not a method. */
const SOFTWARE_AFTER = /^\s+(?:library|libraries|toolkit|toolkits|package|packages|codebase)\b/i;

/** "the HuggingFace Transformers library": a name followed by library / toolkit / package is software. */
export function namesSoftware(sentence: Sentence, end: number): boolean {
  return SOFTWARE_AFTER.test(sentence.fieldText.slice(end, end + 24));
}
const TASK_HEAD_ALT = TASK_HEADS.join('|') + '|learning';

export interface PaperFields {
  title: Sentence[];
  abstract: Sentence[];
}

export interface DefinitionInfo {
  def: AcronymDefinition;
  type: EntityType | 'stop';
  key: string;
  name: string;
  aliases: string[];
  fromLexicon: boolean;
}

function titleCaseRatio(s: string): number {
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

/** Types every abbreviation defined in the paper (lexicon first, else the long form's head word). */
export function collectDefinitions(sentences: Sentence[]): Map<string, DefinitionInfo> {
  const out = new Map<string, DefinitionInfo>();
  for (const sentence of sentences) {
    for (const def of findAcronymDefinitions(sentence)) {
      const shortKey = normKey(def.short);
      if (out.has(shortKey)) continue;
      if (isStopName(def.short) || isStopName(def.long)) {
        out.set(shortKey, {
          def,
          type: 'stop',
          key: shortKey,
          name: def.short,
          aliases: [],
          fromLexicon: false,
        });
        continue;
      }
      const lex = lexiconEntryFor(def.short) ?? lexiconEntryFor(def.long);
      // A lexicon hit on only one form must agree with the other form's shape to be trusted.
      if (
        lex &&
        (lexiconEntryFor(def.long)?.key === lex.key || lexiconEntryFor(def.short)?.key === lex.key)
      ) {
        out.set(shortKey, {
          def,
          type: lex.type,
          key: lex.key,
          name: lex.name,
          aliases: [def.short, def.long],
          fromLexicon: true,
        });
        continue;
      }
      const lastWord = def.long.split(/[\s-]+/).pop() ?? '';
      // "Long Form (LF) benchmark / model": the head noun after the definition.
      const headAfter = (/^s?\)\s+([a-z]+)/.exec(sentence.fieldText.slice(def.shortEnd, def.shortEnd + 30)) ??
        [])[1];
      const R = ENTITY_RULES;
      let type: EntityType | 'stop';
      if (DATASET_LONG_HEAD.test(lastWord)) type = 'dataset';
      // "general face recognition (GFR) dataset": the abbreviation names the task the data is for.
      else if (headAfter && (R.datasetHead.pattern as RegExp).test(headAfter))
        type = new RegExp(`^(?:${TASK_HEADS.join('|')})$`, 'i').test(lastWord) ? 'task' : 'dataset';
      else if (headAfter && (R.methodHead.pattern as RegExp).test(headAfter)) type = 'method';
      else if (headAfter && NOT_A_METHOD_HEAD.test(headAfter))
        type = 'concept'; // "(LDPC) codes"
      else if (nameStrength(def.short) === 'strong' && /\p{Ll}/u.test(def.short))
        type = 'method'; // LaMo, TransTEE
      else if (METHOD_LONG_HEAD.test(lastWord)) type = 'method';
      else if (new RegExp(`^(?:${TASK_HEAD_ALT})$`, 'i').test(lastWord)) type = 'task';
      else if (nameStrength(def.short) === 'strong' || titleCaseRatio(def.long) >= 0.6) type = 'method';
      else type = 'concept';
      out.set(shortKey, {
        def,
        type,
        key: normKey(def.short),
        name: def.short,
        aliases: [def.long],
        fromLexicon: false,
      });
    }
  }
  return out;
}

/** Picks the lexicon surface that matches the text, honouring case-sensitive single words. */
function acceptSurface(
  list: readonly LexiconSurface[],
  text: string,
  sentenceInitial: boolean,
  inTitle: boolean,
): LexiconSurface | undefined {
  for (const s of list) {
    if (!s.caseSensitive) return s;
    const sing = text.endsWith('s') && !s.surface.endsWith('s') ? text.slice(0, -1) : text;
    const exact = sing === s.surface || text === s.surface;
    if (!exact) continue;
    const capitalizedWord = /^\p{Lu}\p{Ll}+$/u.test(s.surface);
    if (capitalizedWord && (sentenceInitial || inTitle)) continue;
    return s;
  }
  return undefined;
}

interface Covered {
  start: number;
  end: number;
}

function overlaps(covered: Covered[], start: number, end: number): boolean {
  return covered.some((c) => start < c.end && end > c.start);
}

/** The text of the whole name span around [start, end), for the affix check. */
function enclosingSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && /[-_/.]/.test(text[s - 1]) && s > 1 && /[\p{L}\p{N}]/u.test(text[s - 2])) {
    s -= 2;
    while (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1])) s--;
  }
  while (e < text.length - 1 && /[-_/]/.test(text[e]) && /[\p{L}\p{N}]/u.test(text[e + 1])) {
    e += 2;
    while (e < text.length && /[\p{L}\p{N}]/u.test(text[e])) e++;
  }
  return { start: s, end: e };
}

/** Are the parts of the enclosing span outside [start,end) only generic affixes ("-based", "non-")? */
function affixesOk(text: string, start: number, end: number, only?: 'prefix'): boolean {
  const span = enclosingSpan(text, start, end);
  const before = text
    .slice(span.start, start)
    .split(/[-_/.]/)
    .filter(Boolean);
  const after = text
    .slice(end, span.end)
    .split(/[-_/.]/)
    .filter(Boolean);
  return (
    before.every((p) => isGenericAffix(p, 'prefix')) &&
    (only === 'prefix' || after.every((p) => isGenericAffix(p, 'suffix')))
  );
}

const GENERIC_HEADS = [
  'model',
  'models',
  'method',
  'methods',
  'framework',
  'approach',
  'network',
  'networks',
  'architecture',
];
const GENERIC_HEAD = new RegExp(`^(?:${GENERIC_HEADS.join('|')})$`, 'i');
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface LongFormPattern {
  /** The long form's words, lower-cased (a closing generic head left out). */
  words: string[];
}

function longFormPattern(long: string): LongFormPattern | null {
  let words = long.split(/[\s-]+/).filter(Boolean);
  // A generic head closing the long form may be left out elsewhere ("X CNN model (XCM)" / "X CNN").
  if (words.length > 2 && GENERIC_HEAD.test(words[words.length - 1])) words = words.slice(0, -1);
  if (words.length < 2) return null;
  return { words: words.map((w) => w.toLowerCase()) };
}

const isGap = (c: string | undefined): boolean => c !== undefined && /[\s-]/.test(c);
const wordEnds = (t: string, at: number): boolean => at >= t.length || !WORD_CHAR.test(t[at]);

/**
 * Where the long form occurs at `at` in the lower-cased sentence: its words joined by spaces or
 * hyphens, an optional plural ("s" / "es"), an optional generic head ("... model"), and a word
 * end. Returns the end offset, or -1. (A hand-written matcher: compiling a regex per definition
 * and paper cost more than the rest of the definition work.)
 */
function matchLongForm(lower: string, at: number, words: string[]): number {
  let pos = at;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      if (!isGap(lower[pos])) return -1;
      while (isGap(lower[pos])) pos++;
    }
    if (!lower.startsWith(words[i], pos)) return -1;
    pos += words[i].length;
  }
  for (const plural of ['s', 'es', '']) {
    if (!lower.startsWith(plural, pos)) continue;
    const q = pos + plural.length;
    if (isGap(lower[q])) {
      let h = q;
      while (isGap(lower[h])) h++;
      for (const head of GENERIC_HEADS)
        if (lower.startsWith(head, h) && wordEnds(lower, h + head.length)) return h + head.length;
    }
    if (wordEnds(lower, q)) return q;
  }
  return -1;
}

/**
 * The long form of a definition repeated in another sentence or the title ("... Deep Attention
 * Convolutional Neural Networks" + "a deep attention convolutional neural network (DACNN)") is the
 * defined entity there too, not the known names inside it. Case-insensitive, plural allowed.
 */
function longFormElsewhere(sentence: Sentence, lower: string, p: LongFormPattern | null): number[][] {
  if (!p) return [];
  const out: number[][] = [];
  const first = p.words[0];
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    if (at > 0 && WORD_CHAR.test(lower[at - 1])) continue; // not at a word start
    const end = matchLongForm(lower, at, p.words);
    if (end < 0) continue;
    out.push([sentence.start + at, sentence.start + end]);
    at = end - 1;
  }
  return out;
}

export class MentionFinder {
  readonly mentions: Mention[] = [];
  private covered = new Map<string, Covered[]>(); // per field

  constructor(
    private readonly fields: PaperFields,
    readonly defs: Map<string, DefinitionInfo>,
  ) {}

  /** Named-module phrases of each proposal sentence, offsets relative to its proposal object. */
  private modulePhrases = new Map<Sentence, Phrase[]>();

  modulePhrasesIn(s: Sentence): Phrase[] {
    return this.modulePhrases.get(s) ?? [];
  }

  /** Long-form patterns of this paper's definitions (per paper, never shared). */
  private longForms = new Map<string, LongFormPattern | null>();

  private longFormPattern(long: string): LongFormPattern | null {
    let p = this.longForms.get(long);
    if (p === undefined) {
      p = longFormPattern(long);
      this.longForms.set(long, p);
    }
    return p;
  }

  private cover(field: string, start: number, end: number): void {
    const list = this.covered.get(field) ?? [];
    list.push({ start, end });
    this.covered.set(field, list);
  }

  isCovered(field: string, start: number, end: number): boolean {
    return overlaps(this.covered.get(field) ?? [], start, end);
  }

  add(m: Mention): Mention {
    this.mentions.push(m);
    this.cover(m.sentence.field, m.start, m.end);
    return m;
  }

  run(): Mention[] {
    for (const s of [...this.fields.title, ...this.fields.abstract]) this.lexiconIn(s);
    for (const s of [...this.fields.title, ...this.fields.abstract]) this.definitionsIn(s);
    for (const s of [...this.fields.title, ...this.fields.abstract]) this.coinedIn(s);
    for (const s of this.fields.abstract) this.titleCaseMethodsIn(s);
    // One compromise call per paper: task windows of every sentence and the named-module windows
    // of proposal sentences (read later by roles.ts through modulePhrasesIn).
    const all = [...this.fields.title, ...this.fields.abstract];
    const jobs: PhraseJob[] = all.map((s) => ({ text: s.text, kind: 'task' }));
    const proposals: Sentence[] = [];
    for (const s of this.fields.abstract) {
      const span = proposalObjectSpan(s);
      if (!span) continue;
      proposals.push(s);
      jobs.push({ text: s.fieldText.slice(span.from, span.limit), kind: 'module' });
    }
    const phrases = phrasesBatch(jobs);
    all.forEach((s, i) => this.tasksIn(s, phrases[i]));
    proposals.forEach((s, i) => this.modulePhrases.set(s, phrases[all.length + i]));
    this.propagateLists();
    this.retypeListedDatasets();
    // "the HuggingFace Transformers library": a software package named after a method is not a
    // use of the method.
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.type === 'method' && namesSoftware(m.sentence, m.end)) this.mentions.splice(i, 1);
    }
    return this.mentions;
  }

  /** Longest-match lexicon lookup over word tokens, with version suffixes kept distinct. */
  private lexiconIn(sentence: Sentence): void {
    const text = sentence.fieldText;
    const toks = wordTokens(sentence.masked ?? text, sentence.start, sentence.end);
    const inTitle = sentence.field === 'title';
    for (let i = 0; i < toks.length; i++) {
      let matched = false;
      const maxJ = Math.min(toks.length, i + LEXICON_MAX_TOKENS);
      let key = '';
      const keys: string[] = [];
      for (let j = i; j < maxJ; j++) {
        if (j > i && !GAP_OK.test(text.slice(toks[j - 1].end, toks[j].start))) break;
        key += toks[j].norm;
        // No lexicon name starts with this run: longer runs cannot match either.
        if (!isLexiconKeyPrefix(key)) break;
        keys.push(key);
      }
      for (let j = i + keys.length - 1; j >= i && !matched; j--) {
        const list = lexiconLookup(foldPlural(keys[j - i]));
        if (list.length === 0) continue;
        const start = toks[i].start;
        const end = toks[j].end;
        const surfaceText = text.slice(start, end);
        const accepted = acceptSurface(list, surfaceText, i === 0, inTitle);
        if (!accepted) continue;
        // A name that is also a metric ("MAE"), followed by a value, is the metric.
        if (isStopName(surfaceText) && METRIC_VALUE_AFTER.test(text.slice(end, sentence.end))) continue;
        // Dimension prefix: "1D-convolutional neural network", "3D CNN" are distinct variants.
        const dim = DIMENSION_BEFORE.exec(text.slice(Math.max(sentence.start, start - 4), start));
        if (dim && accepted.entry.type === 'method') {
          const dStart = start - dim[1].length;
          const dText = text.slice(dStart, end);
          this.add({
            type: 'method',
            key: normKey(dText),
            name: dText,
            surface: dText,
            start: dStart,
            end,
            sentence,
            rule: ENTITY_RULES.lexiconVersion.id,
            confidence: ENTITY_RULES.lexiconVersion.confidence,
            fromLexicon: false,
            aliases: [],
          });
          i = j;
          matched = true;
          break;
        }
        // Version suffix: "ResNet-50", "GPT-4o", "Llama 2" are distinct entities.
        const rest = text.slice(end, sentence.end);
        const ver = VERSION_AFTER.exec(rest) ?? SPACE_VERSION_AFTER.exec(rest);
        // A version of a name that is itself inside a coined name ("KLUE-RoBERTa LARGE") is not one.
        if (ver && ver[0].trim() !== '' && affixesOk(text, start, end, 'prefix')) {
          const vEnd = end + ver[0].length;
          const vText = text.slice(start, vEnd);
          const vLex = lexiconLookup(normKey(vText))[0];
          if (vLex) this.addLexicon(sentence, vLex, start, vEnd, ENTITY_RULES.lexicon.id);
          else {
            this.add({
              type: accepted.entry.type,
              key: normKey(vText),
              name: vText,
              surface: vText,
              start,
              end: vEnd,
              sentence,
              rule: ENTITY_RULES.lexiconVersion.id,
              confidence: ENTITY_RULES.lexiconVersion.confidence,
              fromLexicon: false,
              aliases: [],
            });
          }
          while (i + 1 < toks.length && toks[i + 1].start < vEnd) i++;
          matched = true;
          break;
        }
        // Part of a larger coined name ("Strip-MLP") -> leave it to the coined-name rules. In running
        // text a capitalized prefix word is part of the name too ("Dual-CycleGAN"), even a generic one.
        if (!affixesOk(text, start, end)) continue;
        const capPrefix = CAPITALIZED_PREFIX.exec(text.slice(Math.max(sentence.start, start - 20), start));
        if (!inTitle && capPrefix && start - capPrefix[1].length > sentence.start) continue;
        this.addLexicon(sentence, accepted, start, end, ENTITY_RULES.lexicon.id);
        i = j;
        matched = true;
      }
    }
  }

  private addLexicon(sentence: Sentence, s: LexiconSurface, start: number, end: number, rule: string): void {
    const surface = sentence.fieldText.slice(start, end);
    // "attention" alone is a weak signal; lower case generic families get slightly less confidence.
    const conf = ENTITY_RULES.lexicon.confidence - (/^\p{Ll}+$/u.test(surface) ? 0.1 : 0);
    this.add({
      type: s.entry.type,
      key: s.entry.key,
      name: s.entry.name,
      surface,
      start,
      end,
      sentence,
      rule,
      confidence: conf,
      fromLexicon: true,
      aliases: s.entry.aliases,
    });
  }

  /** Both forms of every abbreviation definition become mentions of the defined entity. */
  private definitionsIn(sentence: Sentence): void {
    // Offsets in `lower` are offsets in the sentence as long as lower-casing keeps the length.
    const slice = sentence.fieldText.slice(sentence.start, sentence.end);
    const lowered = slice.toLowerCase();
    const lower = lowered.length === slice.length ? lowered : slice;
    for (const info of this.defs.values()) {
      if (info.type === 'stop') continue;
      const { def } = info;
      const spans: number[][] =
        def.sentence === sentence
          ? [
              [def.longStart, def.longEnd],
              [def.shortStart, def.shortEnd],
            ]
          : longFormElsewhere(sentence, lower, this.longFormPattern(def.long));
      for (const [start, end] of spans) {
        // Drop lexicon mentions inside the long form ("Network" parts) in favour of the whole name.
        this.removeInside(sentence.field, start, end, info.key);
        if (
          this.mentions.some((m) => m.sentence.field === sentence.field && m.start === start && m.end === end)
        )
          continue;
        this.add({
          type: info.type,
          key: info.key,
          name: info.name,
          surface: sentence.fieldText.slice(start, end),
          start,
          end,
          sentence,
          rule: info.fromLexicon ? ENTITY_RULES.lexicon.id : ENTITY_RULES.acronymDefinition.id,
          confidence: info.fromLexicon
            ? ENTITY_RULES.lexicon.confidence
            : ENTITY_RULES.acronymDefinition.confidence,
          fromLexicon: info.fromLexicon,
          aliases: info.aliases,
        });
      }
    }
  }

  private removeInside(field: string, start: number, end: number, keepKey: string): void {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (
        m.sentence.field === field &&
        m.start >= start &&
        m.end <= end &&
        !(m.start === start && m.end === end) &&
        m.key !== keepKey
      ) {
        // Keep known names inside a long form only if the long form is not itself the entity name.
        if (m.type === 'method' || m.type === 'concept' || m.type === 'task') this.mentions.splice(i, 1);
      }
    }
    const list = this.covered.get(field) ?? [];
    this.covered.set(
      field,
      list.filter((c) => !(c.start >= start && c.end <= end)),
    );
    for (const m of this.mentions)
      if (m.sentence.field === field && m.start >= start && m.end <= end) this.cover(field, m.start, m.end);
  }

  /** Coined names (RaftMLP, Strip-MLP, KAN) typed by definition, shape and context. */
  private coinedIn(sentence: Sentence): void {
    const text = sentence.fieldText;
    // In an all-caps title or sentence, letter case is no evidence of a name.
    if (isShouting(sentence.text)) return;
    const masked = sentence.masked ?? text;
    for (const span of nameSpans(masked, sentence.start, sentence.end)) {
      // Fast path: a plain lower-case word is a name only as a defined abbreviation's form.
      const raw = text.slice(span.start, span.end);
      if (LOWER_WORD.test(raw) && !this.defs.has(normKey(raw))) continue;
      if (this.isCovered(sentence.field, span.start, span.end)) continue;
      const stripped = stripGenericAffixes(
        text.slice(span.start, span.end),
        sentence.field !== 'title' && span.start > sentence.start,
      );
      const offset = text.slice(span.start, span.end).indexOf(stripped);
      span.start += offset;
      span.end = span.start + stripped.length;
      if (this.isCovered(sentence.field, span.start, span.end)) continue;
      let surface = text.slice(span.start, span.end);
      if (isStopName(surface) || isStopName(singularName(surface))) continue;
      if (/\//.test(surface) && surface.split('/').some((p) => isStopName(p))) continue; // "GPU/TPU"
      let key = normKey(singularName(surface));
      const def = this.defs.get(key);
      if (def) {
        if (def.type === 'stop') continue;
        this.add({
          type: def.type,
          key: def.key,
          name: def.name,
          surface,
          start: span.start,
          end: span.end,
          sentence,
          rule: def.fromLexicon ? ENTITY_RULES.lexicon.id : ENTITY_RULES.acronymDefinition.id,
          confidence:
            (def.fromLexicon ? ENTITY_RULES.lexicon.confidence : ENTITY_RULES.acronymDefinition.confidence) -
            0.05,
          fromLexicon: def.fromLexicon,
          aliases: def.aliases,
        });
        continue;
      }
      const strength = nameStrength(surface);
      if (strength === 'none') continue;
      // "NL-PL" where the text defines NL and PL as plain notions: a pairing of them, not a name.
      const parts = surface.split(/[-/]/);
      if (
        parts.length > 1 &&
        parts.every((p) => {
          const d = this.defs.get(normKey(p));
          return d !== undefined && (d.type === 'concept' || d.type === 'stop');
        })
      )
        continue;
      // "X-Net LARGE": a size written as a separate word is part of the (distinct) size variant.
      const size = strength === 'strong' ? SIZE_WORD_AFTER.exec(text.slice(span.end, sentence.end)) : null;
      if (size) {
        span.end += size[0].length;
        surface = text.slice(span.start, span.end);
        key = normKey(surface);
      }
      const typed = this.contextType(sentence, span.start, span.end, strength);
      if (!typed) continue;
      this.add({
        type: typed.type,
        key,
        name: singularName(surface),
        surface,
        start: span.start,
        end: span.end,
        sentence,
        rule: typed.rule,
        confidence: typed.confidence,
        fromLexicon: false,
        aliases: [],
      });
    }
  }

  /** The kind of a coined name from the words around it; undefined when the context is silent and the shape weak. */
  contextType(
    sentence: Sentence,
    start: number,
    end: number,
    strength: 'strong' | 'weak',
  ): { type: EntityType; rule: string; confidence: number } | undefined {
    const typed = this.contextTypeOf(sentence, start, end, strength);
    // A coined name carrying a year ("SemEval-2017", "Venue'21") names an event or an edition of a
    // dataset, never a method.
    if (typed?.type === 'method' && YEAR_TAGGED.test(sentence.fieldText.slice(start, end))) return undefined;
    return typed;
  }

  private contextTypeOf(
    sentence: Sentence,
    start: number,
    end: number,
    strength: 'strong' | 'weak',
  ): { type: EntityType; rule: string; confidence: number } | undefined {
    const text = sentence.fieldText;
    const before = text.slice(Math.max(sentence.start, start - 60), start);
    const afterWords = text
      .slice(end, Math.min(sentence.end, end + 40))
      .trim()
      .split(/[\s,;:()."“”!?]+/);
    const next = (afterWords[0] ?? '').toLowerCase();
    const next2 = `${next} ${(afterWords[1] ?? '').toLowerCase()}`;
    const R = ENTITY_RULES;
    const dsHead = R.datasetHead.pattern as RegExp;
    const mHead = R.methodHead.pattern as RegExp;
    const w = afterWords.slice(0, 3).map((x) => x.toLowerCase());
    // A modifier is a lower-case content word ("X long-answers dataset"), never a function word
    // ("X on four benchmark datasets" says nothing about X).
    const lowerWord = (x: string | undefined): boolean =>
      x !== undefined && /^[a-z][a-z-]*$/.test(x) && !NOT_MODIFIER.test(x);
    // "X long-answers dataset": up to two lower-case modifiers before the dataset head.
    const dsAfterModifier =
      lowerWord(w[0]) && (dsHead.test(w[1] ?? '') || (lowerWord(w[1]) && dsHead.test(w[2] ?? '')));
    if (
      METRIC_AFTER.test(text.slice(end, sentence.end)) ||
      DATASET_APPOSITION_BEFORE.test(before) ||
      DATASET_APPOSITION_AFTER.test(text.slice(end, sentence.end)) ||
      dsHead.test(next) ||
      dsAfterModifier ||
      (/^(?:data|set)$/.test(next) && /set/.test(next2))
    ) {
      return { type: 'dataset', rule: R.datasetHead.id, confidence: R.datasetHead.confidence };
    }
    if (new RegExp(`^(?:${TASK_HEAD_ALT})$`, 'i').test(next) && strength === 'weak') return undefined; // "CTR prediction"
    if (mHead.test(next))
      return { type: 'method', rule: R.methodHead.id, confidence: R.methodHead.confidence };
    const evalSentence = EVAL_CUE.test(sentence.text);
    if ((R.percentOn.pattern as RegExp).test(before) && !NOT_DATASET_BEFORE.test(before)) {
      return { type: 'dataset', rule: R.percentOn.id, confidence: R.percentOn.confidence };
    }
    if (
      TRAINED_ON.test(before) ||
      (evalSentence && (R.datasetContext.pattern as RegExp).test(before) && !NOT_DATASET_BEFORE.test(before))
    ) {
      return { type: 'dataset', rule: R.datasetContext.id, confidence: R.datasetContext.confidence };
    }
    // "X outperforms / surpasses ...": what a sentence compares is a method; "we propose X" with no
    // dataset cue names the paper's method.
    if (ACTS_AS_METHOD_AFTER.test(text.slice(end, sentence.end)) || PROPOSED_BEFORE.test(before))
      return { type: 'method', rule: R.comparison.id, confidence: R.comparison.confidence };
    // "tasks / benchmarks including X": members of a list of evaluation sets, not compared methods.
    const listHead = LIST_OF_SETS_BEFORE.exec(before);
    if (listHead) {
      if (/^(?:tasks?|problems?)$/i.test(listHead[1]) && !SCORE_AFTER.test(text.slice(end, sentence.end)))
        return undefined;
      return { type: 'dataset', rule: R.datasetContext.id, confidence: R.datasetContext.confidence };
    }
    if ((R.comparison.pattern as RegExp).test(before)) {
      return { type: 'method', rule: R.comparison.id, confidence: R.comparison.confidence };
    }
    if (strength === 'strong') {
      const morph = R.nameMorphology.pattern as RegExp;
      const surface = text.slice(start, end);
      return morph.test(surface)
        ? { type: 'method', rule: R.nameMorphology.id, confidence: R.nameMorphology.confidence }
        : { type: 'method', rule: R.mixedCaseName.id, confidence: R.mixedCaseName.confidence };
    }
    return undefined;
  }

  /** Multi-word Title Case names ending in a method head inside the abstract ("Deep Residual Network"). */
  private titleCaseMethodsIn(sentence: Sentence): void {
    const text = sentence.fieldText;
    TITLE_CASE_METHOD.lastIndex = 0;
    const slice = text.slice(sentence.start, sentence.end);
    for (let m = TITLE_CASE_METHOD.exec(slice); m; m = TITLE_CASE_METHOD.exec(slice)) {
      let start = sentence.start + m.index;
      let name = m[1];
      // Drop a sentence-initial ordinary word ("The", "Our") from the name.
      const firstWord = name.split(/\s+/)[0];
      if (isStopName(firstWord) || /^(?:The|Our|A|An|This|These|We|In|On|For)$|ing$/.test(firstWord)) {
        name = name.slice(firstWord.length).trimStart();
        start = sentence.start + m.index + (m[1].length - name.length);
      }
      if (name.split(/\s+/).length < 2) continue;
      const end = start + name.length;
      // In running text a head followed by another capitalized content word is not the end of
      // the name ("Bidirectional Encoder Representations from ..."): no cut-off name.
      if (sentence.field === 'abstract' && NAME_GOES_ON.test(text.slice(end, end + 30))) continue;
      if (isStopName(name) || lexiconLookup(normKey(name)).length > 0) continue;
      if (
        this.isCovered(sentence.field, start, end) &&
        this.mentions.some((x) => x.sentence.field === sentence.field && x.start <= start && x.end >= end)
      )
        continue;
      this.removeInside(sentence.field, start, end, '');
      this.add({
        type: 'method',
        key: normKey(name),
        name,
        surface: name,
        start,
        end,
        sentence,
        rule: ENTITY_RULES.methodHead.id,
        confidence: 0.7,
        fromLexicon: false,
        aliases: [],
      });
    }
  }

  /** Task phrases (compromise on short windows) not already known as lexicon tasks. */
  private tasksIn(sentence: Sentence, phrases: Phrase[]): void {
    const text = sentence.fieldText;
    for (const p of phrases) {
      const start = sentence.start + p.start;
      const end = sentence.start + p.end;
      const surface = text.slice(start, end);
      if (isStopName(surface)) continue;
      const lex = lexiconEntryFor(surface, 'task');
      if (
        this.mentions.some(
          (m) => m.sentence.field === sentence.field && m.type === 'task' && m.start <= start && m.end >= end,
        )
      )
        continue;
      // A phrase that is a method name ("attention generation"?) stays out of tasks.
      if (
        this.mentions.some(
          (m) => m.sentence.field === sentence.field && m.type !== 'task' && m.start <= start && m.end >= end,
        )
      )
        continue;
      // A known task inside the phrase wins ("study machine translation" -> "machine translation").
      if (
        !lex &&
        this.mentions.some(
          (m) =>
            m.sentence.field === sentence.field &&
            m.type === 'task' &&
            m.fromLexicon &&
            m.start >= start &&
            m.end <= end,
        )
      )
        continue;
      for (let i = this.mentions.length - 1; i >= 0; i--) {
        const m = this.mentions[i];
        if (m.sentence.field === sentence.field && m.type === 'task' && m.start >= start && m.end <= end)
          this.mentions.splice(i, 1);
      }
      this.add({
        type: 'task',
        key: lex?.type === 'task' ? lex.key : normKey(surface),
        name: lex?.type === 'task' ? lex.name : surface.toLowerCase() === surface ? surface : surface,
        surface,
        start,
        end,
        sentence,
        rule: lex ? ENTITY_RULES.lexicon.id : ENTITY_RULES.taskPhrase.id,
        confidence: lex ? ENTITY_RULES.lexicon.confidence : ENTITY_RULES.taskPhrase.confidence,
        fromLexicon: Boolean(lex),
        aliases: lex?.aliases ?? [],
      });
    }
  }

  /**
   * A coined name typed "method" only by its shape or a comparison cue, coordinated in one list with
   * a dataset ("datasets: CIFAR-10 and FooSet-2"), is a dataset too; repeated along the list.
   */
  private retypeListedDatasets(): void {
    const weak = new Set([
      ENTITY_RULES.mixedCaseName.id,
      ENTITY_RULES.comparison.id,
      ENTITY_RULES.nameMorphology.id,
      ENTITY_RULES.listPropagation.id,
    ]);
    const retyped = new Set<string>();
    for (const s of [...this.fields.title, ...this.fields.abstract]) {
      const text = s.fieldText;
      const inS = this.mentions
        .filter((m) => m.sentence === s && (m.type === 'dataset' || m.type === 'method'))
        .sort((a, b) => a.start - b.start);
      for (let changed = true; changed;) {
        changed = false;
        for (let i = 0; i < inS.length; i++) {
          const m = inS[i];
          if (m.type !== 'method' || m.fromLexicon || !weak.has(m.rule)) continue;
          const near = [inS[i - 1], inS[i + 1]].filter((x) => x !== undefined);
          const listed = near.some(
            (x) =>
              x.type === 'dataset' &&
              LIST_GAP.test(x.end <= m.start ? text.slice(x.end, m.start) : text.slice(m.end, x.start)),
          );
          if (!listed) continue;
          m.type = 'dataset';
          m.rule = ENTITY_RULES.listPropagation.id;
          retyped.add(m.key);
          changed = true;
        }
      }
    }
    for (const m of this.mentions)
      if (m.type === 'method' && retyped.has(m.key) && !m.fromLexicon && weak.has(m.rule)) {
        m.type = 'dataset';
        m.rule = ENTITY_RULES.listPropagation.id;
      }
  }

  /**
   * Coordinated lists ("on X, Y and Z"): names in one list share the kind of their typed members.
   * Finds weak-shaped (all-caps) names next to a typed mention separated only by ", " / " and ".
   */
  private propagateLists(): void {
    for (const s of [...this.fields.title, ...this.fields.abstract]) {
      const text = s.fieldText;
      const inS = this.mentions
        .filter((m) => m.sentence === s && (m.type === 'dataset' || m.type === 'method'))
        .sort((a, b) => a.start - b.start);
      if (inS.length === 0) continue;
      const masked = s.masked ?? text;
      for (const span of nameSpans(masked, s.start, s.end)) {
        if (this.isCovered(s.field, span.start, span.end)) continue;
        const surface = text.slice(span.start, span.end);
        if (nameStrength(surface) === 'none' || isStopName(surface) || isStopName(singularName(surface)))
          continue;
        const neighbour = inS.find((m) => {
          const gap =
            m.end <= span.start
              ? text.slice(m.end, span.start)
              : m.start >= span.end
                ? text.slice(span.end, m.start)
                : 'x';
          // A member's parenthesized score may sit between ("X (81.2), Y").
          return /^(?:\s*\([^()]{0,40}\))?(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+|,\s+or\s+|\s*\/\s*|\s*&\s*)$/.test(
            gap,
          );
        });
        if (!neighbour) continue;
        this.add({
          type: neighbour.type,
          key: normKey(singularName(surface)),
          name: singularName(surface),
          surface,
          start: span.start,
          end: span.end,
          sentence: s,
          rule: ENTITY_RULES.listPropagation.id,
          confidence: ENTITY_RULES.listPropagation.confidence,
          fromLexicon: false,
          aliases: [],
        });
      }
    }
  }
}
