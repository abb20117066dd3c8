// The API benchmark: Papergraph vs the @neo4j/graphql peer vs raw Cypher over the same Neo4j and the
// same synthetic graph. Per corpus size: load (or reuse) the graph, start both servers, check that all
// three answer every query of the mix, count Cypher statements per request, warm up, then measure each
// query and the mix at 1 and 16 connections, alternating Papergraph, peer and raw Cypher runs
// (A, B, raw, raw, B, A).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Executor } from '../../src/db/executor';
import { BENCH_DRIVER_CONFIG } from './driver-settings';
import { ensureGraph, LEADERBOARD_TABLE, type LoaderChoice, type LoadResult } from './graph-loader';
import { graphqlTask, percentile, postGraphQL, runClosedLoop, type LoadSample, type Task } from './load';
import { rawAnswer } from './raw-answer';
import {
  buildMix,
  buildZipfRequests,
  popularAndMedium,
  type MixQuery,
  type Targets,
  type ZipfRequest,
} from './query-mix';
import {
  LEADERBOARD_TARGET,
  LINEAGE_MAX_CHILDREN,
  LINEAGE_TARGETS,
  PICK_PAPER,
  RANK_DATASETS,
  RANK_METHODS,
} from './bench.queries';
import {
  ROOT,
  startNeo4j,
  startServer,
  statementCount,
  stopNeo4j,
  stopNeo4jIfOurs,
  type ServerProcess,
} from './servers';

export type System = 'papergraph' | 'peer' | 'raw';

export interface HarnessOptions {
  sizes: number[];
  seed: number;
  connections: number[];
  queryMs: number;
  mixMs: number;
  reps: number;
  warmupMs: number;
  neo4jPort: number;
  neo4jHome: string;
  papergraphPort: number;
  peerPort: number;
  keepDb: boolean;
  profile: boolean;
  loader: LoaderChoice;
  /** Each server's statement-counter port is its HTTP port plus this (default 10). */
  statsPortOffset?: number;
  /** Run the skewed (Zipf) workload instead of the per-query and mix runs (see runZipf). */
  zipf?: boolean;
  /** Only load (or check) each size's graph, then stop: no servers, no runs. */
  loadOnly?: boolean;
  /** Only these queries of the mix (and their mix); all when unset. */
  queries?: string[];
  /** Duration of each timed Zipf run (ms). */
  zipfMs?: number;
  /** Called after each corpus size with the results so far (the report is written incrementally). */
  onSize?: (results: SizeResult[]) => void;
  /**
   * Called after each timed run with the sizes done so far and the current size's results up to that
   * run, so an interrupted benchmark still leaves its numbers behind.
   */
  onProgress?: (results: SizeResult[]) => void;
  log: (line: string) => void;
}

export interface Stat {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p99: number;
  /**
   * Per-query and mix runs: CPU time (ms, from /proc and process.cpuUsage) per answered request of the
   * load generator, the system's server (0 for raw Cypher, whose client is the load generator) and Neo4j,
   * over all of the system's runs. Steadier than a p99 on a shared machine: what one request costs the cores.
   */
  cpuMsPerRequest?: { client: number; server: number; neo4j: number };
}

export interface SizeResult {
  papers: number;
  load: LoadResult;
  targets: Targets;
  checks: Record<string, Record<System, string>>;
  /**
   * For the queries with an `answer` (query-mix.ts): whether Papergraph's answer equals raw Cypher's
   * and the peer's (null: the system did not answer). A disagreement is logged as a WARNING.
   */
  answersAgree?: Record<string, { raw: boolean | null; peer: boolean | null }>;
  statementsPerRequest: Record<string, { papergraph: number; peer: number; raw: number }>;
  /** results[connections][workload][system] */
  results: Record<string, Record<string, Partial<Record<System, Stat>>>>;
  /** How the servers were started (papergraph-serve, peer). */
  servers: string[];
  /** The Zipf workload at 16 connections: Papergraph with the result cache on and off, the peer, raw Cypher. */
  zipf?: Partial<Record<ZipfSystem, Stat>>;
  /** Where the Zipf latencies come from: see ZipfDetail. */
  zipfDetail?: ZipfDetail;
}

