import type { PaperExamples } from '../../scripts/train/results.train';
import {
  bestPairings,
  countAt,
  DEFAULT_RESULT_OPTIONS,
  fitModel,
  toModelFile,
} from '../../scripts/train/results.train';

// Made-up candidate pairings (no evaluation data): what the trainer counts and learns.
function cand(
  slot: number,
  dataset: string,
  features: string[],
  match: number[],
): PaperExamples['cands'][number] {
  return { slot, dataset, metric: 'Accuracy', value: 70 + slot, unit: '%', features, match };
}

describe('Claim scorer training', () => {
  it('counts like score_results.py --reachable: one-to-one, repeats neutral, unreachable papers skipped', () => {
    const paper: PaperExamples = {
      id: 'a',
      noGold: false,
      reachable: 2,
      cands: [
        cand(0, 'X', ['good'], [0]),
        cand(1, 'Y', ['good'], [0]), // matches the gold tuple slot 0 already took: neutral
        cand(2, 'Z', ['good'], []), // a false positive
      ],
    };
    const negative: PaperExamples = {
      id: 'b',
      noGold: true,
      reachable: 0,
      cands: [cand(0, 'X', ['good'], [])],
    };
    const scored = [paper, negative].map((p) => ({
      paper: p,
      best: p.cands.map((c) => ({ p: 0.9, c })),
    }));
    expect(countAt(scored, 0.5)).toEqual({ tp: 1, fp: 1, fn: 1, negPapersWithResult: 1 });
    expect(countAt(scored, 0.95)).toEqual({ tp: 0, fp: 0, fn: 2, negPapersWithResult: 0 });
  });

  it('learns which pairing of a number is right, the same way on every run', () => {
    const papers: PaperExamples[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      noGold: false,
      reachable: 1,
      cands: [cand(0, 'right', ['bias', 'near'], [0]), cand(0, 'wrong', ['bias', 'far'], [])],
    }));
    const m = fitModel(papers, DEFAULT_RESULT_OPTIONS);
    expect(m.weights.get('near') ?? 0).toBeGreaterThan(m.weights.get('far') ?? 0);
    const best = bestPairings(m, papers[0]);
    expect(best.map((b) => b.c.dataset)).toEqual(['right']);
    expect(JSON.stringify(toModelFile(fitModel(papers, DEFAULT_RESULT_OPTIONS), {}))).toBe(
      JSON.stringify(toModelFile(m, {})),
    );
  });
});
