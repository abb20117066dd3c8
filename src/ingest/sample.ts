// The bundled demo corpus (data/sample/): ingested by `npm start` into a graph without papers, then
// its curated lineage (data/sample/curated/) applied with `papergraph curate`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Executor } from '../db/executor';
import { COUNT_PAPERS } from './ingest.queries';
import { IngestService } from './ingest.service';
import type { IngestSummary, RejectRecord } from './ingest.types';

/** Input files of the sample corpus: `.jsonl`, `.json` and `.txt` (trending-page text), not READMEs. */
const SAMPLE_FILE = /^(?!readme)(?!.*reject).*\.(jsonl|json|txt)$/i;

/** The folder of the sample corpus, from `src/ingest` (ts) or `dist/src/ingest` (compiled). */
export function sampleDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data', 'sample');
    if (fs.existsSync(path.join(candidate, 'README.md'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(process.cwd(), 'data', 'sample');
  }
}

/** The sample corpus files, sorted. */
export function sampleCorpusFiles(dir: string = sampleDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => SAMPLE_FILE.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The sample's curation files (`data/sample/curated/*.jsonl`, for `papergraph curate`), sorted. */
export function sampleCurationFiles(dir: string = sampleDir()): string[] {
  const curated = path.join(dir, 'curated');
  if (!fs.existsSync(curated)) return [];
  return fs
    .readdirSync(curated)
    .filter((f) => f.endsWith('.jsonl') && !/reject/i.test(f))
    .sort()
    .map((f) => path.join(curated, f));
}

/** Ingests the sample corpus files (data/sample/*.jsonl, *.json, *.txt) when the graph has no :Paper node; null when it already has papers. */
export async function ingestSampleIfEmpty(
  executor: Executor,
  onReject: (r: RejectRecord) => void = () => undefined,
): Promise<IngestSummary | null> {
  const [row] = await executor.read(COUNT_PAPERS, {}, { operation: 'ingest.countPapers' });
  if (row && Number(row.papers) > 0) return null;
  const files = sampleCorpusFiles();
  const service = new IngestService(executor);
  try {
    return await service.ingestFiles(files, { onReject });
  } finally {
    await service.close();
  }
}
