import { extract } from '../../src/extract/extractor';
import type { ExtractionRecord } from '../../src/extract/extraction.types';
import { findValues } from '../../src/extract/results/numbers';
import { loadResultModel, withResultModel } from '../../src/extract/results/scorer';
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

  it('reports a model size when the sentence names the dataset, but no speed figure', () => {
    expect(tuples(run('On Cityscapes, the network runs at 95.2 FPS on one GPU.'))).toEqual([]);
    expect(tuples(run('On Cityscapes, the network needs only 4.2M parameters.'))).toEqual([
      'Cityscapes|Parameters|4.2M',
    ]);
  });

  it('reads no claim from the bare word "score" or a one-digit count, but from a named score', () => {
    expect(tuples(run('On MS COCO the model gets a score of 17.6 after tuning.'))).toEqual([]);
    expect(tuples(run('On CIFAR-10 the classifier reaches an accuracy of 8 after 3 epochs.'))).toEqual([]);
    expect(tuples(run('On CIFAR-10 the classifier reaches an accuracy of 88.4%.'))).toEqual([
      'CIFAR-10|Accuracy|88.4%',
    ]);
    // A named score is no bare "score": the decision lets it through (whether it is reported is the
    // claim scorer's judgement; a model that accepts every pairing reports it).
    const acceptAll = loadResultModel({
      format: 'papergraph-results-logreg',
      version: 1,
      threshold: 0.5,
      features: ['bias'],
      weights: [10],
    });
    expect(
      tuples(
        withResultModel(acceptAll, () =>
          run('On Atari games the agent reaches a human-normalized score of 121.3.'),
        ),
      ),
    ).toEqual(['Atari|Score|121.3']);
    expect(
      tuples(
        withResultModel(acceptAll, () => run('On MS COCO the model gets a score of 17.6 after tuning.')),
      ),
    ).toEqual([]);
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

describe('Result claims: error classes that are no claims (engine after 2.2.1)', () => {
  it('does not read a number inside a name written with a space as a score', () => {
    const vs = findValues('the Zephyr 3000 console, the Quokka 2.0 corpus and BLEU 27.4');
    const byText = Object.fromEntries(vs.map((v) => [v.surface, v.not ?? 'score']));
    expect(byText['3000']).toBe('name');
    expect(byText['2.0']).toBe('name');
    // A metric name before the number is not a name: "BLEU 27.4" is a score.
    expect(byText['27.4']).toBe('score');
    expect(findValues("the WMT'19 task").map((v) => v.surface)).toEqual([]);
  });

  it('marks the old value of "X to Y" and "X -> Y", and a range written with "to"', () => {
    const vs = findValues('mAP rises (41.2 to 43.9), PSNR from 30.1 dB to 31.7 dB, 36.0 mAP\u2192 38.2 mAP');
    const byText = Object.fromEntries(vs.map((v) => [v.surface, v.not ?? 'score']));
    expect(byText['41.2']).toBe('previous');
    expect(byText['43.9']).toBe('score');
    expect(byText['30.1']).toBe('previous');
    expect(byText['31.7']).toBe('score');
    expect(byText['36.0']).toBe('previous');
    expect(byText['38.2']).toBe('score');
    const r = findValues('it lifts the accuracy by about 1.5 to 2.5 percent');
    expect(r.map((v) => v.not)).toEqual(['relative', 'relative']);
    const span = findValues('scores ranging from 61.2% to 70.4% and between 3.1 and 4.2');
    expect(span.map((v) => v.not)).toEqual(['range', 'range', 'range', 'range']);
  });

  it('carries a change over the members of its list, forwards and backwards', () => {
    const fwd = findValues('it beats the strongest rival by 1.8% and 2.6%, respectively');
    expect(fwd.map((v) => v.not)).toEqual(['relative', 'relative']);
    const back = findValues('which is 0.9% and 1.4% absolute improvement');
    expect(back.map((v) => v.not)).toEqual(['relative', 'relative']);
    expect(findValues('a 12% error reduction').map((v) => v.not)).toEqual(['relative']);
    expect(findValues('a 3.1%p improvement').map((v) => v.not)).toEqual(['relative']);
  });

  it("does not report a baseline's or a prior work's figure", () => {
    const rec = run(
      'On CIFAR-100 our BriarNet reaches 81.9% accuracy, compared to 77.3% accuracy for the strongest baseline.',
    );
    expect(tuples(rec)).toEqual(['CIFAR-100|Accuracy|81.9%']);
    const prior = run(
      'On MS COCO our detector gets an mAP of 47.5, above the best previously reported mAP of 45.1.',
    );
    expect(prior.results.map((r) => r.value)).toEqual([47.5]);
  });

  it('reads no score from a K/M/B count, nor speed and compute figures; a model size still counts', () => {
    expect(
      tuples(
        run('On ImageNet the classifier reaches 84.1% top-1 accuracy with 2.5B weakly labelled images.'),
      ),
    ).toEqual(['ImageNet|Top-1 Accuracy|84.1%']);
    expect(tuples(run('On Cityscapes the network runs at 95.2 FPS with 12.4 GFLOPs.'))).toEqual([]);
    expect(tuples(run('On CIFAR-10 the searched cell has 3.1M parameters.'))).toEqual([
      'CIFAR-10|Parameters|3.1M',
    ]);
  });
});

describe('Result claims: which dataset a number belongs to', () => {
  it('takes the dataset right before a parenthesis that holds the scores', () => {
    const rec = run('The tracker sets new records on MOT17 (61.3 MOTA) and on MOT20 (58.9 MOTA).');
    expect(tuples(rec).sort()).toEqual(['MOT17|MOTA|61.3', 'MOT20|MOTA|58.9']);
    const voc = run(
      'Our detector sets new records on the PASCAL VOC dataset (mAP of 84.6%) with public data only.',
    );
    expect(voc.results.map((r) => `${r.metric}|${r.value}|${r.rule}`)).toEqual([
      'mAP|84.6|metric-value+dataset-before',
    ]);
  });

  it('prefers the dataset named before the number over one after "and <another clause>"', () => {
    const rec = run(
      'Our GlintSeg model reaches the new best on the Cityscapes benchmark at 82.9% mIoU and also performs well on the ADE20K benchmark at 49.1% mIoU.',
    );
    const byValue = Object.fromEntries(rec.results.map((r) => [r.value, r.dataset]));
    expect(byValue[82.9]).toBe('Cityscapes');
    expect(byValue[49.1]).toBe('ADE20K');
  });

  it('keeps the ROUGE variants apart', () => {
    expect(lookupMetric('ROUGE-L')?.name).toBe('ROUGE-L');
    expect(lookupMetric('ROUGE-2')?.name).toBe('ROUGE-2');
    expect(lookupMetric('ROUGE')?.name).toBe('ROUGE');
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
