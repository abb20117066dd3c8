// Faults, against the real CLI (`node bin/papergraph.js serve`) and its own Neo4j on port 7697:
// with Neo4j stopped /readyz says 503 and queries fail fast with DATABASE_UNAVAILABLE; the server
// recovers by itself when Neo4j returns; an ingest through the mutation interrupted by an outage
// loses nothing it acknowledged; SIGTERM drains an in-flight request and closes the driver.
import { request } from 'node:http';
import * as path from 'node:path';
import { startLocalServer, stopLocalServer } from '../../src/db/local-server';
import { migrate } from '../../src/db/migrations';
import type { Executor } from '../../src/db/executor';
import { codes, gql, status, waitFor } from './support/http-client';
import { ROOT, testExecutor, testUri } from './support/neo4j-instance';
import { PAPER_BY_ID, SEED_PAPER } from './support/reliability.queries';
import { spawnServe, type ServeProcess } from './support/serve-process';

const DB_PORT = Number(process.env.NEO4J_OUTAGE_PORT ?? 7697);
const DB_HOME = path.join(ROOT, process.env.NEO4J_OUTAGE_HOME ?? '.papergraph/neo4j-test-hardening-outage');
const HTTP_PORT = 4204;
const KEY = 'faults-test-key-3b8e1d';
const QUERY = '{ papers(first: 5) { totalCount nodes { id title } } }';

const startDb = () => startLocalServer({ port: DB_PORT, home: DB_HOME, heap: '1g', pagecache: '128m' });
const stopDb = () => stopLocalServer({ home: DB_HOME });

describe('Faults: database outage, recovery, ingest durability and graceful shutdown', () => {
  let serve: ServeProcess;
  let executor: Executor;

  beforeAll(async () => {
    await startDb();
    executor = testExecutor(DB_PORT, 60_000);
    await migrate(executor);
    // The outage database may be new (a fresh checkout): give the drain test something to read.
    await executor.write(SEED_PAPER, { id: 'faults-seed-paper', title: 'A paper the drain test reads' });
  }, 180_000);

  afterAll(async () => {
    await serve?.stop(5_000);
    await executor?.close();
    await stopDb();
  }, 60_000);

  it('drains an in-flight request on SIGTERM, closes the driver and exits 0', async () => {
    serve = await spawnServe(HTTP_PORT, { NEO4J_URI: testUri(DB_PORT), PAPERGRAPH_API_KEYS: KEY });
    // warm up (a freshly started Neo4j plans and compiles its first queries slowly)
    await waitFor(async () => (await gql(serve.url, QUERY)).body.errors === undefined, 60_000, 500);
    const body = JSON.stringify({ query: QUERY });
    const half = Math.floor(body.length / 2);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: HTTP_PORT,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', (e) =>
        reject(
          new Error(
            `${e.message}; server stderr: ${serve.stderr.join('').slice(-800)}; last logs: ${serve.stdout.slice(-6).join('\n')}`,
          ),
        ),
      );
      req.write(body.slice(0, half));
      setTimeout(() => {
        serve.child.kill('SIGTERM'); // while the request is in flight (half its body sent)
        setTimeout(() => req.end(body.slice(half)), 1_000);
      }, 300);
    });
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.papers.totalCount).toBeGreaterThan(0);
    const exit = await Promise.race([
      serve.exited,
      new Promise((r) => setTimeout(() => r('still running 20 s after SIGTERM'), 20_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    const messages = serve.logs().map((l) => l.msg);
    expect(messages).toContain('Papergraph API stopped'); // logged after the driver is closed
  }, 60_000);

  it('during an outage: /readyz 503, queries fail fast, in-flight ingest loses nothing acknowledged; then recovers by itself', async () => {
    serve = await spawnServe(HTTP_PORT, { NEO4J_URI: testUri(DB_PORT), PAPERGRAPH_API_KEYS: KEY });
    await waitFor(async () => (await gql(serve.url, QUERY)).body.errors === undefined, 60_000, 500);
    expect(await status(`${serve.base}/readyz`)).toBe(200);
    expect((await gql(serve.url, QUERY)).status).toBe(200);

    // an ingest through the mutation keeps running across the outage
    const run = Date.now().toString(36); // fresh ids: a re-run must write, not skip unchanged papers
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let batch = 0;
    let stopIngest = false;
    const mutation =
      'mutation Ingest($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested results { id status } } }';
    const send = async () => {
      batch += 1;
      const papers = Array.from({ length: 5 }, (_, i) => ({
        id: `outage-${run}-${batch}-${i}`,
        title: `Outage probe ${batch}.${i}: a study of resilient ingestion`,
        abstract: `We evaluate probe ${batch}.${i} on a synthetic benchmark.`,
      }));
      try {
        const res = await gql(serve.url, mutation, { papers }, { authorization: `Bearer ${KEY}` }, 30_000);
        if (res.body.errors) failures.push(...codes(res));
        const results =
          (res.body.data as { ingestPapers?: { results: { id: string; status: string }[] } } | null)
            ?.ingestPapers?.results ?? [];
        for (const r of results) if (r.status === 'ingested') acknowledged.push(r.id.replace(/^paper:/, ''));
      } catch (error) {
        failures.push(`no answer: ${(error as Error).name}`); // not acknowledged: allowed
      }
    };
    const ingestLoop = (async () => {
      while (!stopIngest) await send();
    })();

    await new Promise((r) => setTimeout(r, 1_500));
    await stopDb();
    await waitFor(async () => (await status(`${serve.base}/readyz`)) === 503, 10_000);
    for (let i = 0; i < 3; i += 1) {
      const res = await gql(serve.url, QUERY);
      expect(codes(res)).toEqual(['DATABASE_UNAVAILABLE']);
      expect(res.ms).toBeLessThan(6_000);
    }
    expect(await status(`${serve.base}/healthz`)).toBe(200); // the process itself is fine

    await startDb();
    const recoveredAfter = await waitFor(
      async () => (await gql(serve.url, QUERY)).status === 200,
      60_000,
      500,
    );
    expect(await status(`${serve.base}/readyz`)).toBe(200);
    expect(serve.child.exitCode).toBeNull(); // same process: it recovered by itself
    expect(recoveredAfter).toBeLessThan(90_000);
    const batchesBefore = batch;
    await waitFor(async () => batch >= batchesBefore + 3, 120_000); // ingest works again too
    stopIngest = true;
    await ingestLoop;

    expect(failures.length).toBeGreaterThan(0); // the outage did interrupt some mutations
    expect(failures.filter((c) => c !== 'DATABASE_UNAVAILABLE' && !c.startsWith('no answer'))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const id of acknowledged)
      if ((await executor.read(PAPER_BY_ID, { id })).length !== 1) missing.push(id);
    expect(missing).toEqual([]);
  }, 330_000);
});
