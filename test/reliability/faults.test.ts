// Faults, against the real CLI (`node bin/papergraph.js serve`) and its own Neo4j (NEO4J_OUTAGE_PORT,
// default 7697): with Neo4j stopped /readyz says 503 and queries fail fast with DATABASE_UNAVAILABLE;
// an ingestPapers mutation that meets the outage either waits (its retries are logged) and succeeds
// once the database is back, or - when the outage outlasts its retries - fails with
// DATABASE_UNAVAILABLE; nothing acknowledged is lost; the server recovers by itself (same process);
// SIGTERM drains an in-flight request and closes the driver.
//
// Nothing here depends on which side of a race a request lands: the server reaches Neo4j through a
// loopback TCP relay (support/tcp-proxy.ts) that the test cuts and restores, so the outage starts
// and ends exactly when the test decides - after a mutation has demonstrably failed or is waiting.
// Neo4j itself is really stopped and restarted behind the relay.
import { request } from 'node:http';
import * as path from 'node:path';
import { startLocalServer, stopLocalServer } from '../../src/db/local-server';
import { migrate } from '../../src/db/migrations';
import type { Executor } from '../../src/db/executor';
import { codes, gql, status, waitFor, type GqlResponse } from './support/http-client';
import { ROOT, START_TIMEOUT_MS, testExecutor, testUri } from './support/neo4j-instance';
import { PAPER_BY_ID, SEED_PAPER } from './support/reliability.queries';
import { spawnServe, type ServeProcess } from './support/serve-process';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

const DB_PORT = Number(process.env.NEO4J_OUTAGE_PORT ?? 7697);
const DB_HOME = path.join(ROOT, process.env.NEO4J_OUTAGE_HOME ?? '.papergraph/neo4j-test-hardening-outage');
const KEY = 'faults-test-key-3b8e1d';
const QUERY = '{ papers(first: 5) { totalCount nodes { id title } } }';
const MUTATION =
  'mutation Ingest($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested results { id status } } }';
/** The server logs each wait of an ingest retry with this message (serve.command.ts). */
const RETRY_LOG = /retrying$/;
/**
 * "Fast": with the defaults (driver retry 2 s, connect timeout 3 s) a read answers within ~3 s when
 * Neo4j is down; a read that hangs on the driver's default 30 s retry must fail this bound.
 */
const FAST_MS = 15_000;

const startDb = () =>
  startLocalServer({
    port: DB_PORT,
    home: DB_HOME,
    heap: '1g',
    pagecache: '128m',
    startTimeoutMs: START_TIMEOUT_MS,
  });
const stopDb = () => stopLocalServer({ home: DB_HOME });

type IngestPayload = { ingestPapers?: { results: { id: string; status: string }[] } } | null;
const ingestedIds = (res: GqlResponse) =>
  ((res.body.data as IngestPayload)?.ingestPapers?.results ?? [])
    .filter((r) => r.status === 'ingested')
    .map((r) => r.id.replace(/^paper:/, ''));

