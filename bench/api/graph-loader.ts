// Puts the benchmark's graph into its own Neo4j, unless a marker node (`:__BenchCorpus`) says the same
// corpus (papers, seed, loader) is already loaded: the deterministic synthetic corpus of the ingest
// benchmark (bench/synthetic) through `papergraph ingest` (extractor + write path); when that command is
// not usable, the API corpus (api-corpus.ts, extraction records made directly) through the same write
// path (BatchBuilder + GraphWriter from src/ingest).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { contentHashOf } from '../../src/ingest/content-hash';
import { BatchBuilder } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { writeCorpus } from '../synthetic/generate';
import { API_CORPUS_VERSION, generateApiCorpus } from './api-corpus';
import {
  AWAIT_INDEXES,
  COUNT_GRAPH,
  FALLBACK_SCHEMA,
  READ_MARKER,
  WIPE_BATCH,
  WRITE_MARKER,
} from './bench.queries';

/** How the graph was built: the synthetic corpus through `papergraph ingest` (extractor + writer), or the fallback. */
export const INGEST_LOADER = 'bench/synthetic corpus via papergraph ingest';
const LOADERS = [INGEST_LOADER, API_CORPUS_VERSION];

export interface LoadResult {
  /** INGEST_LOADER, or API_CORPUS_VERSION when `papergraph ingest` was not usable. */
  loader: string;
  papers: number;
  seed: number;
  reused: boolean;
  loadSeconds: number;
  schema: 'papergraph migrate' | 'fallback schema';
  counts: { papers: number; methods: number; relationships: number };
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** `ingest`: the synthetic corpus through `papergraph ingest` (default); `api`: the API corpus through the write path. */
export type LoaderChoice = 'ingest' | 'api';

export async function ensureGraph(
  executor: Executor,
  uri: string,
  papers: number,
  seed: number,
  log: (line: string) => void,
  choice: LoaderChoice = 'ingest',
): Promise<LoadResult> {
  const schema = await migrate(uri, executor, log);
  const marker = await executor.read(READ_MARKER);
  const m = marker[0];
  const started = performance.now();
  let reused = true;
  let loader = typeof m?.version === 'string' ? m.version : '';
  const wanted = choice === 'ingest' ? LOADERS : [API_CORPUS_VERSION];
  if (!m || m.papers !== papers || m.seed !== seed || !wanted.includes(loader)) {
    reused = false;
    for (;;) {
      const rows = await executor.write(WIPE_BATCH);
      if (Number(rows[0]?.deleted ?? 0) === 0) break;
    }
    loader = choice === 'ingest' ? ((await loadWithIngestCli(uri, papers, seed, log)) ?? '') : '';
    if (!loader) {
      log(`loading ${papers} papers (seed ${seed}) of the API corpus through the ingest write path...`);
      await loadApiCorpus(executor, papers, seed, log);
      loader = API_CORPUS_VERSION;
    }
    await executor.write(WRITE_MARKER, {
      papers,
      seed,
      version: loader,
      loadedAt: new Date().toISOString(),
      loader,
    });
  }
  await executor.read(AWAIT_INDEXES);
  const c = (await executor.read(COUNT_GRAPH))[0];
  return {
    loader,
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
  let detail = '';
  // a few attempts: on a fresh store under load, index creation can outlast a statement time limit
  for (let attempt = 1; attempt <= 3; attempt++) {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'papergraph.js'), 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: uri },
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (run.status === 0) return 'papergraph migrate';
    detail = `exit ${run.status}: ${(run.stderr || run.stdout).trim().split('\n')[0]}`;
    log(`papergraph migrate attempt ${attempt} failed (${detail})`);
  }
  log(`papergraph migrate unavailable (${detail}); using the benchmark's fallback schema`);
  for (const statement of FALLBACK_SCHEMA) await executor.write(statement);
  return 'fallback schema';
}

/**
 * The deterministic synthetic corpus (bench/synthetic, the ingest benchmark's generator) written as
 * JSONL and loaded with `papergraph ingest` itself: extraction and the write path as users run them.
 * Returns null when the command is not usable in this checkout.
 */
async function loadWithIngestCli(
  uri: string,
  papers: number,
  seed: number,
  log: (line: string) => void,
): Promise<string | null> {
  const file = path.join(os.tmpdir(), `papergraph-bench-api-${papers}-${seed}.jsonl`);
  log(`writing the synthetic corpus (${papers} papers, seed ${seed}) to ${file}...`);
  await writeCorpus(file, papers, seed);
  log(`papergraph ingest ${file} (extraction + write path)...`);
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'papergraph.js'),
      'ingest',
      '--no-progress',
      '--rejects',
      `${file}.rejects`,
      file,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: uri },
      encoding: 'utf8',
      timeout: 3_600_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  fs.rmSync(file, { force: true });
  const last = run.stdout?.trim().split('\n').pop() ?? '';
  if (run.status !== 0 && run.status !== 2) {
    log(
      `papergraph ingest failed (exit ${run.status}): ${(run.stderr || last).trim().split('\n').slice(-3).join(' ')}; falling back to the API corpus`,
    );
    return null;
  }
  log(`  ingest summary: ${last}`);
  return INGEST_LOADER;
}

async function loadApiCorpus(
  executor: Executor,
  papers: number,
  seed: number,
  log: (line: string) => void,
): Promise<void> {
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
}
