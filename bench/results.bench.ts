// `npm run bench:results [-- --quick] [--rows N] [--port N]`: the results layer's two figures, in a
// local Neo4j of the benchmark's own (default port 7696, home .papergraph/neo4j-bench-results):
//  1. ingest of a synthetic PwC evaluation-tables.json (default 100,000 rows; --quick 10,000) through
//     IngestService (the `papergraph ingest` path): rows/s and peak memory (max RSS);
//  2. `Dataset.leaderboard` on a dataset with 1,000 results over HTTP (the real server) vs the same read
//     as one hand-written Cypher statement through the driver: p50 / p95 and the p50 ratio.
// Prints a table and one JSON summary line; writes bench/results/results-<date>.json.
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Executor } from '../src/db/executor';
import { startLocalServer, stopLocalServer } from '../src/db/local-server';
import { migrate } from '../src/db/migrations';
import { buildPapergraphSchema } from '../src/graphql/common/schema';
import { BatchBuilder } from '../src/ingest/graph-rows';
import { GraphWriter } from '../src/ingest/graph.writer';
import { IngestService } from '../src/ingest/ingest.service';
import { runServer } from '../src/server/http-server';
import { machine } from './api/harness';
import { graphqlTask } from './api/load';
import { RAW_LEADERBOARD } from './api/raw.queries';
import { ROOT } from './api/servers';
import { writeEvaluationTables } from './ingest/evaluation-tables.generator';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const QUICK = flag('--quick');
const ROWS = option('--rows', QUICK ? 10_000 : 100_000);
const PORT = option('--port', 7696);
const HTTP_PORT = option('--http-port', 4396);
const RESULTS = 1_000;
const RUNS = QUICK ? 200 : 500;
const HOME = path.join(ROOT, '.papergraph', 'neo4j-bench-results');

