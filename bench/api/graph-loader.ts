// Puts the benchmark's corpus into its own Neo4j through the ingest write path (BatchBuilder +
// GraphWriter from src/ingest, the same statements `papergraph ingest` runs), unless a marker node
// (`:__BenchCorpus`) says the same corpus (papers, seed, generator version) is already loaded.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { contentHashOf } from '../../src/ingest/content-hash';
import { BatchBuilder } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { API_CORPUS_VERSION, generateApiCorpus } from './api-corpus';
import {
  AWAIT_INDEXES,
  COUNT_GRAPH,
  FALLBACK_SCHEMA,
  READ_MARKER,
  WIPE_BATCH,
  WRITE_MARKER,
} from './bench.queries';

export interface LoadResult {
  papers: number;
  seed: number;
  reused: boolean;
  loadSeconds: number;
  schema: 'papergraph migrate' | 'fallback schema';
  counts: { papers: number; methods: number; relationships: number };
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

export async function ensureGraph(
  executor: Executor,
  uri: string,
  papers: number,
  seed: number,
  log: (line: string) => void,
): Promise<LoadResult> {
  const schema = await migrate(uri, executor, log);
  const marker = await executor.read(READ_MARKER);
  const m = marker[0];
  const started = performance.now();
  let reused = true;
  if (!m || m.papers !== papers || m.seed !== seed || m.version !== API_CORPUS_VERSION) {
    reused = false;
    log(`loading ${papers} papers (seed ${seed}) through the ingest write path...`);
    for (;;) {
      const rows = await executor.write(WIPE_BATCH);
      if (Number(rows[0]?.deleted ?? 0) === 0) break;
    }
    const writer = new GraphWriter(executor);
    const ingestedAt = new Date().toISOString();
    let builder = new BatchBuilder(ingestedAt);
    let done = 0;
    for (const item of generateApiCorpus(papers, seed)) {
      builder.addPaper({ paper: item.paper, record: item.record, contentHash: contentHashOf(item.paper) });
      if (builder.size >= 1000) {
        await writer.write(builder.build());
        done += builder.size;
        builder = new BatchBuilder(ingestedAt);
        if (done % 10_000 === 0) log(`  ${done}/${papers} papers written`);
      }
    }
    if (builder.size > 0) await writer.write(builder.build());
    await executor.write(WRITE_MARKER, {
      papers,
      seed,
      version: API_CORPUS_VERSION,
      loadedAt: ingestedAt,
      loader: 'src/ingest GraphWriter',
    });
  }
  await executor.read(AWAIT_INDEXES);
  const c = (await executor.read(COUNT_GRAPH))[0];
  return {
    papers,
    seed,
    reused,
    loadSeconds: reused ? 0 : (performance.now() - started) / 1000,
    schema,
    counts: { papers: Number(c.papers), methods: Number(c.methods), relationships: Number(c.relationships) },
  };
}

/** `papergraph migrate` against the benchmark's database; the fallback schema when the command is not ready. */
async function migrate(
  uri: string,
  executor: Executor,
  log: (line: string) => void,
): Promise<'papergraph migrate' | 'fallback schema'> {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'papergraph.js'), 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status === 0) return 'papergraph migrate';
  log(
    `papergraph migrate unavailable (exit ${run.status}: ${(run.stderr || run.stdout).trim().split('\n')[0]}); using the benchmark's fallback schema`,
  );
  for (const statement of FALLBACK_SCHEMA) await executor.write(statement);
  return 'fallback schema';
}
