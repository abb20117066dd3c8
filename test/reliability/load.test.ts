// Load and soak against the real CLI (`node bin/papergraph.js serve`, default configuration) over
// the bundled sample corpus, on loopback. Load: autocannon, 100 connections for 30 s, a mix of
// lookups, lists, lineage and search: >= 99% 2xx, zero 5xx, no crash. Soak: a moderate fixed rate
// for two minutes while the server's RSS is sampled every 5 s: memory stays flat. Numbers go to
// test-output/reliability-load.json (copied into docs/RELIABILITY.md).
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
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; the fields used are listed above.
const autocannon = require('autocannon') as Autocannon;

const OUT = path.join(ROOT, 'test-output', 'reliability-load.json');

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

  it('serves 100 connections for 30 s with >= 99% 2xx, no 5xx and no crash', async () => {
    // every request of the mix must answer with data first (so 2xx means real work)
    expect(mix.length).toBeGreaterThanOrEqual(20);
    const result = await autocannon({
      url: serve.url,
      connections: 100,
      duration: 30,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: mix.map((r) => ({ method: 'POST', body: r.body })),
      timeout: 20,
    });
    const total = result['2xx'] + result.non2xx;
    report.load = {
      connections: 100,
      durationS: 30,
      requests: total,
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
    expect(total).toBeGreaterThan(100);
    expect(result['2xx'] / (total + result.errors)).toBeGreaterThanOrEqual(0.99);
    expect(result['5xx']).toBe(0);
    expect(serve.child.exitCode).toBeNull();
    expect(await status(`${serve.base}/healthz`)).toBe(200);
  }, 90_000);

  it('keeps memory flat over a two-minute soak at a moderate rate', async () => {
    const samples: { t: number; rssMb: number }[] = [];
    const started = Date.now();
    const timer = setInterval(
      () =>
        samples.push({
          t: Math.round((Date.now() - started) / 1000),
          rssMb: Math.round(rssKb(serve.child.pid!) / 1024),
        }),
      5_000,
    );
    let result: AutocannonResult;
    try {
      result = await autocannon({
        url: serve.url,
        connections: 10,
        overallRate: 60,
        duration: 120,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: mix.map((r) => ({ method: 'POST', body: r.body })),
        timeout: 20,
      });
    } finally {
      clearInterval(timer);
    }
    const afterWarmup = samples.filter((s) => s.t > 20);
    const third = Math.floor(afterWarmup.length / 3);
    const first = median(afterWarmup.slice(0, third).map((s) => s.rssMb));
    const last = median(afterWarmup.slice(-third).map((s) => s.rssMb));
    report.soak = {
      rate: 60,
      durationS: 120,
      requests: result['2xx'] + result.non2xx,
      status5xx: result['5xx'],
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
      rssMb: { firstThirdMedian: first, lastThirdMedian: last, samples },
    };
    expect(third).toBeGreaterThanOrEqual(5);
    expect(result['5xx']).toBe(0);
    expect(last).toBeLessThanOrEqual(first * 1.2);
  }, 200_000);
});
