import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { extract } from '../../src/extract/extractor';
import { createExtractionPool } from '../../src/extract/worker-pool';

const papers: PaperInput[] = Array.from({ length: 40 }, (_, i) => ({
  id: `wp-${i}`,
  title: `Model${i}Net: A Test Paper`,
  abstract: `We propose Model${i}Net, a variant of ResNet, trained on CIFAR-10 and compared with BERT. Code: https://github.com/t/m${i}.`,
}));

// Compiled worker from `npm run build` (ts-jest cannot run a .ts file in a worker thread).
const DIST = path.join(__dirname, '..', '..', 'dist', 'src', 'extract');
const distWorker = path.join(DIST, 'extract.worker.js');

describe('Extractor: worker pool', () => {
  it('falls back to in-thread extraction when no compiled worker exists, with identical results', async () => {
    const pool = createExtractionPool({ threads: 2, workerFile: path.join(__dirname, 'no-such-worker.js') });
    expect(pool.threads).toBe(0);
    const out = await Promise.all(papers.map((p) => pool.extract(p)));
    expect(out).toEqual(papers.map((p) => extract(p)));
    await pool.close();
    await expect(pool.extract(papers[0])).rejects.toThrow(/closed/);
  });

  (existsSync(distWorker) ? it : it.skip)(
    'runs on real worker threads and keeps results per paper',
    async () => {
      // Compare with the same compiled code the workers run.
      const compiled = require(path.join(DIST, 'extractor.js')) as {
        extract: (p: PaperInput) => ExtractionRecord;
      };
      const pool = createExtractionPool({ threads: 2, workerFile: distWorker, batchSize: 3 });
      try {
        expect(pool.threads).toBe(2);
        const out = await Promise.all(papers.map((p) => pool.extract(p)));
        expect(out.map((r) => r.paper.id)).toEqual(papers.map((p) => p.id));
        expect(out).toEqual(papers.map((p) => compiled.extract(p)));
      } finally {
        await pool.close();
      }
    },
    60_000, // workers load the lexicon and compromise on start; slow on a busy machine
  );
});
