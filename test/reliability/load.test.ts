// Load and soak against the real CLI (`node bin/papergraph.js serve`, default configuration) over
// the bundled sample corpus, on loopback. Load: autocannon, 100 connections, a fixed number of
// requests from a mix of lookups, lists, lineage and search: every one answered 2xx, none dropped,
// no crash. Soak: a fixed number of requests over 10 connections while the server's RSS is sampled
// every 100 responses: memory stays flat. Counts, not durations, so a loaded machine does the same
// work (only slower) and the assertions do not depend on its speed; the client timeout is far above
// any queueing delay, so a timeout means a hung request. Throughput and latency are figures: they go
// to test-output/reliability-load.json and the test log (copied into docs/RELIABILITY.md), never
// into an assertion.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { status } from './support/http-client';
import { ROOT, testExecutor, testUri } from './support/neo4j-instance';
import { PAPER_IDS, SAMPLE_DATASETS, SAMPLE_ENTITIES } from './support/reliability.queries';
import { spawnServe, type ServeProcess } from './support/serve-process';

interface AutocannonResult {
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
}
type AutocannonRun = PromiseLike<AutocannonResult> & {
  on(event: 'response', listener: (...args: unknown[]) => void): void;
};
type Autocannon = (options: Record<string, unknown>) => AutocannonRun;
// autocannon ships no types; the fields used are listed above.
const autocannon = require('autocannon') as Autocannon;

const OUT = path.join(ROOT, 'test-output', 'reliability-load.json');
const LOAD_REQUESTS = 400;
const SOAK_REQUESTS = 2_000;
/** Per request, s: queueing behind 99 other connections takes ~20 s at worst on a quiet 2-core box. */
const CLIENT_TIMEOUT_S = 300;

function rssKb(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function requestMix(executor: Executor): Promise<{ body: string }[]> {
  const methods = await executor.read(SAMPLE_ENTITIES, { n: 10 });
  const datasets = await executor.read(SAMPLE_DATASETS, { n: 10 });
  const papers = (await executor.read(PAPER_IDS)).slice(0, 10);
  const ops: { query: string; variables: Record<string, unknown> }[] = [];
  for (const m of methods) {
    ops.push({
      query: 'query Method($id: ID) { method(id: $id) { id name aliases introducedBy { id title } } }',
      variables: { id: m.id },
    });
    ops.push({
      query:
        'query Lineage($id: ID) { method(id: $id) { lineage(direction: BOTH, maxDepth: 3) { nodes { id name } edges { from { name } to { name } relation depth } } } }',
      variables: { id: m.id },
    });
    ops.push({
      query: 'query Search($q: String!) { search(query: $q, first: 10) { score node { id } } }',
      variables: { q: String(m.name) },
    });
  }
  for (const d of datasets) {
    ops.push({
      query:
        'query Dataset($id: ID) { dataset(id: $id) { id name papers(first: 10) { totalCount nodes { id title } } } }',
      variables: { id: d.id },
    });
  }
  for (const p of papers) {
    ops.push({
      query:
        'query Paper($id: ID!) { paper(id: $id) { id title methods(first: 10) { nodes { id name } } datasets(first: 10) { nodes { id } } } }',
      variables: { id: p.id },
    });
  }
  ops.push({
    query:
      'query Papers { papers(first: 20) { totalCount pageInfo { endCursor hasNextPage } nodes { id title year } } }',
    variables: {},
  });
  ops.push({ query: 'query Methods { methods(first: 20) { totalCount nodes { id name } } }', variables: {} });
  ops.push({
    query: 'query Datasets { datasets(first: 20) { totalCount nodes { id name } } }',
    variables: {},
  });
  return ops.map((op) => ({ body: JSON.stringify(op) }));
}

describe('Load: the real server under load and over time', () => {
  let serve: ServeProcess;
  let executor: Executor;
  let mix: { body: string }[];
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, node ${process.version}`,
  };

  beforeAll(async () => {
    executor = testExecutor();
    mix = await requestMix(executor);
    serve = await spawnServe({ NEO4J_URI: testUri(), PAPERGRAPH_LOG_LEVEL: 'warn' });
  }, 120_000);

  afterAll(async () => {
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    await serve?.stop();
    await executor?.close();
  });

  it(`answers ${LOAD_REQUESTS} requests over 100 connections: all 2xx, none dropped, no crash`, async () => {
    // every request of the mix must answer with data first (so 2xx means real work)
    expect(mix.length).toBeGreaterThanOrEqual(20);
    const started = Date.now();
    const result = await autocannon({
      url: serve.url,
      connections: 100,
      amount: LOAD_REQUESTS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: mix.map((r) => ({ method: 'POST', body: r.body })),
      timeout: CLIENT_TIMEOUT_S,
    });
    const total = result['2xx'] + result.non2xx;
    report.load = {
      connections: 100,
      requests: total,
      durationS: Math.round((Date.now() - started) / 1000),
      rps: Math.round(result.requests.average),
      ok2xx: result['2xx'],
      status4xx: result['4xx'],
      status5xx: result['5xx'],
      errors: result.errors,
      timeouts: result.timeouts,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
    };
    process.stdout.write(`load: ${JSON.stringify(report.load)}\n`);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(result['2xx']).toBe(LOAD_REQUESTS);
    expect(serve.child.exitCode).toBeNull();
    expect(await status(`${serve.base}/healthz`)).toBe(200);
  }, 900_000);

  it(`keeps memory flat over a soak of ${SOAK_REQUESTS} requests`, async () => {
    const samples: { responses: number; rssMb: number }[] = [];
    let responses = 0;
    const started = Date.now();
    const run = autocannon({
      url: serve.url,
      connections: 10,
      amount: SOAK_REQUESTS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: mix.map((r) => ({ method: 'POST', body: r.body })),
      timeout: CLIENT_TIMEOUT_S,
    });
    run.on('response', () => {
      responses += 1;
      if (responses % 100 === 0)
        samples.push({ responses, rssMb: Math.round(rssKb(serve.child.pid!) / 1024) });
    });
    const result = await run;
    // the first 20% warm caches and JIT; compare the next third with the last third
    const afterWarmup = samples.filter((s) => s.responses > SOAK_REQUESTS * 0.2);
    const third = Math.floor(afterWarmup.length / 3);
    const first = median(afterWarmup.slice(0, third).map((s) => s.rssMb));
    const last = median(afterWarmup.slice(-third).map((s) => s.rssMb));
    report.soak = {
      connections: 10,
      requests: result['2xx'] + result.non2xx,
      durationS: Math.round((Date.now() - started) / 1000),
      rps: Math.round(result.requests.average),
      status5xx: result['5xx'],
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
      rssMb: { firstThirdMedian: first, lastThirdMedian: last, samples },
    };
    process.stdout.write(`soak: ${JSON.stringify({ ...(report.soak as object), rssMb: { first, last } })}\n`);
    expect(third).toBeGreaterThanOrEqual(5);
    expect({ errors: result.errors, non2xx: result.non2xx }).toEqual({ errors: 0, non2xx: 0 });
    // Flat: RSS moves +-10% with GC between samples (docs/RELIABILITY.md); a leak that grows it by
    // half over the run fails. The bound is on growth within one run, not on any absolute figure.
    expect(last).toBeLessThanOrEqual(first * 1.5);
  }, 900_000);
});