describe('Faults: database outage, recovery, ingest durability and graceful shutdown', () => {
  let serve: ServeProcess;
  let executor: Executor;
  let proxy: TcpProxy | undefined;

  beforeAll(async () => {
    await startDb();
    executor = testExecutor(DB_PORT, 60_000);
    await migrate(executor);
    // The outage database may be new (a fresh checkout): give the drain test something to read.
    await executor.write(SEED_PAPER, { id: 'faults-seed-paper', title: 'A paper the drain test reads' });
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await serve?.stop(5_000);
    await proxy?.close();
    await executor?.close();
    await stopDb();
  }, 60_000);

  it('drains an in-flight request on SIGTERM, closes the driver and exits 0', async () => {
    serve = await spawnServe({ NEO4J_URI: testUri(DB_PORT), PAPERGRAPH_API_KEYS: KEY });
    // warm up (a freshly started Neo4j plans and compiles its first queries slowly)
    await waitFor(async () => (await gql(serve.url, QUERY)).body.errors === undefined, 120_000, 500);
    const body = JSON.stringify({ query: QUERY });
    const half = Math.floor(body.length / 2);
    const stderrText = () => serve.stderr.join('');
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      // `Expect: 100-continue`: Node answers "100 Continue" as it hands the parsed request to the
      // handler, so the client knows the request is in flight before it sends SIGTERM - no sleep.
      const req = request(
        {
          host: '127.0.0.1',
          port: serve.port,
          method: 'POST',
          path: '/graphql',
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            expect: '100-continue',
          },
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
            `${e.message}; server stderr: ${stderrText().slice(-800)}; last logs: ${serve.stdout.slice(-6).join('\n')}`,
          ),
        ),
      );
      req.once('continue', () => {
        req.write(body.slice(0, half));
        serve.child.kill('SIGTERM'); // while the request is in flight (half its body sent)
        // the rest of the body only once the server has begun to drain
        waitFor(async () => stderrText().includes('SIGTERM: draining'), 60_000, 50).then(
          () => req.end(body.slice(half)),
          reject,
        );
      });
    });
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.papers.totalCount).toBeGreaterThan(0);
    const exit = await Promise.race([
      serve.exited,
      new Promise((r) => setTimeout(() => r('still running 60 s after SIGTERM'), 60_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    const messages = serve.logs().map((l) => l.msg);
    expect(messages).toContain('Papergraph API stopped'); // logged after the driver is closed
  }, 240_000);

  it('during an outage: /readyz 503, reads fail fast, a mutation waits or fails cleanly, nothing acknowledged is lost; then it recovers by itself', async () => {
    proxy = await startTcpProxy(DB_PORT);
    serve = await spawnServe({ NEO4J_URI: testUri(proxy.port), PAPERGRAPH_API_KEYS: KEY });
    await waitFor(async () => (await gql(serve.url, QUERY)).body.errors === undefined, 120_000, 500);
    expect(await status(`${serve.base}/readyz`)).toBe(200);
    expect((await gql(serve.url, QUERY)).status).toBe(200);

    const run = Date.now().toString(36); // fresh ids: a re-run must write, not skip unchanged papers
    const papersOf = (name: string) =>
      Array.from({ length: 5 }, (_, i) => ({
        id: `outage-${run}-${name}-${i}`,
        title: `Outage probe ${name}.${i}: a study of resilient ingestion`,
        abstract: `We evaluate probe ${name}.${i} on a synthetic benchmark.`,
      }));
    const ingest = (name: string, timeoutMs = 180_000) =>
      gql(serve.url, MUTATION, { papers: papersOf(name) }, { authorization: `Bearer ${KEY}` }, timeoutMs);
    const retryLogs = () => serve.logs().filter((l) => RETRY_LOG.test(String(l.msg))).length;

    // Mutations sent back to back until the outage begins: each lands on whichever side of the cut
    // it happens to; any outcome is allowed except losing a paper it acknowledged or an uncoded error.
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let batch = 0;
    let stopLoop = false;
    const ingestLoop = (async () => {
      while (!stopLoop) {
        batch += 1;
        try {
          const res = await ingest(`loop${batch}`);
          failures.push(...codes(res));
          acknowledged.push(...ingestedIds(res));
        } catch (error) {
          failures.push(`no answer: ${(error as Error).name}`); // not acknowledged: allowed
        }
      }
    })();
    await waitFor(async () => acknowledged.length >= 5, 120_000); // at least one went through

    // The outage: the relay refuses connections at once, and Neo4j is really stopped behind it.
    stopLoop = true;
    await proxy.down();
    await stopDb();
    await waitFor(async () => (await status(`${serve.base}/readyz`)) === 503, 120_000);
    for (let i = 0; i < 3; i += 1) {
      const res = await gql(serve.url, QUERY);
      expect(codes(res)).toEqual(['DATABASE_UNAVAILABLE']);
      expect(res.ms).toBeLessThan(FAST_MS);
    }
    expect(await status(`${serve.base}/healthz`)).toBe(200); // the process itself is fine

    // A mutation that meets an outage longer than its retries fails with DATABASE_UNAVAILABLE and
    // writes nothing. Neo4j restarts meanwhile, but the relay stays down until the answer is in.
    const [givenUp] = await Promise.all([ingest('gaveup'), startDb(), ingestLoop]);
    expect(codes(givenUp)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(ingestedIds(givenUp)).toEqual([]);
    expect(retryLogs()).toBeGreaterThan(0); // it waited and retried before giving up

    // A mutation sent while the relay is still down: once the server has logged that it is waiting
    // (a retry), the database comes back; the mutation then succeeds and acknowledges every paper.
    const retriesBefore = retryLogs();
    const waiting = ingest('waited');
    await waitFor(async () => retryLogs() > retriesBefore, 60_000, 100);
    await proxy.up();
    const waited = await waiting;
    expect(waited.body.errors).toBeUndefined();
    expect(ingestedIds(waited)).toEqual(papersOf('waited').map((p) => p.id));
    acknowledged.push(...ingestedIds(waited));

    // Recovered by itself, in the same process: readiness, reads and further mutations.
    await waitFor(async () => (await status(`${serve.base}/readyz`)) === 200, 120_000, 500);
    expect((await gql(serve.url, QUERY)).status).toBe(200);
    expect(serve.child.exitCode).toBeNull();
    for (const name of ['after1', 'after2']) {
      const res = await ingest(name);
      expect(res.body.errors).toBeUndefined();
      expect(ingestedIds(res)).toHaveLength(5);
      acknowledged.push(...ingestedIds(res));
    }

    expect(failures.filter((c) => c !== 'DATABASE_UNAVAILABLE' && !c.startsWith('no answer'))).toEqual([]);
    const missing: string[] = [];
    for (const id of acknowledged)
      if ((await executor.read(PAPER_BY_ID, { id })).length !== 1) missing.push(id);
    expect(missing).toEqual([]);
    for (const p of papersOf('gaveup')) expect(await executor.read(PAPER_BY_ID, { id: p.id })).toEqual([]);
  }, 600_000);
});
