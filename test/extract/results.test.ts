import { extract } from '../../src/extract/extractor';
import type { ExtractionRecord } from '../../src/extract/extraction.types';
import { findValues } from '../../src/extract/results/numbers';
import { findMetrics, lookupMetric, resolveMetric } from '../../src/extract/results/metric-lexicon';

// Every sentence below is written for these tests (invented model names, general knowledge).
function run(abstract: string, title = 'A Study of Things'): ExtractionRecord {
  return extract({ id: 'p1', title, abstract });
}

function tuples(rec: ExtractionRecord): string[] {
  return rec.results.map((r) => `${r.dataset}|${r.metric}|${r.value}${r.unit ?? ''}`);
}

describe('Result claims: scores the text reports', () => {
  it('reads "value metric on dataset" with the value and unit as written and evidence on the number', () => {
    const abstract = 'Our QuillNet model achieves 84.7% top-1 accuracy on ImageNet-1K with fewer layers.';
    const rec = run(abstract);
    expect(tuples(rec)).toEqual(['ImageNet-1K|Top-1 Accuracy|84.7%']);
    const r = rec.results[0];
    expect(r.method).toBe('QuillNet');
    expect(r.evidence).toHaveLength(1);
    expect(abstract.slice(r.evidence[0].start, r.evidence[0].end)).toBe('84.7%');
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.rule).toContain('value-metric');
  });

  it('reads "metric of value" and a BLEU score without a unit', () => {
    const rec = run('On WMT 2014 English-German, the system reaches a BLEU score of 31.2.');
    // The language pair written after the dataset name qualifies it.
    expect(rec.results).toHaveLength(1);
    expect(rec.results[0].dataset).toMatch(/^WMT.* English-German$/);
    expect(`${rec.results[0].metric}|${rec.results[0].value}`).toBe('BLEU|31.2');
    expect(rec.results[0].unit).toBeNull();
  });

  it('pairs lists with "respectively" in order', () => {
    const rec = run('The detector obtains 71.5% and 69.9% mAP on PASCAL VOC and MS COCO, respectively.');
    // Dataset names are the record's entity names (the lexicon's canonical ones here).
    const voc = rec.entities.find((e) => e.aliases.includes('PASCAL VOC') || e.name === 'PASCAL VOC');
    const coco = rec.entities.find((e) => e.aliases.includes('MS COCO') || e.name === 'MS COCO');
    expect(voc && coco).toBeTruthy();
    expect(tuples(rec).sort()).toEqual([`${coco?.name}|mAP|69.9%`, `${voc?.name}|mAP|71.5%`].sort());
  });

  it('keeps only the new value of "from X to Y"', () => {
    const rec = run('On CIFAR-10, we reduce the error rate from 5.1% to 3.9%.');
    expect(tuples(rec)).toEqual(['CIFAR-10|Error Rate|3.9%']);
  });

  it('does not report relative improvements as scores', () => {
    const rec = run(
      'Our method improves accuracy by 2.4% on CIFAR-100 and gives +1.7% on SVHN, a 12% relative gain.',
    );
    expect(rec.results).toEqual([]);
  });

  it('does not report efficiency figures without a dataset, nor speed-ups', () => {
    const rec = run('Our kernel yields a 48.4% speedup and cuts latency by 30%. It runs at 120 FPS.');
    expect(rec.results).toEqual([]);
  });

  it('reports an efficiency figure when the sentence names the dataset', () => {
    const rec = run('On Cityscapes, the network runs at 95.2 FPS on one GPU.');
    expect(tuples(rec)).toEqual(['Cityscapes|FPS|95.2']);
  });

  it('reads no claim from the bare word "score" or a one-digit count, but from a named score', () => {
    expect(tuples(run('On MS COCO the model gets a score of 17.6 after tuning.'))).toEqual([]);
    expect(tuples(run('On CIFAR-10 the classifier reaches an accuracy of 8 after 3 epochs.'))).toEqual([]);
    expect(tuples(run('On CIFAR-10 the classifier reaches an accuracy of 88.4%.'))).toEqual([
      'CIFAR-10|Accuracy|88.4%',
    ]);
    expect(tuples(run('On Atari games the agent reaches a human-normalized score of 121.3.'))).toEqual([
      'Atari|Score|121.3',
    ]);
  });

  it('reports nothing for a paper without scores', () => {
    const rec = run('We prove that every bounded operator on such spaces has 2 fixed points in 3 cases.');
    expect(rec.results).toEqual([]);
  });

  it('does not read numbers inside names as scores', () => {
    const rec = run('We fine-tune ResNet-50 on CIFAR-10 and report accuracy.');
    expect(rec.results).toEqual([]);
  });
});

describe('Result claims: numbers', () => {
  it('marks ranges, signs, multipliers and "by" as not a score', () => {
    const vs = findValues('rates of 8-60% and +2.4% with a 3x speedup, improved by 5%, reaching 91.3%');
    const byText = Object.fromEntries(vs.map((v) => [v.surface, v.not ?? 'score']));
    expect(byText['8']).toBe('range');
    expect(byText['60%']).toBe('range');
    expect(byText['+2.4%']).toBe('relative');
    expect(byText['3x']).toBe('multiplier');
    expect(byText['5%']).toBe('relative');
    expect(byText['91.3%']).toBe('score');
  });

  it('parses thousands separators and magnitude units', () => {
    const vs = findValues('a 1,024 score with 24M');
    expect(vs.map((v) => [v.value, v.unit])).toEqual([
      [1024, null],
      [24, 'M'],
    ]);
  });
});

describe('Metric lexicon', () => {
  it('normalizes aliases to one metric with a direction', () => {
    expect(lookupMetric('word error rate')?.name).toBe('Word Error Rate');
    expect(lookupMetric('WER')?.higherIsBetter).toBe(false);
    expect(lookupMetric('F1-score')?.name).toBe('F1');
    expect(lookupMetric('accuracy')?.higherIsBetter).toBe(true);
    expect(lookupMetric('perplexity')?.higherIsBetter).toBe(false);
  });

  it('gives an unknown metric a normalized key and an unknown direction', () => {
    const m = resolveMetric('Zorblax Index');
    expect(m.key).toBe('zorblaxindex');
    expect(m.higherIsBetter).toBeNull();
  });

  it('matches case-sensitive acronyms only in their case', () => {
    expect(findMetrics('the mAP is high').map((m) => m.entry.name)).toEqual(['mAP']);
    expect(findMetrics('a wer of').map((m) => m.entry.name)).toEqual([]);
  });
});
