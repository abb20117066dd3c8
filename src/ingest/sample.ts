// The bundled demo corpus (data/sample/): ingested by `npm start` into a graph without papers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Executor } from '../db/executor';
import { COUNT_PAPERS } from './ingest.queries';
import { IngestService } from './ingest.service';
import type { IngestSummary, RejectRecord } from './ingest.types';

/** The folder of the sample corpus, from `src/ingest` (ts) or `dist/src/ingest` (compiled). */
export function sampleDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data', 'sample');
    if (fs.existsSync(path.join(candidate, 'papers.jsonl'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(process.cwd(), 'data', 'sample');
  }
}

/** Ingests data/sample/*.jsonl when the graph has no :Paper node; null when it already has papers. */
export async function ingestSampleIfEmpty(
  executor: Executor,
  onReject: (r: RejectRecord) => void = () => undefined,
): Promise<IngestSummary | null> {
  const [row] = await executor.read(COUNT_PAPERS, {}, { operation: 'ingest.countPapers' });
  if (row && Number(row.papers) > 0) return null;
  const dir = sampleDir();
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
  const service = new IngestService(executor);
  try {
    return await service.ingestFiles(files, { onReject });
  } finally {
    await service.close();
  }
}
