// The lineage classifier (src/extract/lineage.ts, src/extract/lineage/*): the shipped model loads,
// decides deterministically, finds relations the text states, none from co-occurrence, and the
// right direction. Every sentence and name below is invented for these tests.
import { extract } from '../../src/extract/extractor';
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { LINEAGE_RELATIONS } from '../../src/extract/extraction.types';
import { LINEAGE_MODEL_FILE } from '../../src/extract/lineage';
import type { PairInput, PairSide } from '../../src/extract/lineage/features';
import { pairFeatures } from '../../src/extract/lineage/features';
import type { LineageModelFile } from '../../src/extract/lineage/model';
import { CLASSES, className, decidePair, loadLineageModel } from '../../src/extract/lineage/model';
import { normalizeName } from '../../src/names/normalize';

function paper(title: string, abstract: string): PaperInput {
  return { id: 'p1', title, abstract };
}

function edge(
  rec: ExtractionRecord,
  child: string,
  parent: string,
): ExtractionRecord['lineage'][number] | undefined {
  return rec.lineage.find(
    (l) =>
      normalizeName(l.child) === normalizeName(child) && normalizeName(l.parent) === normalizeName(parent),
  );
}

function side(text: string, surface: string, extra: Partial<PairSide> = {}): PairSide {
  const start = text.indexOf(surface);
  return {
    start,
    end: start + surface.length,
    surface,
    names: [surface],
    introduced: false,
    main: false,
    lexicon: false,
    anchor: 'none',
    ...extra,
  };
}

function pair(text: string, a: string, b: string): PairInput {
  return {
    text,
    sentStart: 0,
    sentEnd: text.length,
    first: side(text, a),
    second: side(text, b),
    mentionsBetween: 0,
    kind: 'sentence',
    inTitle: false,
  };
}

describe('lineage model file', () => {
  it('loads the shipped weights with a threshold and the eleven classes', () => {
    const model = loadLineageModel(LINEAGE_MODEL_FILE);
    expect(model.weights.size).toBeGreaterThan(100);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(LINEAGE_MODEL_FILE.classes).toEqual(CLASSES.map(className));
  });

  it('rejects a file whose classes are not the code’s, saying which', () => {
    const bad = { ...LINEAGE_MODEL_FILE, classes: ['none', 'extends>'] } as LineageModelFile;
    expect(() => loadLineageModel(bad)).toThrow(/classes none,extends> differ/);
  });

  it('rejects a weight row of the wrong width, naming the feature', () => {
    const bad = { ...LINEAGE_MODEL_FILE, features: ['bias'], rows: [[1, 2]] } as LineageModelFile;
    expect(() => loadLineageModel(bad)).toThrow(/feature bias has 2 weights/);
  });
});

describe('lineage decision', () => {
  // A hand-written two-feature model: `cue` votes for "first is the child, uses_component".
  const K = CLASSES.length;
  const row = (c: number, w: number): number[] => Array.from({ length: K }, (_, i) => (i === c ? w : 0));
  const usesFwd = CLASSES.findIndex((c) => c?.relation === 'uses_component' && c.childFirst);
  const tiny = loadLineageModel({
    format: 'papergraph-lineage-logreg',
    version: 1,
    classes: CLASSES.map(className),
    threshold: 0.5,
    relationPrior: [0.2, 0.2, 0.2, 0.2, 0.2],
    features: ['bias', 'cue'],
    rows: [row(0, 2), row(usesFwd, 6)],
  });

  it('gives an edge, its relation and direction when the weights say so', () => {
    expect(decidePair(tiny, ['bias', 'cue'])).toMatchObject({ relation: 'uses_component', childFirst: true });
  });

  it('gives none below the threshold or without the cue', () => {
    expect(decidePair(tiny, ['bias'])).toBeUndefined();
    expect(decidePair({ ...tiny, threshold: 0.999 }, ['bias', 'cue'])).toBeUndefined();
  });
});

describe('lineage features', () => {
  it('marks a size variant by name containment ("-3B" beside the base name)', () => {
    const f = pairFeatures(pair('We train WrenLM-3B from WrenLM.', 'WrenLM-3B', 'WrenLM'));
    expect(f).toEqual(expect.arrayContaining(['contain=first-contains', 'contain=first-sizevar']));
  });

  it('carries the words and cue classes between the two names', () => {
    const f = pairFeatures(pair('KestrelNet replaces the gates of QuailNet.', 'KestrelNet', 'QuailNet'));
    expect(f).toEqual(expect.arrayContaining(['bw=replaces', 'bc=REPLACE', 'dist=4']));
  });

  it('is the same list for the same pair', () => {
    const p = pair('KestrelNet combines QuailNet and LoRA.', 'KestrelNet', 'QuailNet');
    expect(pairFeatures(p)).toEqual(pairFeatures(p));
  });
});

