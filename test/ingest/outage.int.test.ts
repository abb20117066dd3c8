// Resumability for real: an ingest of a few thousand synthetic papers loses its Neo4j mid-run
// (the server is stopped with SIGTERM), fails with a clear DATABASE_UNAVAILABLE after bounded
// retries, and a re-run after the restart ends with exactly the graph of an uninterrupted run.
// Runs its own server (port 7696 unless NEO4J_OUTAGE_PORT) because it compares whole graphs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
      batchSize: 200,
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

    // 2. Empty graph (schema kept), then a run that loses the server a third of the way in.
    await executor.write(WIPE_ALL);
    expect(await fullDump(executor)).toEqual([]);
    const interrupted = service();
    let stopping: Promise<unknown> | undefined;
    let failure: unknown;
    try {
      await interrupted.ingestFiles([file], {
        onProgress: (p) => {
          if (!stopping && p.papers >= PAPERS / 3) stopping = stopLocalServer({ home: HOME });
        },
      });
    } catch (error) {
      failure = error;
    } finally {
      await interrupted.close();
    }
    await stopping;
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
    expect(summary.skipped).toBeGreaterThanOrEqual(PAPERS / 3);
    expect(summary.papers + summary.skipped).toBe(PAPERS);
    expect(summary.papers).toBeGreaterThan(0);
    expect(await fullDump(executor)).toEqual(expected);
  });
});
