// Resumability for real: an ingest of a few thousand synthetic papers loses its Neo4j mid-run
// (the server is stopped with SIGTERM after three batches are committed, while the rest of the input
// is held back, so the run cannot outpace the stop), fails with a clear DATABASE_UNAVAILABLE after bounded
// retries, and a re-run after the restart ends with exactly the graph of an uninterrupted run.
// Runs its own server (port 7696 unless NEO4J_OUTAGE_PORT) because it compares whole graphs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { generateCorpus } from '../../bench/synthetic/corpus.generator';
import { Executor } from '../../src/db/executor';
import { startLocalServer, stopLocalServer } from '../../src/db/local-server';
import { packageRoot } from '../../src/db/local-server/package-root';
import { migrate } from '../../src/db/migrations';
import { isAppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { IngestService } from '../../src/ingest/ingest.service';
import type { IngestSummary } from '../../src/ingest/ingest.types';
import { fullDump } from './ingest-test-db';
import { WIPE_ALL } from './ingest-test.queries';

const PORT = Number(process.env.NEO4J_OUTAGE_PORT ?? 7696);
const HOME = path.join(packageRoot(), '.papergraph', 'neo4j-test-outage');
const PAPERS = 2_000;
const BATCH = 200;
/** The interrupted run sees this many lines until Neo4j has stopped (four batches)... */
const HELD_AFTER = 4 * BATCH;
/** ...and Neo4j is stopped once three batches are committed (the fourth waits to be written). */
const STOP_AT = 3 * BATCH;

jest.setTimeout(900_000);

describe('Ingest: Neo4j stopped mid-run', () => {
  let executor: Executor;
  let file: string;
  const start = () => startLocalServer({ home: HOME, port: PORT, heap: '512m' });

  beforeAll(async () => {
    await stopLocalServer({ home: HOME });
    fs.rmSync(path.join(HOME, 'data'), { recursive: true, force: true });
    await start();
    executor = new Executor(
      { uri: `bolt://127.0.0.1:${PORT}` },
      { maxRetryTimeMs: 1_000, connectionTimeoutMs: 10_000, queryTimeoutMs: 120_000 },
    );
    await migrate(executor);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pg-outage-')), 'synthetic.jsonl');
    fs.writeFileSync(
      file,
      [...generateCorpus({ papers: PAPERS, seed: 7 })].map((p) => JSON.stringify(p)).join('\n') + '\n',
    );
  });
  afterAll(async () => {
    await executor?.close();
    await stopLocalServer({ home: HOME });
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  const service = () =>
    new IngestService(executor, {
      threads: 0,
      batchSize: BATCH,
      retry: { attempts: 3, initialDelayMs: 300, maxDelayMs: 1_000 },
    });

  it('completes the graph on a re-run after the restart, identical to an uninterrupted run', async () => {
    // 1. The reference: an uninterrupted run.
    const reference = service();
    const full = await reference.ingestFiles([file]);
    await reference.close();
    expect(full).toMatchObject({ papers: PAPERS, rejected: 0, skipped: 0 });
    const expected = await fullDump(executor);
    expect(expected.length).toBeGreaterThan(PAPERS * 3);

    // 2. Empty graph (schema kept), then a run that loses the server a third of the way in. The run
    //    reads the same lines from a stream that holds back everything after HELD_AFTER lines until
    //    Neo4j has stopped, so the run cannot finish before the stop (no race with the shutdown).
    await executor.write(WIPE_ALL);
    expect(await fullDump(executor)).toEqual([]);
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    let stopped: () => void = () => undefined;
    const serverStopped = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    const stdin = Readable.from(
      (async function* () {
        for (const line of lines.slice(0, HELD_AFTER)) yield `${line}\n`;
        await serverStopped;
        for (const line of lines.slice(HELD_AFTER)) yield `${line}\n`;
      })(),
    );
    const interrupted = service();
    let stopping: Promise<unknown> | undefined;
    let committedAtStop = 0;
    let failure: unknown;
    try {
      await interrupted.ingestFiles(['-'], {
        stdin,
        inputFormat: 'jsonl',
        onProgress: (p) => {
          if (!stopping && p.papers >= STOP_AT) {
            committedAtStop = p.papers;
            stopping = stopLocalServer({ home: HOME }).then(stopped);
          }
        },
      });
    } catch (error) {
      failure = error;
    } finally {
      await interrupted.close();
    }
    await stopping;
    expect(committedAtStop).toBeGreaterThanOrEqual(STOP_AT);
    expect(isAppError(failure) && failure.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect((failure as Error).message).toMatch(/run the same command again/);

    // 3. Restart; the re-run skips what was committed and completes the graph.
    await start();
    const rerun = service();
    let summary: IngestSummary;
    try {
      summary = await rerun.ingestFiles([file]);
    } finally {
      await rerun.close();
    }
    expect(summary.rejected).toBe(0);
    expect(summary.skipped).toBeGreaterThanOrEqual(committedAtStop);
    expect(summary.papers + summary.skipped).toBe(PAPERS);
    expect(summary.papers).toBeGreaterThan(0);
    expect(await fullDump(executor)).toEqual(expected);
  });
});