describe('lineage in the extractor', () => {
  it('is deterministic', () => {
    const p = paper(
      'HeronNet: Gated Convolutions',
      'HeronNet builds on ResNet and adds a gated attention block.',
    );
    expect(extract(p).lineage).toEqual(extract(p).lineage);
  });

  it('finds a relation the text states, child -> parent', () => {
    const rec = extract(
      paper('HeronNet: Gated Convolutions', 'HeronNet builds on ResNet and adds a gated attention block.'),
    );
    expect({ edge: edge(rec, 'HeronNet', 'ResNet') !== undefined, all: rec.lineage }).toMatchObject({
      edge: true,
    });
    expect(edge(rec, 'ResNet', 'HeronNet')).toBeUndefined();
  });

  it('finds a component stated with "built with", child -> parent', () => {
    const rec = extract(paper('A Study', 'We propose TernNet, which is built with LoRA adapters.'));
    expect({ found: edge(rec, 'TernNet', 'LoRA') !== undefined, all: rec.lineage }).toMatchObject({
      found: true,
    });
    expect(edge(rec, 'LoRA', 'TernNet')).toBeUndefined();
  });

  it.each<[string, string, string, string]>([
    [
      '"a variant of"',
      'We propose PelicanNet, a variant of GannetNet-v2 for small images.',
      'PelicanNet',
      'GannetNet-v2',
    ],
    ['"extends"', 'OspreyNet extends KestrelNet with a second stream.', 'OspreyNet', 'KestrelNet'],
    [
      '"combines ... with"',
      'We present CurlewGAN, which combines a diffusion model with a GAN discriminator.',
      'CurlewGAN',
      'GAN',
    ],
  ])('finds lineage stated with %s, child -> parent', (_label, abstract, child, parent) => {
    const rec = extract(paper('A Study of Birds', abstract));
    expect({ found: edge(rec, child, parent) !== undefined, all: rec.lineage }).toMatchObject({
      found: true,
    });
    expect(edge(rec, parent, child)).toBeUndefined();
  });

  it('relates a title name to a later use the tagger left unmarked (name echo)', () => {
    // "Dunlin" is a mention in the title only; its use in the abstract still pairs with the Transformer.
    const rec = extract(
      paper(
        'Dunlin: Recurrent Memory for Long Documents',
        'Dunlin builds on the Transformer and adds a recurrent memory. Experiments show Dunlin is strong.',
      ),
    );
    expect({ found: edge(rec, 'Dunlin', 'Transformer') !== undefined, all: rec.lineage }).toMatchObject({
      found: true,
    });
  });

  it.each<[string, string]>([
    ['co-occurrence', 'We evaluate ResNet and BERT on ImageNet.'],
    ['comparison', 'We propose AukNet. It outperforms BERT and GPT-2 on GLUE.'],
    ['a named comparison', 'We propose HeronNet. HeronNet outperforms ResNet and BERT on ImageNet.'],
  ])('gives no edge from %s', (_label, abstract) => {
    expect(extract(paper('A Study of Models', abstract)).lineage).toEqual([]);
  });

  it.each<[string, string, string, string, boolean]>([
    [
      'a one-letter prefix marks a variant',
      'We propose R-GRU for tagging. The GRU is recurrent.',
      'R-GRU',
      'GRU',
      true,
    ],
    [
      'a size word marks a variant',
      'We propose PloverNet-Lite. It shrinks PloverNet for phones.',
      'PloverNet-Lite',
      'PloverNet',
      true,
    ],
    ['an unmentioned base gives no edge', 'We propose R-GRU for tagging.', 'R-GRU', 'GRU', false],
  ])('hyphenated names: %s', (_label, abstract, child, parent, expected) => {
    const rec = extract(paper('A Study', abstract));
    const e = edge(rec, child, parent);
    expect({ found: e?.relation === 'variant_of', all: rec.lineage }).toMatchObject({ found: expected });
  });

  it('uses only the five relation types and evidence that points at the text', () => {
    const p = paper(
      'A Study',
      'We propose PuffinNet, which extends ResNet and combines it with a Transformer using LoRA.',
    );
    const rec = extract(p);
    for (const l of rec.lineage) {
      expect(LINEAGE_RELATIONS).toContain(l.relation);
      for (const ev of l.evidence)
        expect(
          ev.sentence.includes((ev.field === 'title' ? p.title : p.abstract).slice(ev.start, ev.end)),
        ).toBe(true);
    }
  });
});
