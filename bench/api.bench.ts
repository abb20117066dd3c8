// `npm run bench:api [-- --quick] [--sizes 10000,100000] [--seed N] [--loader ingest|api] [--query-ms N] [--mix-ms N] [--keep-db] [--profile]`:
// Papergraph vs @neo4j/graphql v7 vs raw Cypher on the synthetic graph (see docs/BENCHMARKS.md).
// Prints a table, writes bench/results/api-<date>.json, and prints one JSON summary line last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, machine, runHarness, type HarnessOptions, type SizeResult, type System } from './api/harness';
import { ROOT } from './api/servers';

const USAGE = `Usage: npm run bench:api -- [options]   (or: node dist/bench/api.bench.js [options])

Papergraph vs @neo4j/graphql v7 vs raw Cypher on a deterministic synthetic graph, in a local Neo4j of
the benchmark's own (port 7694, home .papergraph/neo4j-bench-api/<papers>). See docs/BENCHMARKS.md.

Options:
  --quick              10,000 papers, shorter runs (under 3 minutes once the graph is loaded)
  --sizes N[,N...]     graph sizes in papers (default 10000,100000)
  --seed N             generator seed (default 42)
  --loader ingest|api  load the graph through \`papergraph ingest\` (default) or the bench's own writer
  --query-ms N         duration of each timed run per query (ms)
  --mix-ms N           duration of each timed run of the mix (ms)
  --reps N             timed runs per system, query and connection count (default 2), in the
                       rotation A, B, raw, raw, B, A, ...: more, shorter runs (--reps 8 --query-ms 500)
                       interleave the three systems more finely on a busy machine
  --keep-db            leave the benchmark's Neo4j running afterwards
  --profile            write CPU profiles of both servers to bench/results/profile-*
  --zipf               the skewed workload instead: targets drawn Zipf (s=1.1) over all methods and
                       datasets, 16 connections, Papergraph with the result cache on and off vs the
                       peer vs raw Cypher (results in bench/results/api-zipf[-quick]-<date>.json)
  --queries a,b        only these queries (lookup, paper, list50, lineage, dataset, search, path,
                       leaderboard) and the mix of those of them in the mix (leaderboard is timed
                       on its own only)
  --load-only          load (or check) the graphs of --sizes and stop (with --keep-db: leave them running)
  --zipf-ms N          duration of each timed Zipf run (ms; default 5000, --quick 3000)
  --neo4j-port N       the benchmark's Neo4j port (default 7694)
  --port-base N        HTTP ports N (Papergraph), N+1 (peer), N+2 (Papergraph, cache on), their
                       statement counters N+3..N+5: six ports from N (default 4300, counters +10)
  -h, --help           show this help
`;

