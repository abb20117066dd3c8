import { extract } from '../../src/extract/extractor';
import type { ExtractionRecord } from '../../src/extract/extraction.types';
import { findMetrics } from '../../src/extract/results/metric-lexicon';
import type { ResultModelFile } from '../../src/extract/results/scorer';
import {
  captureResultCandidates,
  loadResultModel,
  RESULT_MODEL_FILE,
  withResultModel,
} from '../../src/extract/results/scorer';
import { EXTRACTOR_VERSION, RESULT_MODEL_HASH } from '../../src/extract/version';

// Every sentence below is written for these tests (invented model and benchmark names, general knowledge).
function run(abstract: string, title = 'A Study of Things'): ExtractionRecord {
  return extract({ id: 'p1', title, abstract });
}

function tuples(rec: ExtractionRecord): string[] {
  return rec.results.map((r) => `${r.dataset}|${r.metric}|${r.value}${r.unit ?? ''}`).sort();
}

function modelOf(weights: Record<string, number>, threshold = 0.5): ResultModelFile {
  return {
    format: 'papergraph-results-logreg',
    version: 1,
    threshold,
    features: Object.keys(weights),
    weights: Object.values(weights),
  };
}

const acceptAll = loadResultModel(modelOf({ bias: 10 }));
const rejectAll = loadResultModel(modelOf({ bias: -10 }));

describe('Claim scorer: the shipped model', () => {
  it('is a logistic-regression file whose hash is part of the extractor version', () => {
    expect(RESULT_MODEL_FILE.format).toBe('papergraph-results-logreg');
    expect(RESULT_MODEL_FILE.features).toHaveLength(RESULT_MODEL_FILE.weights.length);
    expect(RESULT_MODEL_FILE.threshold).toBeGreaterThan(0);
    expect(RESULT_MODEL_FILE.threshold).toBeLessThan(1);
    expect(RESULT_MODEL_HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(EXTRACTOR_VERSION).toMatch(/^2\.4\.\d+\+[0-9a-f]{8}$/);
  });

  it('reports a plain claim and gives it the probability as confidence', () => {
    const rec = run('Our FernNet model reaches 86.2% top-1 accuracy on ImageNet-1K.');
    expect(tuples(rec)).toEqual(['ImageNet-1K|Top-1 Accuracy|86.2%']);
    expect(rec.results[0].confidence).toBeGreaterThanOrEqual(RESULT_MODEL_FILE.threshold);
    expect(rec.results[0].confidence).toBeLessThanOrEqual(1);
    expect(rec.results[0].rule).toBe('value-metric+dataset-after');
  });

  it('rejects a malformed model file', () => {
    expect(() => loadResultModel({ ...modelOf({ bias: 1 }), weights: [] })).toThrow(/differ in length/);
    expect(() =>
      loadResultModel({ ...modelOf({ bias: 1 }), format: 'other' } as unknown as ResultModelFile),
    ).toThrow(/unknown format/);
  });
});

describe('Claim scorer: decoding', () => {
  const sentence = 'Our PikeNet reaches 77.4 mAP on MS COCO and also runs on PASCAL VOC.';

  it('offers every dataset of the sentence as a pairing and takes the best-scored one', () => {
    const { result: rec, papers } = captureResultCandidates(() =>
      withResultModel(acceptAll, () => run(sentence)),
    );
    const datasets = new Set(papers[0].map((c) => c.dataset));
    expect(rec.entities.filter((e) => e.type === 'dataset').length).toBeGreaterThanOrEqual(2);
    expect(datasets.size).toBeGreaterThanOrEqual(2);
    // A model that prefers "another dataset of the sentence" over the rules' choice picks it.
    const other = loadResultModel(modelOf({ bias: 1, 'd.rule=dataset-in-sentence': 5 }));
    const picked = withResultModel(other, () => run(sentence));
    const ruled = withResultModel(loadResultModel(modelOf({ bias: 1, 'd.chosen': 5 })), () => run(sentence));
    expect(picked.results).toHaveLength(1);
    expect(ruled.results).toHaveLength(1);
    expect(picked.results[0].dataset).not.toBe(ruled.results[0].dataset);
    expect(picked.results[0].rule).toMatch(/\+dataset-in-sentence$/);
  });

  it('reports nothing when no pairing reaches the threshold', () => {
    expect(withResultModel(rejectAll, () => run(sentence)).results).toEqual([]);
  });

  it('takes a metric named in an earlier sentence when the sentence names none', () => {
    const rec = withResultModel(acceptAll, () =>
      run('We measure the F1 of entity tagging. PikeNet gets 91.3 on the Marten corpus.'),
    );
    expect(rec.results.map((r) => `${r.metric}|${r.value}|${r.rule.split('+')[0]}`)).toEqual([
      'F1|91.3|metric-context',
    ]);
  });

  it('pairs a capitalised name after "on" when the record has no dataset there', () => {
    const rec = withResultModel(acceptAll, () => run('The tagger reaches 88.1% accuracy on Zorblat.'));
    expect(rec.entities.some((e) => e.name === 'Zorblat')).toBe(false);
    expect(rec.results.map((r) => `${r.dataset}|${r.rule}`)).toEqual([
      'Zorblat|value-metric+dataset-name-shape',
    ]);
  });

  it('reads a plural metric before "of" as its singular', () => {
    expect(findMetrics('it reaches APs of 51.2 and 49.7').map((m) => m.entry.name)).toEqual(['AP']);
    expect(findMetrics('the APs were low')).toEqual([]);
  });
});

describe('Claim scorer: decisions that hold whatever the model says', () => {
  it.each([
    ['a relative change', 'Our method improves accuracy by 2.4% on CIFAR-100.'],
    ['a speed figure', 'On Cityscapes, the network runs at 95.2 FPS on one GPU.'],
    ['a compute figure', 'On Cityscapes the network needs 12.4 GFLOPs.'],
    ['the bare word "score"', 'On MS COCO the model gets a score of 17.6 after tuning.'],
    ['a one-digit integer', 'On CIFAR-10 the classifier reaches an accuracy of 8 after tuning.'],
    ['a count on a score metric', 'On ImageNet the accuracy rises with 2.5B labelled images.'],
    ['the old value of "from X to Y"', 'On CIFAR-10, we reduce the error rate from 5.1% to 3.9%.'],
    ['a baseline figure', 'On CIFAR-100 the accuracy is 81.9%, compared to 77.3% accuracy for the baseline.'],
  ])('no claim from %s, even with a model that accepts every pairing', (_what, abstract) => {
    const values = withResultModel(acceptAll, () => run(abstract)).results.map((r) => r.value);
    expect(values).not.toContain(2.4);
    expect(values).not.toContain(95.2);
    expect(values).not.toContain(12.4);
    expect(values).not.toContain(17.6);
    expect(values).not.toContain(8);
    expect(values).not.toContain(2.5);
    expect(values).not.toContain(5.1);
    expect(values).not.toContain(77.3);
  });

  it('still reports a model size on a dataset the sentence names', () => {
    const rec = withResultModel(acceptAll, () => run('On CIFAR-10 the searched cell has 3.1M parameters.'));
    expect(tuples(rec)).toEqual(['CIFAR-10|Parameters|3.1M']);
  });
});