/** Latencies of one group of answered requests. */
export interface Spread {
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * What the Zipf runs were made of: each timed run's machine load and the load generator's own
 * event-loop delay (a busy client adds its delay to every latency it measures), and the cache-on
 * server's answers split by its `x-papergraph-cache` header (hit / miss), overall and per query.
 */
export interface ZipfDetail {
  runs: {
    system: ZipfSystem;
    rep: number;
    loadavg1: number;
    clientLoopDelayP99Ms: number;
    clientLoopDelayMaxMs: number;
    /** CPU time per answered request (ms) of the load generator, the system's server (none for raw) and Neo4j. */
    cpuMsPerRequest: { client: number; server: number; neo4j: number };
    /** Share of the run's wall time each used one core (1 = a whole core). */
    cores: { client: number; server: number; neo4j: number };
  }[];
  cache: Record<string, Spread>;
  cacheByQuery: Record<string, Record<string, Spread>>;
}

/** CPU time (user + system, ms) of a process so far, from /proc; NaN when it cannot be read. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 100 Hz ticks
  } catch {
    return NaN;
  }
}

function neo4jPid(home: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(home, 'run', 'neo4j.pid'), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

function spread(latencies: number[]): Spread {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

export type ZipfSystem = 'papergraph_cache' | 'papergraph' | 'peer' | 'raw';

const MIX = 'mix';

/** The Neo4j home of one corpus size. */
function sizeHome(o: HarnessOptions, papers: number): string {
  return path.join(o.neo4jHome, o.loader === 'ingest' ? String(papers) : `${o.loader}-${papers}`);
}

export async function runHarness(o: HarnessOptions): Promise<SizeResult[]> {
  const uri = `bolt://127.0.0.1:${o.neo4jPort}`;
  const out: SizeResult[] = [];
  // One Neo4j home per corpus size (<neo4jHome>/<papers>), so each loaded graph is kept between runs;
  // the instances take turns on the benchmark's port.
  const homeOf = (papers: number) => sizeHome(o, papers);
  const others = (papers: number) => [
    o.neo4jHome,
    ...[...new Set([...o.sizes, 10_000, 100_000])]
      .filter((s) => s !== papers)
      .flatMap((s) => [path.join(o.neo4jHome, String(s)), path.join(o.neo4jHome, `api-${s}`)]),
    ...(o.loader === 'ingest'
      ? [path.join(o.neo4jHome, `api-${papers}`)]
      : [path.join(o.neo4jHome, String(papers))]),
  ];
  for (const papers of o.sizes) {
    for (const home of others(papers)) await stopNeo4jIfOurs(o.neo4jPort, home);
    const { started } = await startNeo4j(o.neo4jPort, homeOf(papers), o.log);
    const executor = new Executor({ uri }, { queryTimeoutMs: 600_000 });
    try {
      out.push(await runSize(o, uri, executor, papers, (partial) => o.onProgress?.([...out, partial])));
      o.onSize?.(out);
    } finally {
      await executor.close();
      if (started && !o.keepDb) stopNeo4j(o.neo4jPort, homeOf(papers));
    }
  }
  return out;
}

async function pickTargets(executor: Executor, load: LoadResult): Promise<Targets> {
  const methods = (await executor.read(RANK_METHODS))[0].ranked as Targets['methods'];
  const datasets = (
    await executor.read(RANK_DATASETS, { leaderboardDataset: LEADERBOARD_TABLE.datasetId })
  )[0].ranked as Targets['datasets'];
  const lb = load.leaderboardTable
    ? (
        await executor.read(LEADERBOARD_TARGET, {
          dataset: LEADERBOARD_TABLE.datasetId,
          metric: LEADERBOARD_TABLE.metricId,
        })
      )[0]
    : undefined;
  const paperIds: string[] = [];
  for (const skip of [10, 1000]) {
    const row = (await executor.read(PICK_PAPER, { skip }))[0];
    if (row) paperIds.push(String(row.id));
  }
  const med = (list: { id: string; name: string }[]) => list[Math.floor(list.length * 0.1)];
  const word = (name: string) => name.split(/[-\s]/)[0].toLowerCase();
  const lineageRow = (await executor.read(LINEAGE_TARGETS, { maxChildren: LINEAGE_MAX_CHILDREN }))[0];
  const lineageMethods = (lineageRow?.targets ?? []) as Targets['lineageMethods'];
  const hub = lineageRow?.hub as { id: string; name: string; children: unknown } | undefined;
  const hubChildren = Number(hub?.children ?? 0);
  return {
    methods,
    datasets,
    lineageMethods,
    lineageMidChildren: Number(lineageRow?.midChildren ?? NaN),
    lineageHub:
      hub && hubChildren > LINEAGE_MAX_CHILDREN
        ? { id: hub.id, name: hub.name, children: hubChildren }
        : undefined,
    paperIds,
    leaderboard:
      lb && Number(lb.results) > 0
        ? {
            datasetId: LEADERBOARD_TABLE.datasetId,
            metric: LEADERBOARD_TABLE.metric,
            metricId: LEADERBOARD_TABLE.metricId,
            results: Number(lb.results),
            entrants: Number(lb.entrants),
          }
        : undefined,
    // what a user types: a name fragment and a topic word; the second has a one-letter typo
    searchTexts: [`${word(methods[0].name)} learning`, `${word(med(methods).name).slice(0, -1)}x models`],
    paths: [
      { from: methods[0].id, to: med(datasets).id },
      { from: med(methods).id, to: datasets[0].id },
    ],
  };
}

/** Where two systems' reduced answers first differ: 300 characters of each from there (a long answer, e.g. a lineage, differs deep inside). */
function firstDifference(mine: (string | null)[], theirs: (string | null)[], name: string): string {
  const a = mine.join(' | ');
  const b = theirs.join(' | ');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 100);
  return `    (from character ${from})\n    papergraph ${a.slice(from, from + 300)}\n    ${name} ${b.slice(from, from + 300)}`;
}