function parseArgs(argv: string[]) {
  const has = (flag: string) => argv.includes(flag);
  if (has('--help') || has('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = has('--quick');
  const sizes = (value('--sizes') ?? (quick ? '10000' : '10000,100000')).split(',').map(Number);
  const loader = value('--loader') ?? 'ingest';
  if (loader !== 'ingest' && loader !== 'api')
    throw new Error(`--loader must be ingest or api (got ${loader})`);
  return {
    quick,
    sizes,
    seed: Number(value('--seed') ?? 42),
    keepDb: has('--keep-db'),
    profile: has('--profile'),
    loader: loader as 'ingest' | 'api',
    queryMs: value('--query-ms') ? Number(value('--query-ms')) : undefined,
    mixMs: value('--mix-ms') ? Number(value('--mix-ms')) : undefined,
    reps: value('--reps') ? Number(value('--reps')) : 2,
    zipf: has('--zipf'),
    loadOnly: has('--load-only'),
    queries: value('--queries')?.split(','),
    zipfMs: value('--zipf-ms') ? Number(value('--zipf-ms')) : undefined,
    neo4jPort: value('--neo4j-port') ? Number(value('--neo4j-port')) : 7694,
    portBase: value('--port-base') ? Number(value('--port-base')) : undefined,
  };
}

function versionOf(pkg: string): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
}

const START_LOADAVG = os.loadavg();

function ratio(a: number | undefined, b: number | undefined): number {
  return a === undefined || b === undefined || b === 0 ? NaN : a / b;
}

function printTable(results: SizeResult[]): void {
  for (const r of results) {
    process.stdout.write(
      `\n== ${r.papers} papers: latency ms (p50/p99), throughput req/s, Cypher statements/request ==\n`,
    );
    process.stdout.write(
      `${'conn'.padEnd(5)}${'query'.padEnd(9)}${'papergraph p50/p99'.padStart(20)}${'req/s'.padStart(8)}${'peer p50/p99'.padStart(18)}${'req/s'.padStart(8)}${'p50 x'.padStart(7)}${'thr x'.padStart(7)}${'raw p50'.padStart(9)}${'stmts pg/peer'.padStart(15)}\n`,
    );
    for (const [c, byWorkload] of Object.entries(r.results)) {
      for (const [w, s] of Object.entries(byWorkload)) {
        const pg = s.papergraph ?? { p50: NaN, p99: NaN, throughput: NaN };
        const peer = s.peer ?? { p50: NaN, p99: NaN, throughput: NaN };
        const st = r.statementsPerRequest[w];
        process.stdout.write(
          `${c.padEnd(5)}${w.padEnd(9)}${`${fmt(pg.p50)}/${fmt(pg.p99)}`.padStart(20)}${fmt(pg.throughput, 0).padStart(8)}${`${fmt(peer.p50)}/${fmt(peer.p99)}`.padStart(18)}${fmt(peer.throughput, 0).padStart(8)}${fmt(ratio(pg.p50, peer.p50), 2).padStart(7)}${fmt(ratio(pg.throughput, peer.throughput), 2).padStart(7)}${fmt(s.raw?.p50).padStart(9)}${(st ? `${fmt(st.papergraph, 1)}/${fmt(st.peer, 1)}` : '').padStart(15)}\n`,
        );
      }
    }
  }
}

function markdown(results: SizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `### ${r.papers.toLocaleString('en-US')} papers (${r.load.counts.relationships.toLocaleString('en-US')} relationships)`,
      '',
    );
    lines.push(
      '| conn | query | Papergraph p50 / p99 ms | req/s | peer p50 / p99 ms | req/s | p50 ratio | throughput ratio | raw Cypher p50 ms | statements/request (Papergraph / peer) |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const [c, byWorkload] of Object.entries(r.results)) {
      for (const [w, s] of Object.entries(byWorkload)) {
        const st = r.statementsPerRequest[w];
        lines.push(
          `| ${c} | ${w} | ${fmt(s.papergraph?.p50)} / ${fmt(s.papergraph?.p99)} | ${fmt(s.papergraph?.throughput, 0)} | ${fmt(s.peer?.p50)} / ${fmt(s.peer?.p99)} | ${fmt(s.peer?.throughput, 0)} | ${fmt(ratio(s.papergraph?.p50, s.peer?.p50), 2)} | ${fmt(ratio(s.papergraph?.throughput, s.peer?.throughput), 2)} | ${fmt(s.raw?.p50)} | ${st ? `${st.papergraph} / ${st.peer}` : '-'} |`,
        );
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const options: HarnessOptions = {
    sizes: args.sizes,
    seed: args.seed,
    connections: [1, 16],
    queryMs: args.queryMs ?? (args.quick ? 700 : 5_000),
    mixMs: args.mixMs ?? (args.quick ? 2_500 : 10_000),
    reps: args.reps,
    warmupMs: args.quick ? 2_000 : 8_000,
    neo4jPort: args.neo4jPort,
    neo4jHome: path.join(ROOT, '.papergraph', 'neo4j-bench-api'),
    papergraphPort: args.portBase ?? 4300,
    peerPort: (args.portBase ?? 4300) + 1,
    statsPortOffset: args.portBase === undefined ? 10 : 3,
    zipf: args.zipf,
    loadOnly: args.loadOnly,
    queries: args.queries,
    zipfMs: args.zipfMs ?? (args.quick ? 3_000 : 5_000),
    keepDb: args.keepDb,
    profile: args.profile,
    loader: args.loader,
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const started = Date.now();
  const write = (results: SizeResult[], final: boolean) => report(args, options, results, started, final);
  options.onSize = (partial) => write(partial, false);
  options.onProgress = (partial) => report(args, options, partial, started, false, true);
  if (args.loadOnly) options.onSize = undefined;
  const results = await runHarness(options);
  if (args.loadOnly) return;
  if (!args.zipf) printTable(results);
  write(results, true);
}

function report(
  args: ReturnType<typeof parseArgs>,
  options: HarnessOptions,
  results: SizeResult[],
  started: number,
  final: boolean,
  quiet = false,
): void {
  const small = results[0];
  const large = results[results.length - 1];
  const at = (r: SizeResult, c: number, w: string, s: System) => r.results[c]?.[w]?.[s];
  const growth: Record<string, Record<string, { p50: number[]; p99: number[] }>> = {};
  for (const w of ['lineage', 'search']) {
    growth[w] = {};
    for (const s of ['papergraph', 'peer', 'raw'] as System[]) {
      growth[w][s] = {
        p50: results.map((r) => at(r, 1, w, s)?.p50 ?? NaN),
        p99: results.map((r) => at(r, 16, w, s)?.p99 ?? NaN),
      };
    }
  }
  if (args.zipf) return reportZipf(args, options, results, started, final);
  const summary = {
    mix_throughput_ratio_vs_peer: ratio(
      at(small, 16, 'mix', 'papergraph')?.throughput,
      at(small, 16, 'mix', 'peer')?.throughput,
    ),
    mix_p50_ratio_vs_peer: ratio(at(small, 1, 'mix', 'papergraph')?.p50, at(small, 1, 'mix', 'peer')?.p50),
    mix_p50_over_raw_ms:
      (at(small, 1, 'mix', 'papergraph')?.p50 ?? NaN) - (at(small, 1, 'mix', 'raw')?.p50 ?? NaN),
    list_statements_5_50_100: [
      small.statementsPerRequest.list5?.papergraph,
      small.statementsPerRequest.list50?.papergraph,
      small.statementsPerRequest.list100?.papergraph,
    ],
    lineage_p99_16c_ms_largest: at(large, 16, 'lineage', 'papergraph')?.p99,
    // Dataset.leaderboard on the leaderboard table (~1,070 results), 1 connection: Papergraph / raw Cypher
    leaderboard_p50_ratio_vs_raw: ratio(
      at(small, 1, 'leaderboard', 'papergraph')?.p50,
      at(small, 1, 'leaderboard', 'raw')?.p50,
    ),
    leaderboard_p50_ms: {
      papergraph: at(small, 1, 'leaderboard', 'papergraph')?.p50,
      peer: at(small, 1, 'leaderboard', 'peer')?.p50,
      raw: at(small, 1, 'leaderboard', 'raw')?.p50,
    },
    leaderboard_16c_p50_ratio_vs_raw: ratio(
      at(small, 16, 'leaderboard', 'papergraph')?.p50,
      at(small, 16, 'leaderboard', 'raw')?.p50,
    ),
    leaderboard_results: small.targets.leaderboard?.results,
    leaderboard_answers_agree: small.answersAgree?.leaderboard,
    papers: results.map((r) => r.papers),
    seconds: Math.round((Date.now() - started) / 1000),
    /** true while the run is still going (or was interrupted): the sizes and runs done so far. */
    partial: !final,
  };
  const report = {
    date: new Date().toISOString(),
    command: `npm run bench:api${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: machine(),
    // 1, 5 and 15 minute load averages when the run started and when this report was written
    loadavg: { start: START_LOADAVG, now: os.loadavg() },
    versions: {
      '@neo4j/graphql': versionOf('@neo4j/graphql'),
      '@apollo/server': versionOf('@apollo/server'),
      graphql: versionOf('graphql'),
      'neo4j-driver': versionOf('neo4j-driver'),
      'type-graphql': versionOf('type-graphql'),
      neo4j: '5.26.19',
    },
    options: { ...options, log: undefined },
    summary,
    growth,
    results,
  };
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `api-${args.quick ? 'quick-' : ''}${report.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(file.replace(/\.json$/, '.md'), `${markdown(results)}\n`);
  if (!final) {
    if (quiet) return;
    process.stderr.write(
      `partial results (${results.length} size(s)) written to ${path.relative(ROOT, file)}\n`,
    );
    return;
  }
  process.stdout.write(`\nresults: ${path.relative(ROOT, file)}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** The Zipf run's report: ratios of the largest size, results with machine and date. */
function reportZipf(
  args: ReturnType<typeof parseArgs>,
  options: HarnessOptions,
  results: SizeResult[],
  started: number,
  final: boolean,
): void {
  const z = results[results.length - 1].zipf ?? {};
  const entries = Object.entries(z);
  const summary = {
    zipf_p99_ratio_vs_raw: ratio(z.papergraph_cache?.p99, z.raw?.p99),
    zipf_throughput_ratio_vs_peer: ratio(z.papergraph_cache?.throughput, z.peer?.throughput),
    zipf_cache_off_p99_ratio_vs_raw: ratio(z.papergraph?.p99, z.raw?.p99),
    zipf_cache_off_throughput_ratio_vs_peer: ratio(z.papergraph?.throughput, z.peer?.throughput),
    zipf_p99_ms: Object.fromEntries(entries.map(([k, v]) => [k, Math.round(v.p99 * 10) / 10])),
    zipf_throughput: Object.fromEntries(entries.map(([k, v]) => [k, Math.round(v.throughput)])),
    // failed requests (HTTP errors, GraphQL errors in a 200, time limits): a p99 that falls on one is null
    zipf_failed: Object.fromEntries(entries.map(([k, v]) => [k, v.errors])),
    papers: results.map((r) => r.papers),
    seconds: Math.round((Date.now() - started) / 1000),
    partial: !final,
  };
  const report = {
    date: new Date().toISOString(),
    command: `npm run bench:api -- ${process.argv.slice(2).join(' ')}`,
    machine: machine(),
    loadavg: os.loadavg(),
    options: { ...options, log: undefined },
    summary,
    results: results.map((r) => ({
      papers: r.papers,
      load: r.load,
      checks: r.checks,
      zipf: r.zipf,
      zipfDetail: r.zipfDetail,
    })),
  };
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `api-zipf-${args.quick ? 'quick-' : ''}${report.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  if (!final) return;
  process.stdout.write(`\nresults: ${path.relative(ROOT, file)}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
