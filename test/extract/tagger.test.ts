// The statistical mention tagger: the shipped model loads, decoding obeys BIO, spans map back to
// exact text, the extractor's output is deterministic, and the model's hash is in the version.
// Invented sentences only (no evaluation or training text).
import { extract, EXTRACTOR_VERSION, voteTypes } from '../../src/extract/extractor';
import type { Mention } from '../../src/extract/mention.types';
import {
  allowed,
  LABELS,
  labelSpans,
  parseTagger,
  shippedTagger,
  shippedTaggerHash,
  viterbi,
} from '../../src/extract/tagger/model';
import {
  prepareTokens,
  sentenceFeatures,
  shapeOf,
  triggerFeatureLists,
} from '../../src/extract/tagger/features';
import { sentenceTokens } from '../../src/extract/tagger/tokens';
import type { Sentence } from '../../src/extract/text-units';
import { sentence } from '../support/sentence';

describe('Tagger: tokens and features', () => {
  it('splits hyphens and brackets into tokens with exact offsets', () => {
    const s = sentence('A BERT-based (v2) model.');
    const toks = sentenceTokens(s);
    expect(toks.map((t) => t.text)).toEqual(['A', 'BERT', '-', 'based', '(', 'v2', ')', 'model', '.']);
    for (const t of toks) expect(s.fieldText.slice(t.start, t.end)).toBe(t.text);
    expect(toks[2].spaceBefore).toBe(false);
    expect(toks[4].spaceBefore).toBe(true);
  });

  it('collapses word shapes', () => {
    expect(shapeOf('ResNet50')).toBe('XxXxd');
    expect(shapeOf('MLP')).toBe('X');
    expect(shapeOf('mixer')).toBe('x');
  });

  it('gives every token features, including the rule hints', () => {
    const toks = sentenceTokens(sentence('We train FooNet.'));
    const feats = sentenceFeatures(toks, [[], [], ['r:method:B'], []], false);
    expect(feats).toHaveLength(toks.length);
    expect(feats[2]).toEqual(expect.arrayContaining(['w=foonet', 'h=r:method:B']));
    expect(feats[1]).toContain('h+1=r:method:B');
  });

  it('gives each token the nearest category noun on either side, with its distance class', () => {
    // 0 The 1 two 2 baselines 3 we 4 use 5 are 6 FooNet 7 and 8 BarNet 9 on 10 three 11 benchmarks 12 .
    const toks = sentenceTokens(
      sentence('The two baselines we use are FooNet and BarNet on three benchmarks.'),
    );
    const lists = triggerFeatureLists(prepareTokens(toks));
    expect(lists[6]).toEqual(['tl=method|m', 'tr=dataset|m']);
    expect(lists[8]).toEqual(['tl=method|m', 'tr=dataset|n']);
    expect(lists[0]).toEqual(['tr=method|n']);
    expect(lists[12]).toEqual(['tl=dataset|n']);
    // the same features reach the token through sentenceFeatures (training and the product)
    expect(
      sentenceFeatures(
        toks,
        toks.map(() => []),
        false,
      )[6],
    ).toEqual(expect.arrayContaining(['tl=method|m', 'tr=dataset|m']));
  });
});

describe('Tagger: decoding', () => {
  it('never puts I-x after O or after another type', () => {
    const O = 0;
    const bMethod = LABELS.indexOf('B-method');
    const iMethod = LABELS.indexOf('I-method');
    const iDataset = LABELS.indexOf('I-dataset');
    expect(allowed(-1, iMethod)).toBe(false);
    expect(allowed(O, iMethod)).toBe(false);
    expect(allowed(bMethod, iMethod)).toBe(true);
    expect(allowed(bMethod, iDataset)).toBe(false);
    // Emissions that favour I-method everywhere still decode to a valid sequence.
    const em = [0, 1, 2].map(() => Float64Array.from(LABELS, (l) => (l === 'I-method' ? 10 : 0)));
    const zero = LABELS.map(() => 0);
    const path = viterbi(em, [zero, ...LABELS.map(() => zero)]);
    for (let i = 0; i < path.length; i++) expect(allowed(i === 0 ? -1 : path[i - 1], path[i])).toBe(true);
  });

  it('reads spans off BIO labels', () => {
    const b = LABELS.indexOf('B-dataset');
    expect(labelSpans([0, b, b + 1, 0, b])).toEqual([
      { type: 'dataset', from: 1, to: 3 },
      { type: 'dataset', from: 4, to: 5 },
    ]);
  });

  it('rejects a model file of another format or label set', () => {
    expect(() => parseTagger(JSON.stringify({ format: 'x', labels: [] }))).toThrow(/unknown format/);
    expect(() =>
      parseTagger(
        JSON.stringify({
          format: 'papergraph-tagger/1',
          labels: ['O'],
          scale: 1,
          transitions: [],
          features: {},
          meta: {},
        }),
      ),
    ).toThrow(/labels/);
  });
});