const LEADERBOARD_QUERY = `query($id: ID!, $metric: String!) { dataset(id: $id) {
  leaderboard(metric: $metric, first: 20) { totalCount edges { node { value unit date method { name } paper { title } } } } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

type Timing = { p50: number; p95: number };

/**
 * Times several reads against each other: a warm-up of each (plans, JIT), then rounds of 10 runs of
 * each, the order rotating every round, so load that comes and goes on a shared machine hits them
 * all alike (timing one after the other put whole phases under different loads).
 */
async function timedTogether<K extends string>(
  runs: number,
  reads: Record<K, () => Promise<void>>,
): Promise<Record<K, Timing>> {
  const names = Object.keys(reads) as K[];
  for (const name of names) for (let i = 0; i < Math.min(50, runs); i++) await reads[name]();
  const ms = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < Math.ceil(runs / 10); round++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(round + j) % names.length];
      for (let i = 0; i < 10; i++) {
        const t = performance.now();
        await reads[name]();
        ms[name].push(performance.now() - t);
      }
    }
  }
  const out = {} as Record<K, Timing>;
  for (const name of names) {
    const sorted = ms[name].sort((a, b) => a - b);
    out[name] = { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  }
  return out;
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const load = os.loadavg().map((l) => Number(l.toFixed(2)));
  await stopLocalServer({ home: HOME });
  fs.rmSync(HOME, { recursive: true, force: true });
  await startLocalServer({ home: HOME, port: PORT, heap: '1g', pagecache: '512m' });
  const uri = `bolt://127.0.0.1:${PORT}`;
  const executor = new Executor({ uri }, { queryTimeoutMs: 600_000 });
  try {
    await migrate(executor);

    // 1. ingest of the synthetic dump
    const file = path.join(os.tmpdir(), `evaluation-tables-${ROWS}.json`);
    const shape = await writeEvaluationTables(file, ROWS);
    const bytes = fs.statSync(file).size;
    const service = new IngestService(executor, { threads: 0 });
    let rejected = 0;
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const summary = await service.ingestFiles([file], { onReject: () => rejected++ });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await service.close();
    fs.rmSync(file, { force: true });
    const [counts] = await executor.read('MATCH (r:Result) RETURN count(r) AS results');
    const ingest = {
      rows: ROWS,
      results: Number(counts.results),
      records: summary.pwcRecords,
      rejected,
      fileMb: Number((bytes / 2 ** 20).toFixed(1)),
      ...shape,
      seconds: Number(seconds.toFixed(1)),
      rowsPerSecond: Math.round(ROWS / seconds),
      resultsPerSecond: Math.round(summary.pwcRecords / seconds),
      peakRssMb: Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    };

    process.stdout.write(`ingest: ${JSON.stringify(ingest)}\n`);

    // 2. a dataset with 1,000 results: 400 methods, most with several results, some ties
    const writer = new GraphWriter(executor);
    const b = new BatchBuilder(date);
    for (let i = 0; i < RESULTS; i++) {
      const paperId = `bench-lb-${i % 600}`;
      b.addPaperStub({
        id: paperId,
        title: `Leaderboard paper ${i % 600}`,
        pwcUrl: null,
        arxivId: null,
        url: null,
      });
      b.addPwcResult({
        paperId,
        task: 'Bench Task',
        dataset: 'Bench Leaderboard Dataset',
        metric: 'Top 1 Accuracy',
        model: `BenchNet-${i % 400}`,
        value: Math.round((50 + ((i * 7919) % 500) / 10) * 10) / 10,
        unit: '%',
        rawValue: '',
        date: `20${10 + (i % 15)}-01-01`,
        dump: 'pwc:bench',
      });
    }
    await writer.write(b.build());
    const server = await runServer({
      executor: new Executor({ uri }),
      schema: await buildPapergraphSchema(),
      canWrite: () => false,
      ingest: null,
      logger: { error: () => undefined, info: () => undefined, warn: () => undefined },
      port: HTTP_PORT,
    });
    const variables = { id: 'dataset:benchleaderboarddataset', metric: 'top-1 accuracy' };
    // the HTTP client of bench:api (node:http on a keep-alive socket; fetch costs the shared cores more)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let failure = '';
    const request = graphqlTask(
      'leaderboard',
      server.url,
      agent,
      { query: LEADERBOARD_QUERY, variables },
      (body) => (failure = body.slice(0, 500)),
    );
    // the statement the server sends for this request (prefetched dataset + leaderboard), alone
    const { entityByIdQuery } = await import('../src/graphql/entity/entity.queries');
    const { leaderboardParam } = await import('../loaders/results.loader');
    // (the projection the server derives from LEADERBOARD_QUERY's selection: node-properties.ts)
    const props = { paper: ['id', 'title'], method: ['id', 'name'], dataset: ['id'], task: ['id'] };
    const statementText = entityByIdQuery('Dataset', [
      { kind: 'leaderboard', key: { metric: variables.metric, task: null, skip: 0, limit: 20, props } },
    ]);
    const { api, raw, statement } = await timedTogether(RUNS, {
      api: async () => {
        if (!(await request.run())) throw new Error(`leaderboard query failed: ${failure}`);
      },
      raw: async () => {
        await executor.read(
          RAW_LEADERBOARD,
          // the read hand-written (shared with bench:api): same ranking, page and fields as LEADERBOARD_QUERY
          { dataset: variables.id, metric: 'metric:top1accuracy', first: 20 },
          { operation: 'bench.rawLeaderboard' },
        );
      },
      statement: async () => {
        await executor.read(
          statementText,
          {
            id: variables.id,
            pf0: leaderboardParam({ id: '', metric: variables.metric, task: null, skip: 0, limit: 20 }),
          },
          { operation: 'bench.leaderboardStatement' },
        );
      },
    });
    // one more answer, untimed, for its totalCount
    const check: unknown = await (
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LEADERBOARD_QUERY, variables }),
      })
    ).json();
    agent.destroy();
    await server.close();
    if (!(check as { data?: unknown }).data)
      throw new Error(`leaderboard query failed: ${JSON.stringify(check)}`);
    const totalCount = (check as { data: { dataset: { leaderboard: { totalCount: number } } } }).data.dataset
      .leaderboard.totalCount;
    const leaderboard = {
      results: RESULTS,
      entrants: totalCount,
      runs: RUNS,
      papergraphMs: { p50: Number(api.p50.toFixed(2)), p95: Number(api.p95.toFixed(2)) },
      rawCypherMs: { p50: Number(raw.p50.toFixed(2)), p95: Number(raw.p95.toFixed(2)) },
      papergraphStatementMs: { p50: Number(statement.p50.toFixed(2)), p95: Number(statement.p95.toFixed(2)) },
      p50Ratio: Number((api.p50 / raw.p50).toFixed(2)),
    };
    const out = { date, load, machine: machine(), quick: QUICK, ingest, leaderboard };
    fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'bench', 'results', `results-${QUICK ? 'quick-' : ''}${date.slice(0, 10)}.json`),
      JSON.stringify(out, null, 2) + '\n',
    );
    process.stdout.write(
      [
        `evaluation-tables ingest: ${ingest.rows} rows (${ingest.results} results, ${ingest.fileMb} MB) in ${ingest.seconds} s = ${ingest.rowsPerSecond} rows/s, peak RSS ${ingest.peakRssMb} MB`,
        `leaderboard (1,000 results, ${totalCount} entrants, first 20): Papergraph p50 ${leaderboard.papergraphMs.p50} ms p95 ${leaderboard.papergraphMs.p95} ms; raw Cypher p50 ${leaderboard.rawCypherMs.p50} ms p95 ${leaderboard.rawCypherMs.p95} ms; p50 ratio ${leaderboard.p50Ratio}; Papergraph's statement alone (driver) p50 ${leaderboard.papergraphStatementMs.p50} ms`,
        JSON.stringify(out),
      ].join('\n') + '\n',
    );
  } finally {
    await executor.close();
    if (!flag('--keep-db')) await stopLocalServer({ home: HOME });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
