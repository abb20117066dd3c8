// The one module that imports compromise. Registers the extraction tags and words once, at load
// (nlp plugins mutate global state), and parses only short candidate windows - never whole
// abstracts: task phrases are found by a cheap head-noun scan, and compromise tags just the few
// words before each head to decide where the phrase starts.
import nlp from 'compromise/two';
import { TASK_HEADS } from './rules/entity.rules';

const words: Record<string, string> = {};
for (const h of TASK_HEADS) words[h] = 'TaskHead';
for (const w of [
  'click-through',
  'time-series',
  'few-shot',
  'zero-shot',
  'one-shot',
  'multi-label',
  'long-term',
  'short-term',
  'multi-modal',
  'multimodal',
  'cross-lingual',
  'multilingual',
  'open-domain',
  'end-to-end',
]) {
  words[w] = 'Adjective';
}
for (const w of [
  'accurate',
  'efficient',
  'effective',
  'robust',
  'better',
  'improved',
  'superior',
  'strong',
  'fast',
  'faster',
  'scalable',
  'reliable',
  'precise',
  'high-quality',
  'novel',
  'new',
  'existing',
  'various',
  'downstream',
  'diverse',
  'different',
  'many',
  'several',
  'other',
  'such',
  'challenging',
  'difficult',
  'complex',
  'real-world',
  'practical',
  'final',
  'overall',
  'traditional',
  'conventional',
  'standard',
  'competitive',
  'generalizable',
  'general',
  'specific',
  'key',
  'important',
  'related',
  'previous',
  'recent',
  'current',
  'future',
  'joint',
  'simple',
  'large-scale',
  'small-scale',
  'good',
  'poor',
  'fine-grained',
  'subsequent',
  'direct',
  'whole',
  'entire',
  'same',
]) {
  words[w] = 'QualityWord';
}

nlp.plugin({
  tags: {
    TaskHead: { isA: 'Noun' },
    QualityWord: { isA: 'Adjective' },
  },
  words,
});

export interface Phrase {
  start: number;
  end: number;
  text: string;
}

// Only heads that name tasks on their own get tagger windows ("inference", "search" do not).
const STRONG_TASK_HEADS = TASK_HEADS.filter(
  (h) =>
    !/^(?:inference|reasoning|understanding|modeling|modelling|transfer|search|control|planning|navigation|editing|matching|labeling|labelling|alignment|grounding|ranking|adaptation|verification|identification|enhancement|restoration|diagnosis|imputation|completion)$/.test(
      h,
    ),
);
const HEAD_RE = new RegExp(`\\b(?:${STRONG_TASK_HEADS.join('|')})\\b`, 'gi');
const MODULE_HEAD_RE =
  /\b(?:layer|layers|module|modules|unit|units|block|blocks|gating|gate|head|heads|mechanism|regularization|regularizer|encoder|decoder|network|operator|attention|embedding|initialization|aggregation|mixer|router|adapter|tokenizer|basis)\b/gi;
const STOP_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QualityWord',
  'Comparative',
  'Superlative',
  'Possessive',
  'Modal',
  'Copula',
  'QuestionWord',
];