describe('Tagger: the shipped model', () => {
  it('loads, and its hash is part of the extractor version', () => {
    const model = shippedTagger();
    expect(model.rows.size).toBeGreaterThan(1000);
    expect(model.transitions).toHaveLength(LABELS.length + 1);
    expect(shippedTaggerHash()).toMatch(/^[0-9a-f]{8}$/);
    expect(EXTRACTOR_VERSION).toMatch(/^2\.\d+\.\d+\+[0-9a-f]{8}$/);
  });

  it('tags invented names in context, with evidence offsets that point at them', () => {
    const rec = extract({
      id: 'x',
      title: 'A Study of Sparse Routing',
      abstract:
        'We fine-tune a ZanderFormer encoder and compare it with BiLSTM and ResNet-50 baselines on the QuillBench dataset for image classification.',
    });
    const names = rec.entities.map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(
      expect.arrayContaining(['method:ZanderFormer', 'dataset:QuillBench', 'task:image classification']),
    );
    for (const e of rec.entities)
      for (const ev of e.evidence) expect(ev.sentence.length).toBeGreaterThanOrEqual(ev.end - ev.start);
  });

  it('names a known method inside a descriptive span by its own name and keeps the span as an alias', () => {
    const rec = extract({
      id: 'x',
      title: 'A Study',
      abstract: 'Our encoder is a vanilla MLP network with two layers.',
    });
    const mlp = rec.entities.find((e) => e.type === 'method' && e.name === 'MLP');
    expect(mlp).toBeDefined();
    expect(rec.entities.some((e) => e.name === 'vanilla MLP network')).toBe(false);
  });

  it('is deterministic', () => {
    const p = {
      id: 'x',
      title: 'KestrelNet: Gated Tokens',
      abstract: 'We propose KestrelNet, evaluated on the PlumeSet benchmark.',
    };
    expect(JSON.stringify(extract(p))).toBe(JSON.stringify(extract({ ...p })));
  });
});

describe('Tagger: hostile text', () => {
  it('makes no entity of a run of garbage longer than any name', () => {
    const rec = extract({
      id: 'x',
      title: 'T',
      abstract: `${'A'.repeat(50 * 1024)} and ${'Б'.repeat(25 * 1024)}`,
    });
    expect(rec.entities.filter((e) => e.name.length > 120)).toEqual([]);
  });
});

describe('Tagger: span clean-up and typing', () => {
  const names = (title: string, abstract: string): string[] =>
    extract({ id: 'p', title, abstract }).entities.map((e) => e.name);

  it('drops describing words that open a span ("a conventional ... network")', () => {
    const got = names(
      'Efficient Operators',
      'Drawing an analogy with a conventional fully connected neural network, we define a new operator layer. ' +
        'A straightforward gated convolutional network is used as the encoder.',
    );
    expect(got).toEqual(
      expect.arrayContaining(['fully connected neural network', 'gated convolutional network']),
    );
    expect(got.filter((n) => /^(?:conventional|straightforward|novel|new) /.test(n))).toEqual([]);
  });

  it('makes no method of a category of methods ("regularization methods")', () => {
    const got = names(
      'Grokking Small Nets',
      'We study regularization methods such as weight decay and dropout, and value-based approaches for control.',
    );
    expect(got.filter((n) => / (?:methods|approaches)$/.test(n))).toEqual([]);
  });

  it('makes no method of a lower-case activity opening with a gerund ("optimizing machine learning")', () => {
    const got = names(
      'Tabu Search for Admissions',
      'We combine tabu search with gradient boosting, optimizing machine learning models for admission prediction. Pruning the ensemble and scaling the features help.',
    );
    expect(got.filter((n) => /^[a-z]+ing\b/.test(n))).toEqual([]);
  });

  it('ends a name at a finite verb and splits coordinated names, but not a known name with "and"', () => {
    expect(names('A Study', 'T-Boost integrates gradient boosting with tabu search.')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/integrates/)]),
    );
    const coordinated = names('A Study', 'Removing attention and MLP layers hurts accuracy.');
    expect(coordinated.filter((n) => / and /.test(n))).toEqual([]);
    expect(coordinated).toContain('MLP');
    expect(names('A Study', 'We compare the deep and cross network with DeepFM.')).toContain('DCN');
  });

  it('ends a method name before a bracketed abbreviation ("multi-layer perceptron (MLP) layers")', () => {
    const got = names(
      'Mixers for Tables',
      'Such models rely on multi-layer perceptron (MLP) layers to mix channels, and on gated recurrent unit (GRU) cells.',
    );
    expect(got.filter((n) => /[()]/.test(n))).toEqual([]);
  });

  it('makes no method of a title opening gerund ("Scaling ...")', () => {
    const got = names(
      'Scaling Graph Transformers to Billions of Nodes',
      'We scale graph transformers with a sampler.',
    );
    expect(got).not.toContain('Scaling');
    expect(got.some((n) => /Graph Transformer/i.test(n))).toBe(true);
  });

  it('types a name by the summed votes of its mentions; a lexicon mention decides', () => {
    const s: Sentence = sentence('x');
    const m = (type: Mention['type'], confidence: number, fromLexicon = false): Mention => ({
      type,
      key: 'wombatnet',
      name: 'WombatNet',
      surface: 'WombatNet',
      start: 0,
      end: 9,
      sentence: s,
      rule: 'test',
      confidence,
      fromLexicon,
      aliases: [],
    });
    expect(voteTypes([m('dataset', 0.95), m('method', 0.55), m('method', 0.55)]).get('wombatnet')).toBe(
      'method',
    );
    expect(voteTypes([m('dataset', 0.95), m('method', 0.55)]).get('wombatnet')).toBe('dataset');
    expect(voteTypes([m('method', 0.9), m('method', 0.9), m('dataset', 0.5, true)]).get('wombatnet')).toBe(
      'dataset',
    );
  });
});
