// The product's emission scorer (word memo + combination ids) must give exactly the numbers of the
// reference path (every feature string built and looked up), which is what training sees.
// Invented sentences only (no evaluation or training text).
import { sentenceFeatures } from '../../src/extract/tagger/features';
import {
  emissions,
  LABEL_COUNT,
  LABELS,
  parseTagger,
  shippedTagger,
  type TaggerModel,
} from '../../src/extract/tagger/model';
import { SentenceScorer } from '../../src/extract/tagger/scorer';
import { sentenceTokens, type TagToken } from '../../src/extract/tagger/tokens';
import { sentence } from '../support/sentence';

const SENTENCES = [
  'We propose QuillFormer, a sparse variant of the Transformer for long documents.',
  'Experiments on the ZebraQA benchmark show gains of 3.2 points over BiLSTM-CRF baselines.',
  'A | B and C|D are separated by bars (rare, but the tokenizer keeps them).',
  'Short.',
  'Go',
  'Our code: see the appendix; results in Table 2 [12].',
];

function hintsFor(tokens: TagToken[]): string[][] {
  return tokens.map((t, i) =>
    i % 3 === 0 ? ['r:method:B', 'rule:coined'] : t.text === 'the' ? ['stop'] : [],
  );
}

function bothPaths(model: TaggerModel, text: string, inTitle: boolean): [Float64Array[], Float64Array[]] {
  const tokens = sentenceTokens(sentence(text));
  const hints = hintsFor(tokens);
  const reference = emissions(model, sentenceFeatures(tokens, hints, inTitle));
  const fast = new SentenceScorer(model).emissions(tokens, hints, inTitle);
  return [reference, fast];
}

describe('Tagger scorer', () => {
  it('gives the shipped model the same emission scores as the feature strings do', () => {
    const model = shippedTagger();
    const scorer = new SentenceScorer(model);
    for (const text of SENTENCES)
      for (const inTitle of [false, true]) {
        const tokens = sentenceTokens(sentence(text));
        const hints = hintsFor(tokens);
        const reference = emissions(model, sentenceFeatures(tokens, hints, inTitle));
        // Twice through one scorer: the second time every word comes from the memo.
        expect(scorer.emissions(tokens, hints, inTitle)).toEqual(reference);
        expect(scorer.emissions(tokens, hints, inTitle)).toEqual(reference);
      }
  });

  it('finds combination features by id, and by string when a word holds the separator', () => {
    const ws = (label: string, v: number): number[] => LABELS.map((l) => (l === label ? v : 0));
    const model = parseTagger(
      JSON.stringify({
        format: 'papergraph-tagger/1',
        labels: LABELS,
        scale: 10,
        transitions: Array.from({ length: LABEL_COUNT + 1 }, () => LABELS.map(() => 0)),
        meta: {},
        features: {
          'ww-=<s>|a': ws('B-method', 7),
          'www=a|||b': ws('I-method', 5),
          'ww+=||b': ws('B-task', 3),
          'ss=x|||x': ws('B-dataset', 2),
          'w-2-1=<s>|<s>': ws('O', 11),
          'w+1=|': ws('B-metric', 13),
        },
      }),
    );
    const [reference, fast] = bothPaths(model, 'a | b', false);
    expect(fast).toEqual(reference);
    const B_METHOD = LABELS.indexOf('B-method');
    const I_METHOD = LABELS.indexOf('I-method');
    const B_TASK = LABELS.indexOf('B-task');
    expect(fast[0][B_METHOD]).toBeCloseTo(0.7);
    expect(fast[0][LABELS.indexOf('B-metric')]).toBeCloseTo(1.3);
    expect(fast[0][0]).toBeCloseTo(1.1);
    expect(fast[1][I_METHOD]).toBeCloseTo(0.5);
    expect(fast[1][B_TASK]).toBeCloseTo(0.3);
    expect(fast[1][LABELS.indexOf('B-dataset')]).toBeCloseTo(0.2);
  });
});
