// The one module that imports compromise. Registers the extraction tags and words once, at load
// (nlp plugins mutate global state), and parses only short candidate windows - never whole
// abstracts: task phrases are found by a cheap head-noun scan, and compromise tags just the few
// words before each head to decide where the phrase starts.
import nlp from 'compromise';
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

const HEAD_RE = new RegExp(`\\b(?:${TASK_HEADS.join('|')})\\b`, 'gi');
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

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * Task phrases in `text` (a sentence or title): a task head noun with the noun/adjective modifiers
 * before it ("click-through rate prediction", "zero-shot time series forecasting"). Only windows
 * of up to five words before a head are tagged.
 */
export function taskPhrases(text: string): Phrase[] {
  return headedPhrases(text, HEAD_RE);
}

const MODULE_HEAD_RE =
  /\b(?:layer|layers|module|modules|unit|units|block|blocks|gating|gate|head|heads|mechanism|regularization|regularizer|encoder|decoder|network|operator|attention|embedding|initialization|aggregation|mixer|router|adapter|tokenizer|basis)\b/gi;

/** Named sub-component phrases ("a local activation unit", "feature gating") - modifiers + a module head noun. */
export function modulePhrases(text: string): Phrase[] {
  return headedPhrases(text, MODULE_HEAD_RE);
}

function headedPhrases(text: string, headRe: RegExp): Phrase[] {
  const out: Phrase[] = [];
  headRe.lastIndex = 0;
  for (let m = headRe.exec(text); m; m = headRe.exec(text)) {
    const headEnd = m.index + m[0].length;
    // Window: up to 5 words before the head, not crossing clause punctuation.
    let winStart = m.index;
    let count = 0;
    while (winStart > 0 && count < 5) {
      const prev = text.lastIndexOf(' ', winStart - 2);
      const seg = text.slice(prev + 1, winStart).trim();
      if (seg === '' || /[,;:()."“”]$|[,;:()."“”]/.test(seg)) break;
      winStart = prev + 1;
      count++;
      if (prev < 0) break;
    }
    if (count === 0) continue; // a bare head ("prediction") is not a task name
    const window = text.slice(winStart, headEnd);
    const terms = (nlp(window).json({ offset: true }) as { terms: TermJson[] }[]).flatMap((s) => s.terms);
    // Walk back from the head while terms are modifiers.
    let first = terms.length - 1;
    for (let i = terms.length - 2; i >= 0; i--) {
      const t = terms[i];
      const tags = t.tags;
      const isStop = STOP_TAGS.some((s) => tags.includes(s));
      const isVerbOnly =
        tags.includes('Verb') &&
        !tags.includes('Hyphenated') &&
        !tags.includes('Noun') &&
        !/^(?:rate|time|click|point)$/i.test(t.text);
      if (isStop || isVerbOnly || /^\d/.test(t.text)) break;
      first = i;
    }
    if (first >= terms.length - 1) continue;
    const start = winStart + terms[first].offset.start;
    out.push({ start, end: headEnd, text: text.slice(start, headEnd) });
  }
  return out;
}
