// Worker-thread entry of the extraction pool: receives papers, answers extraction records. Holds
// no state across papers beyond the (read-only) compiled lexicon and rules.
import { parentPort } from 'node:worker_threads';
import type { PaperInput } from './extraction.types';
import { extract } from './extractor';

interface Job {
  id: number;
  paper: PaperInput;
}

parentPort?.on('message', (jobs: Job[]) => {
  const out = jobs.map((job) => {
    try {
      return { id: job.id, record: extract(job.paper) };
    } catch (e) {
      return { id: job.id, error: (e as Error).stack ?? String(e) };
    }
  });
  parentPort?.postMessage(out);
});