/** compromise's internal term shape (after compute('offset')). */
interface RawTerm {
  text: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

const FUNCTION_WORD =
  /^(?:the|a|an|of|for|to|in|on|and|or|with|by|from|as|at|its|their|our|this|that|these|those|is|are|was|were|be|we|which|such|into|via|both|each|all|any|more|most|than|no|not|new|novel)$/i;

interface Window {
  textIndex: number;
  winStart: number;
  headEnd: number;
  text: string;
}

/** Up to five words before each head, not crossing clause punctuation (pure string work). */
function collectWindows(text: string, textIndex: number, headRe: RegExp, out: Window[]): void {
  headRe.lastIndex = 0;
  for (let m = headRe.exec(text); m; m = headRe.exec(text)) {
    const headEnd = m.index + m[0].length;
    let winStart = m.index;
    let count = 0;
    while (winStart > 0 && count < 5) {
      const prev = text.lastIndexOf(' ', winStart - 2);
      const seg = text.slice(prev + 1, winStart).trim();
      if (seg === '' || /[,;:()."“”]/.test(seg)) break;
      // A function word ends the phrase without asking the tagger.
      if (FUNCTION_WORD.test(seg)) break;
      winStart = prev + 1;
      count++;
      if (prev < 0) break;
    }
    if (count === 0) continue; // a bare head ("prediction") is not a name
    out.push({ textIndex, winStart, headEnd, text: text.slice(winStart, headEnd) });
  }
}

/** What a text is searched for: task phrases, or named modules (component heads). */
export type PhraseKind = 'task' | 'module';

export interface PhraseJob {
  text: string;
  kind: PhraseKind;
}

/**
 * Phrases headed by a task head (`task`) or a component head (`module`) in each job's text: the
 * head noun with the noun/adjective modifiers before it. All candidate windows of all jobs are
 * tagged in ONE compromise call (the per-call overhead dominates on short windows; each window is
 * its own compromise sentence), then split back by offset.
 */
export function phrasesBatch(jobs: PhraseJob[]): Phrase[][] {
  const out: Phrase[][] = jobs.map(() => []);
  const windows: Window[] = [];
  jobs.forEach((j, i) => collectWindows(j.text, i, j.kind === 'task' ? HEAD_RE : MODULE_HEAD_RE, windows));
  if (windows.length === 0) return out;
  const SEP = '\n\n';
  const starts: number[] = [];
  let joined = '';
  for (const w of windows) {
    starts.push(joined.length);
    joined += w.text + SEP;
  }
  // compute('offset') + the term arrays avoid building JSON for every term (measurably faster).
  const doc = nlp(joined);
  doc.compute('offset');
  const terms: TermJson[] = ((doc as unknown as { docs: RawTerm[][] }).docs ?? []).flat().map((t) => ({
    text: t.text,
    tags: [...t.tags],
    offset: t.offset ?? { start: -1, length: 0 },
  }));
  let k = 0;
  windows.forEach((w, wi) => {
    // Before a component head, a bare verb form is a noun modifier ("feature gating").
    const nounLikeVerbs = jobs[w.textIndex].kind === 'module';
    const ws = starts[wi];
    const we = ws + w.text.length;
    while (k < terms.length && terms[k].offset.start < ws) k++;
    const mine: TermJson[] = [];
    for (let j = k; j < terms.length && terms[j].offset.start < we; j++) mine.push(terms[j]);
    if (mine.length < 2) return;
    // Walk back from the head while terms are modifiers.
    let first = mine.length - 1;
    for (let i = mine.length - 2; i >= 0; i--) {
      const t = mine[i];
      const tags = t.tags;
      const isStop = STOP_TAGS.some((s) => tags.includes(s));
      const isVerbOnly =
        tags.includes('Verb') &&
        !tags.includes('Hyphenated') &&
        !tags.includes('Noun') &&
        !/^(?:rate|time|click|point)$/i.test(t.text) &&
        !(nounLikeVerbs && i === mine.length - 2 && !/(?:ing|ed)$/i.test(t.text));
      if (isStop || isVerbOnly || /^\d/.test(t.text)) break;
      first = i;
    }
    if (first >= mine.length - 1) return;
    const start = w.winStart + (mine[first].offset.start - ws);
    const text = jobs[w.textIndex].text;
    out[w.textIndex].push({ start, end: w.headEnd, text: text.slice(start, w.headEnd) });
  });
  return out;
}

/** Task phrases ("click-through rate prediction", "zero-shot time series forecasting") in each text. */
export function taskPhrasesBatch(texts: string[]): Phrase[][] {
  return phrasesBatch(texts.map((text) => ({ text, kind: 'task' })));
}

export function taskPhrases(text: string): Phrase[] {
  return phrasesBatch([{ text, kind: 'task' }])[0];
}

/** Named sub-component phrases ("a local activation unit", "feature gating") - modifiers + a module head noun. */
export function modulePhrases(text: string): Phrase[] {
  return phrasesBatch([{ text, kind: 'module' }])[0];
}