function rawTasks(driver: ReturnType<typeof neo4j.driver>, q: MixQuery): Task[] {
  return q.raw.map((s, i) => ({
    name: q.name,
    run: async () => {
      // the same driver call Papergraph's executor makes for a read: one auto-commit transaction
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(s.cypher, s.params, { timeout: 10_000 });
        for (const r of result.records) rawAnswer(r.toObject());
      } finally {
        await session.close();
      }
      return i >= 0;
    },
  }));
}

function httpTasks(
  server: ServerProcess,
  agent: http.Agent,
  q: MixQuery,
  onError: (b: string) => void,
): Task[] {
  const reqs = server.name === 'papergraph' ? q.papergraph : q.peer;
  return reqs.map((r) => graphqlTask(q.name, server.url, agent, r, onError));
}

function interleave(lists: Task[][]): Task[] {
  const out: Task[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (l.length > 0) out.push(l[i % l.length]);
  return out;
}

function summarize(samples: LoadSample[], name?: string): Stat {
  const lat: number[] = [];
  let requests = 0;
  let errors = 0;
  let seconds = 0;
  for (const s of samples) {
    seconds += s.durationS;
    errors += name ? (s.errorsByName.get(name) ?? 0) : s.errors;
    if (name) {
      const l = s.latencies.get(name) ?? [];
      lat.push(...l);
      requests += l.length;
    } else {
      for (const l of s.latencies.values()) lat.push(...l);
      requests += s.completed;
    }
  }
  lat.sort((a, b) => a - b);
  return {
    requests,
    errors,
    throughput: requests / seconds,
    p50: percentile(lat, 50, errors),
    p99: percentile(lat, 99, errors),
  };
}

function shape(data: unknown): string {
  // A compact fingerprint of a response: the number of list items at every depth (order-independent).
  let items = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      items += v.length;
      v.forEach(walk);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return `${items} items`;
}

async function runSize(
  o: HarnessOptions,
  uri: string,
  executor: Executor,
  papers: number,
  progress: (partial: SizeResult) => void,
): Promise<SizeResult> {
  const log = o.log;
  const load = await ensureGraph(executor, uri, papers, o.seed, log, o.loader);
  log(
    `graph: ${load.counts.papers} papers, ${load.counts.methods} methods, ${load.counts.relationships} relationships (${load.reused ? 'reused' : `loaded in ${load.loadSeconds.toFixed(0)} s`})`,
  );
  const targets = await pickTargets(executor, load);
  if (targets.leaderboard)
    log(
      `  leaderboard target: ${targets.leaderboard.datasetId}, ${targets.leaderboard.metric}: ${targets.leaderboard.results} results, ${targets.leaderboard.entrants} entrants`,
    );
  else log('  WARNING no leaderboard table in the graph: the leaderboard query is left out');
  log(
    `  lineage targets: ${targets.lineageMethods.map((m) => m.name).join(', ')} (the first has ${targets.lineageMidChildren} children)${targets.lineageHub ? `; left out: "${targets.lineageHub.name}" with ${targets.lineageHub.children} children` : ''}`,
  );
  if (o.loadOnly)
    return { papers, load, targets, checks: {}, statementsPerRequest: {}, results: {}, servers: [] };
  const mix = buildMix(targets).filter((q) => !o.queries || o.queries.includes(q.name));
  // the mix workload: the queries of the mix proper (leaderboard is timed on its own only)
  const inMix = mix.filter((q) => q.inMix !== false);
  const profArgs = (name: string) =>
    o.profile
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench', 'results', `profile-${name}-${papers}`)}`]
      : [];
  const servers: ServerProcess[] = [];
  let cached: ServerProcess | null = null;
  const statsOffset = o.statsPortOffset ?? 10;
  let agents = new Map<string, http.Agent>();
  const driver = neo4j.driver(uri, undefined, { ...BENCH_DRIVER_CONFIG, userAgent: 'papergraph-bench-raw' });
  try {
    servers.push(
      // the result cache off: the per-query runs measure the layer itself (the Zipf run adds a cached one)
      await startServer(
        'papergraph-serve',
        o.papergraphPort,
        o.papergraphPort + statsOffset,
        uri,
        profArgs('papergraph'),
        { PAPERGRAPH_CACHE_MB: '0' },
      ),
    );
    servers.push(await startServer('peer', o.peerPort, o.peerPort + statsOffset, uri, profArgs('peer')));
    const byName = new Map(servers.map((s) => [s.name as System, s]));
    const httpSystems = servers.map((s) => s.name as System);
    // 1. every system answers every query; fingerprints side by side
    const checks: SizeResult['checks'] = {};
    const answersAgree: NonNullable<SizeResult['answersAgree']> = {};
    for (const q of mix) {
      checks[q.name] = { papergraph: '', peer: '', raw: '' };
      // the reduced answers of each system, request by request (queries with an `answer` only)
      const answers: Partial<Record<System, (string | null)[]>> = {};
      for (const s of servers) {
        const system = s.name as System;
        const reqs = s.name === 'papergraph' ? q.papergraph : q.peer;
        const parts: string[] = [];
        answers[system] = [];
        for (const r of reqs) {
          const res = await postGraphQL(s.url, r);
          if (res.status !== 200 || res.body.errors) {
            // kept going: the failure shows in the checks and as errors in the timed runs
            log(`  WARNING ${s.name} failed ${q.name}: ${JSON.stringify(res.body).slice(0, 400)}`);
            parts.push(`FAILED (${res.status})`);
            answers[system].push(null);
          } else {
            parts.push(shape(res.body.data));
            const reduce = system === 'papergraph' ? q.answer?.papergraph : q.answer?.peer;
            answers[system].push(reduce ? JSON.stringify(reduce(res.body.data)) : null);
          }
        }
        checks[q.name][system] = parts.join(' | ');
      }
      const parts: string[] = [];
      answers.raw = [];
      for (const st of q.raw) {
        const rows = (
          await driver.executeQuery(st.cypher, st.params, { routing: neo4j.routing.READ })
        ).records.map((r) => rawAnswer(r.toObject()));
        parts.push(shape(rows));
        answers.raw.push(q.answer ? JSON.stringify(q.answer.raw(rows)) : null);
      }
      checks[q.name].raw = parts.join(' | ');
      if (q.answer) {
        const same = (s: System): boolean | null => {
          const mine = answers.papergraph ?? [];
          const theirs = answers[s] ?? [];
          if (theirs.some((a) => a === null) || mine.some((a) => a === null)) return null;
          return mine.length === theirs.length && mine.every((a, i) => a === theirs[i]);
        };
        answersAgree[q.name] = { raw: same('raw'), peer: same('peer') };
        for (const s of ['raw', 'peer'] as const)
          if (answersAgree[q.name][s] === false)
            log(
              `  WARNING ${q.name}: Papergraph and ${s} answers differ:\n${firstDifference(answers.papergraph ?? [], answers[s] ?? [], s)}`,
            );
        log(
          `  ${q.name.padEnd(8)} answers: Papergraph = raw ${answersAgree[q.name].raw}, Papergraph = peer ${answersAgree[q.name].peer}`,
        );
      }
      log(
        `  ${q.name.padEnd(8)} papergraph ${checks[q.name].papergraph} / peer ${checks[q.name].peer} / raw ${checks[q.name].raw}`,
      );
    }

    if (o.zipf) {
      cached = await startServer(
        'papergraph-serve',
        o.papergraphPort + 2,
        o.papergraphPort + 2 + statsOffset,
        uri,
        [],
        { PAPERGRAPH_CACHE_MB: '64' },
      );
      // the same first pass the other servers had in the answer checks (every query of the mix once:
      // graphql-jit compiles each operation, Neo4j plans each statement), so its first timed run is not
      // also its first contact with the mix
      for (const q of mix)
        for (const r of q.papergraph) {
          const res = await postGraphQL(cached.url, r);
          if (res.status !== 200 || res.body.errors)
            log(
              `  WARNING papergraph (cache on) failed ${q.name}: ${JSON.stringify(res.body).slice(0, 400)}`,
            );
        }
      const zipfResult = (zipf: SizeResult['zipf'], zipfDetail?: ZipfDetail): SizeResult => ({
        papers,
        load,
        targets: {
          ...targets,
          methods: popularAndMedium(targets.methods),
          datasets: popularAndMedium(targets.datasets),
        },
        checks,
        answersAgree,
        statementsPerRequest: {},
        results: {},
        servers: [...servers.map((s) => s.kind), 'papergraph-serve (PAPERGRAPH_CACHE_MB=64)'],
        zipf,
        zipfDetail,
      });
      const zipf = await runZipf(
        o,
        sizeHome(o, papers),
        driver,
        targets,
        cached,
        byName.get('papergraph')!,
        byName.get('peer')!,
        (z, detail) => progress(zipfResult(z, detail)),
      );
      return zipfResult(zipf.stats, zipf.detail);
    }

    // 2. Cypher statements per request (counted in each server process), and for two page sizes
    const statementsPerRequest: SizeResult['statementsPerRequest'] = {};
    const perRequest = async (
      s: ServerProcess,
      reqs: { query: string; variables: Record<string, unknown> }[],
    ) => {
      const before = await statementCount(s);
      for (const r of reqs) await postGraphQL(s.url, r);
      return ((await statementCount(s)) - before) / reqs.length;
    };
    const count = async (s: System, q: MixQuery, edit = (x: string) => x) => {
      const server = byName.get(s);
      if (!server) return NaN;
      return perRequest(
        server,
        (s === 'papergraph' ? q.papergraph : q.peer).map((r) => ({ ...r, query: edit(r.query) })),
      );
    };
    for (const q of mix)
      statementsPerRequest[q.name] = {
        papergraph: await count('papergraph', q),
        peer: await count('peer', q),
        raw: 1,
      };
    const list = mix.find((q) => q.name === 'list50');
    for (const size of list ? [5, 100] : []) {
      const edit = (x: string) => x.replace('first: 50', `first: ${size}`);
      statementsPerRequest[`list${size}`] = {
        papergraph: await count('papergraph', list!, edit),
        peer: await count('peer', list!, edit),
        raw: 1,
      };
    }
    log(
      `  statements/request: ${Object.entries(statementsPerRequest)
        .map(([k, v]) => `${k} ${v.papergraph}/${v.peer}`)
        .join(', ')} (papergraph/peer)`,
    );

    // 3. warm up (JIT, plan caches, page cache) both servers and the driver
    const errors: Record<string, string> = {};
    agents = new Map<string, http.Agent>();
    const agentFor = (s: ServerProcess, c: number) => {
      const key = `${s.name}:${c}`;
      if (!agents.has(key)) agents.set(key, new http.Agent({ keepAlive: true, maxSockets: c }));
      return agents.get(key)!;
    };
    const onError = (name: string) => (body: string) => {
      errors[name] = body.slice(0, 300);
    };
    for (const s of servers)
      await runClosedLoop(
        interleave(mix.map((q) => httpTasks(s, agentFor(s, 16), q, onError(s.name)))),
        16,
        o.warmupMs,
      );
    await runClosedLoop(interleave(mix.map((q) => rawTasks(driver, q))), 16, o.warmupMs / 2);

    // 4. measure: per query, then the mix; Papergraph, peer and raw Cypher alternate run by run
    const results: SizeResult['results'] = {};
    for (const c of o.connections) {
      results[c] = {};
      const samples: Record<string, Record<System, LoadSample[]>> = {};
      const workloads: { name: string; ms: number; tasks: (s: System) => Task[] }[] = [
        ...mix.map((q) => ({
          name: q.name,
          ms: o.queryMs,
          tasks: (s: System) =>
            s === 'raw'
              ? rawTasks(driver, q)
              : httpTasks(byName.get(s)!, agentFor(byName.get(s)!, c), q, onError(s)),
        })),
        // no mix when only queries outside it were asked for (--queries leaderboard)
        ...(inMix.length === 0
          ? []
          : [
              {
                name: MIX,
                ms: o.mixMs,
                tasks: (s: System) =>
                  interleave(
                    inMix.map((q) =>
                      s === 'raw'
                        ? rawTasks(driver, q)
                        : httpTasks(byName.get(s)!, agentFor(byName.get(s)!, c), q, onError(s)),
                    ),
                  ),
              },
            ]),
      ];
      const dbPid = neo4jPid(sizeHome(o, papers));
      for (const w of workloads) {
        samples[w.name] = { papergraph: [], peer: [], raw: [] };
        const cpu: Record<System, { client: number; server: number; neo4j: number }> = {
          papergraph: { client: 0, server: 0, neo4j: 0 },
          peer: { client: 0, server: 0, neo4j: 0 },
          raw: { client: 0, server: 0, neo4j: 0 },
        };
        // one timed run, with the CPU its processes used (added to the system's totals)
        const timed = async (s: System): Promise<LoadSample> => {
          const serverPid = s === 'raw' ? undefined : byName.get(s)?.child.pid;
          const before = {
            client: process.cpuUsage(),
            server: processCpuMs(serverPid),
            neo4j: processCpuMs(dbPid),
          };
          const sample = await runClosedLoop(w.tasks(s), c, w.ms);
          const client = process.cpuUsage(before.client);
          cpu[s].client += (client.user + client.system) / 1000;
          if (serverPid !== undefined) cpu[s].server += processCpuMs(serverPid) - before.server;
          cpu[s].neo4j += processCpuMs(dbPid) - before.neo4j;
          return sample;
        };
        // raw Cypher takes its turn in the same rotation (A, B, raw, raw, B, A): as many runs as each
        // server and the same drift of the shared machine, not one run after both servers' runs
        for (let rep = 0; rep < o.reps; rep++) {
          const order: System[] =
            rep % 2 === 0 ? [...httpSystems, 'raw'] : ['raw', ...[...httpSystems].reverse()];
          for (const s of order) samples[w.name][s].push(await timed(s));
        }
        results[c][w.name] = {};
        for (const s of [...httpSystems, 'raw'] as System[]) {
          const stat = w.name === MIX ? summarize(samples[w.name][s]) : summarize(samples[w.name][s], w.name);
          // the mix's answered requests are all its queries'; a query's run sends only that query
          const answered = samples[w.name][s].reduce((n, x) => n + x.completed, 0);
          const per = (x: number) =>
            Number.isFinite(x) ? Math.round((x / Math.max(1, answered)) * 100) / 100 : NaN;
          stat.cpuMsPerRequest = {
            client: per(cpu[s].client),
            server: per(cpu[s].server),
            neo4j: per(cpu[s].neo4j),
          };
          results[c][w.name][s] = stat;
        }
        const r = results[c][w.name];
        const failed = (x: Stat | undefined) => (x?.errors ? ` (${x.errors} failed)` : '');
        const cpuOf = (x: Stat | undefined) =>
          x?.cpuMsPerRequest
            ? ` [CPU ms/req ${x.cpuMsPerRequest.client}+${x.cpuMsPerRequest.server}+${x.cpuMsPerRequest.neo4j}]`
            : '';
        log(
          `  c=${String(c).padEnd(2)} ${w.name.padEnd(8)} papergraph p50/p99 ${fmt(r.papergraph?.p50)}/${fmt(r.papergraph?.p99)} ms ${fmt(r.papergraph?.throughput, 0)}/s${failed(r.papergraph)}${cpuOf(r.papergraph)} | peer ${fmt(r.peer?.p50)}/${fmt(r.peer?.p99)} ms ${fmt(r.peer?.throughput, 0)}/s${failed(r.peer)}${cpuOf(r.peer)} | raw ${fmt(r.raw?.p50)}/${fmt(r.raw?.p99)} ms ${fmt(r.raw?.throughput, 0)}/s${failed(r.raw)}${cpuOf(r.raw)}`,
        );
        progress({
          papers,
          load,
          targets,
          checks,
          answersAgree,
          statementsPerRequest,
          results,
          servers: servers.map((s) => s.kind),
        });
      }
      // Per-query latencies inside the mix (same runs): the mix result keeps only the overall numbers.
    }
    for (const [k, v] of Object.entries(errors)) log(`  WARNING ${k} had failed requests, e.g.: ${v}`);
    return {
      papers,
      load,
      targets: {
        ...targets,
        methods: popularAndMedium(targets.methods),
        datasets: popularAndMedium(targets.datasets),
      },
      checks,
      answersAgree,
      statementsPerRequest,
      results,
      servers: servers.map((s) => s.kind),
    };
  } finally {
    for (const a of agents.values()) a.destroy();
    for (const s of servers) await s.stop();
    await cached?.stop();
    await driver.close();
  }
}

/** Requests per timed Zipf run: more than a run completes, so no run repeats its draws. */
const ZIPF_REQUESTS = 60_000;
const ZIPF_CONNECTIONS = 16;

/**
 * The skewed workload (buildZipfRequests) at 16 connections over four systems: Papergraph with the
 * result cache on (a server of its own, PAPERGRAPH_CACHE_MB=64) and off, the peer and raw Cypher.
 * Warm-up draws with one seed, each timed repetition with another (the same draws for every system in a
 * repetition), so the cache starts warm but never replays what it was warmed with.
 */
async function runZipf(
  o: HarnessOptions,
  neo4jHome: string,
  driver: ReturnType<typeof neo4j.driver>,
  targets: Targets,
  cached: ServerProcess,
  uncached: ServerProcess,
  peer: ServerProcess,
  progress: (partial: Partial<Record<ZipfSystem, Stat>>, detail: ZipfDetail) => void,
): Promise<{ stats: Record<ZipfSystem, Stat>; detail: ZipfDetail }> {
  const ms = o.zipfMs ?? 5_000;
  const agents: http.Agent[] = [];
  const errors: Record<string, string> = {};
  // the cache-on server's answered requests of the timed runs, by its x-papergraph-cache header
  let recording = false;
  const byStatus = new Map<string, number[]>();
  const record = (key: string, ms: number) => {
    if (!byStatus.has(key)) byStatus.set(key, []);
    byStatus.get(key)!.push(ms);
  };
  const detail: ZipfDetail = { runs: [], cache: {}, cacheByQuery: {} };
  const refreshDetail = () => {
    detail.cache = {};
    detail.cacheByQuery = {};
    for (const [key, l] of byStatus) {
      const [name, status] = key.split(':');
      if (name === '*') detail.cache[status] = spread(l);
      else (detail.cacheByQuery[name] ??= {})[status] = spread(l);
    }
  };
  const tasksFor = (system: ZipfSystem, reqs: ZipfRequest[]): Task[] => {
    if (system === 'raw')
      return reqs.map((r) => ({
        name: r.name,
        run: async () => {
          const session = driver.session({ defaultAccessMode: neo4j.session.READ });
          try {
            const result = await session.run(r.raw.cypher, r.raw.params, { timeout: 10_000 });
            for (const rec of result.records) rawAnswer(rec.toObject());
          } finally {
            await session.close();
          }
          return true;
        },
      }));
    const server = system === 'papergraph_cache' ? cached : system === 'papergraph' ? uncached : peer;
    const agent = new http.Agent({ keepAlive: true, maxSockets: ZIPF_CONNECTIONS });
    agents.push(agent);
    return reqs.map((r) => {
      let status = 'none';
      let timing = '';
      const task = graphqlTask(
        r.name,
        server.url,
        agent,
        system === 'peer' ? r.peer : r.papergraph,
        (body) => {
          errors[system] = body.slice(0, 300);
        },
        (res) => {
          status = String(res.headers['x-papergraph-cache'] ?? 'none');
          timing = String(res.headers['server-timing'] ?? '');
        },
      );
      if (system !== 'papergraph_cache') return task;
      return {
        name: r.name,
        run: async () => {
          const t0 = performance.now();
          const ok = await task.run();
          if (ok && recording) {
            const dt = performance.now() - t0;
            record(`*:${status}`, dt);
            record(`${r.name}:${status}`, dt);
            // the server's own view (Server-Timing): time in the handler, of it waiting for the version
            for (const m of timing.matchAll(/(\w+);dur=([\d.]+)/g))
              record(`*:${status} server ${m[1]}`, Number(m[2]));
          }
          return ok;
        },
      };
    });
  };
  const systems: ZipfSystem[] = ['papergraph_cache', 'papergraph', 'peer', 'raw'];
  const samples: Record<ZipfSystem, LoadSample[]> = {
    papergraph_cache: [],
    papergraph: [],
    peer: [],
    raw: [],
  };
  try {
    const warm = buildZipfRequests(targets, 20_000, o.seed + 1);
    o.log(
      `  zipf: warm-up ${o.warmupMs} ms per system (s=1.1 over ${targets.methods.length} methods, ${targets.datasets.length} datasets)`,
    );
    for (const s of systems) await runClosedLoop(tasksFor(s, warm), ZIPF_CONNECTIONS, o.warmupMs);
    for (let rep = 0; rep < o.reps; rep++) {
      const draws = buildZipfRequests(targets, ZIPF_REQUESTS, o.seed + 10 + rep);
      const order = rep % 2 === 0 ? systems : [...systems].reverse();
      for (const s of order) {
        const tasks = tasksFor(s, draws);
        const loadavg1 = os.loadavg()[0];
        const serverPid = (
          s === 'papergraph_cache' ? cached : s === 'papergraph' ? uncached : s === 'peer' ? peer : null
        )?.child.pid;
        const dbPid = neo4jPid(neo4jHome);
        const cpu0 = {
          client: process.cpuUsage(),
          server: processCpuMs(serverPid),
          neo4j: processCpuMs(dbPid),
        };
        const wall0 = performance.now();
        const loop = monitorEventLoopDelay({ resolution: 5 });
        loop.enable();
        recording = true;
        const sample = await runClosedLoop(tasks, ZIPF_CONNECTIONS, ms);
        recording = false;
        loop.disable();
        const wall = performance.now() - wall0;
        const clientCpu = process.cpuUsage(cpu0.client);
        const used = {
          client: (clientCpu.user + clientCpu.system) / 1000,
          server: serverPid === undefined ? 0 : processCpuMs(serverPid) - cpu0.server,
          neo4j: processCpuMs(dbPid) - cpu0.neo4j,
        };
        const per = (x: number) => Math.round((x / Math.max(1, sample.completed)) * 100) / 100;
        const share = (x: number) => Math.round((x / wall) * 100) / 100;
        detail.runs.push({
          system: s,
          rep: rep + 1,
          loadavg1,
          clientLoopDelayP99Ms: loop.percentile(99) / 1e6,
          clientLoopDelayMaxMs: loop.max / 1e6,
          cpuMsPerRequest: { client: per(used.client), server: per(used.server), neo4j: per(used.neo4j) },
          cores: { client: share(used.client), server: share(used.server), neo4j: share(used.neo4j) },
        });
        if (sample.completed + sample.errors > draws.length)
          o.log(`  WARNING zipf ${s} completed more requests than drawn (${draws.length}): draws repeated`);
        samples[s].push(sample);
        const stat = summarize([sample]);
        const run = detail.runs[detail.runs.length - 1];
        o.log(
          `  zipf rep ${rep + 1} ${s.padEnd(16)} p50 ${fmt(stat.p50)} p99 ${fmt(stat.p99)} ms ${fmt(stat.throughput, 0)}/s${stat.errors ? ` (${stat.errors} failed)` : ''} (load ${fmt(run.loadavg1)}, client loop delay p99 ${fmt(run.clientLoopDelayP99Ms)} ms; CPU ms/request client ${run.cpuMsPerRequest.client} server ${run.cpuMsPerRequest.server} neo4j ${run.cpuMsPerRequest.neo4j}; cores ${run.cores.client}/${run.cores.server}/${run.cores.neo4j})`,
        );
        refreshDetail();
        const partial: Partial<Record<ZipfSystem, Stat>> = {};
        for (const x of systems) if (samples[x].length > 0) partial[x] = summarize(samples[x]);
        progress(partial, detail);
      }
    }
  } finally {
    for (const a of agents) a.destroy();
  }
  for (const [k, v] of Object.entries(errors)) o.log(`  WARNING zipf ${k} had failed requests, e.g.: ${v}`);
  const out = {} as Record<ZipfSystem, Stat>;
  for (const s of systems) out[s] = summarize(samples[s]);
  o.log(
    `  zipf c=16: ${systems.map((s) => `${s} p50 ${fmt(out[s].p50)} p99 ${fmt(out[s].p99)} ms ${fmt(out[s].throughput, 0)}/s`).join(' | ')}`,
  );
  refreshDetail();
  const line = (x: Spread) => `${x.requests} p50 ${fmt(x.p50)} p99 ${fmt(x.p99)} max ${fmt(x.max)} ms`;
  for (const [status, x] of Object.entries(detail.cache)) o.log(`  zipf cache ${status}: ${line(x)}`);
  for (const [name, m] of Object.entries(detail.cacheByQuery))
    o.log(
      `    ${name.padEnd(8)} ${Object.entries(m)
        .map(([status, x]) => `${status} ${line(x)}`)
        .join(' | ')}`,
    );
  return { stats: out, detail };
}

export function fmt(n: number | undefined, digits = 1): string {
  return n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);
}

export function machine() {
  const cpu = os.cpus();
  return {
    nproc: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
