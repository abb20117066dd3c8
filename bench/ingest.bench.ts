// `npm run bench:ingest [-- options]` (`--help` lists them): ingest benchmark on a Neo4j of its own
// (port 7695, home .papergraph/neo4j-bench-ingest, fresh data each run).
//  1. end-to-end: `papergraph ingest` (a child process, as users run it) on a deterministic
//     synthetic corpus -> papers/s and the ingest process's peak RSS (VmHWM);
//  2. write stage alone: the same papers extracted beforehand (untimed), then only the batched
//     graph writes (BatchBuilder + GraphWriter, as in the pipeline) into an empty graph.
// Results go to stdout and bench/results/ingest-<date>[-N][-write-only].json.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Executor } from '../src/db/executor';
import { startLocalServer, stopLocalServer } from '../src/db/local-server';
import { packageRoot } from '../src/db/local-server/package-root';
import { migrate } from '../src/db/migrations';
import { EXTRACTOR_VERSION } from '../src/extract/extractor';
import { createExtractionPool } from '../src/extract/worker-pool';
import { contentHashOf } from '../src/ingest/content-hash';
import type { PreparedPaper, WriteBatch } from '../src/ingest/graph-rows';
import { GraphWriter } from '../src/ingest/graph.writer';
import { DEFAULT_BATCH_SIZE, DEFAULT_WRITE_CONCURRENCY } from '../src/ingest/ingest.service';
import { isMapFailure, toPaperInput } from '../src/readers/paper-input.mapper';
import { preparedBatches } from './ingest/prepared-batches';
import { createSharedNodes, floorWrite } from './ingest/write-floor';
import { writeCorpus } from './synthetic/generate';

const PORT = 7695;
const ROOT = packageRoot();
const HOME = path.join(ROOT, '.papergraph', 'neo4j-bench-ingest');
const WORK = path.join(ROOT, '.papergraph', 'bench-ingest');

const USAGE = `usage: node dist/bench/ingest.bench.js [options]   (npm run bench:ingest -- [options])

Ingest benchmark on its own Neo4j (port ${PORT}, home .papergraph/neo4j-bench-ingest, data wiped each run).

  --papers N        synthetic papers (default 100000)
  --seed S          corpus seed (default 42)
  --batch-size N    papers per write transaction, end-to-end and write stage (default ${DEFAULT_BATCH_SIZE})
  --write-concurrency N
                    batches written at once in the write stage (default ${DEFAULT_WRITE_CONCURRENCY}, as ingest)
  --write-only      only the write stage (no end-to-end \`papergraph ingest\` run)
  --e2e-only        only the end-to-end run
  --warmup N        write stage: first write the corpus's first N papers into the benchmark's Neo4j,
                    empty the graph again and only then measure (default 20000; 0 measures a cold
                    server: its JVM spends most of the first ~90 s compiling Neo4j's code)
  --floor           also measure the write stage's floor (bench/ingest/write-floor.ts) on a fresh server
                    warmed up the same way: the same papers and relationships CREATEd, the shared
                    nodes created beforehand untimed - the least work Neo4j allows for this graph
  --keep-prepared   keep the pre-extracted records (.papergraph/bench-ingest/prepared-*.jsonl) and
                    reuse them on the next run with the same corpus and extractor version
  --no-save         print the results only (no bench/results/ file)
  --help            this text
`;

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function arg(name: string, fallback: number, min = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} expects an integer >= ${min}`);
  return v;
}

const KNOWN = new Set([
  'papers',
  'seed',
  'batch-size',
  'write-concurrency',
  'warmup',
  'floor',
  'write-only',
  'e2e-only',
  'keep-prepared',
  'no-save',
  'help',
]);

/** Unknown options are an error, so a typo does not silently run a 100k benchmark. */
function checkArgs(): void {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const name = args[i].replace(/^--/, '');
    if (!args[i].startsWith('--') || !KNOWN.has(name))
      throw new Error(`unknown argument ${args[i]}\n${USAGE}`);
    if (['papers', 'seed', 'batch-size', 'write-concurrency', 'warmup'].includes(name)) i++;
  }
}

async function freshServer(): Promise<Executor> {
  await stopLocalServer({ home: HOME });
  fs.rmSync(path.join(HOME, 'data'), { recursive: true, force: true });
  await startLocalServer({ home: HOME, port: PORT, heap: '1g', pagecache: '512m' });
  const executor = new Executor({ uri: `bolt://127.0.0.1:${PORT}` }, { queryTimeoutMs: 300_000 });
  await migrate(executor);
  return executor;
}

/** Peak RSS so far of a live process (VmHWM), in MB; undefined when unreadable. */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process (or one of its threads) has used so far, from /proc (clock ticks of 10 ms); 0 when unreadable. */
function cpuSeconds(pid: number, tid?: string): number {
  try {
    const file = tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`;
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Neo4j's thread groups by thread name (/proc task comm, 15 characters). */
function threadGroup(comm: string): string {
  if (comm.startsWith('neo4j.BoltWorke')) return 'boltWorkers';
  if (/^C[12] CompilerThre/.test(comm)) return 'jit';
  if (/^(GC Thread|G1 )/.test(comm)) return 'gc';
  if (comm.startsWith('Lucene')) return 'luceneMerges';
  return 'other';
}

type ThreadCpu = Map<string, { group: string; seconds: number }>;

/**
 * CPU seconds of each live thread of a process, by tid: a thread that ends between two readings
 * loses its time (Bolt workers, compiler and GC threads live as long as the server).
 */
function threadCpu(pid: number): ThreadCpu {
  const out: ThreadCpu = new Map();
  let tids: string[] = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      out.set(tid, { group: threadGroup(comm), seconds: cpuSeconds(pid, tid) });
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** CPU between two threadCpu readings per thread group, in ms per paper. */
function threadCpuMsPerPaper(before: ThreadCpu, after: ThreadCpu, papers: number): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [tid, t] of after)
    sums[t.group] = (sums[t.group] ?? 0) + t.seconds - (before.get(tid)?.seconds ?? 0);
  return Object.fromEntries(
    Object.entries(sums)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, seconds]) => [group, papers > 0 ? Math.round((seconds / papers) * 1e5) / 100 : 0]),
  );
}

/** Pid of the benchmark's Neo4j (its pid file), for its CPU time. */
function serverPid(): number {
  return Number(fs.readFileSync(path.join(HOME, 'run', 'neo4j.pid'), 'utf8').trim());
}

async function endToEnd(
  file: string,
  batchSize: number,
): Promise<{ seconds: number; summary: Record<string, number>; peakRssMb: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'papergraph.js'),
      'ingest',
      '--no-progress',
      '--batch-size',
      String(batchSize),
      '--rejects',
      path.join(WORK, 'rejects.jsonl'),
      file,
    ],
    {
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${PORT}`, NEO4J_USER: '', NEO4J_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  let peak = 0;
  const timer = setInterval(() => {
    const p = child.pid ? peakRssMb(child.pid) : undefined;
    if (p !== undefined) peak = Math.max(peak, p);
  }, 100);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error(`papergraph ingest exited with ${code}`);
  const lines = stdout.trim().split('\n');
  return {
    seconds: (performance.now() - started) / 1000,
    summary: JSON.parse(lines[lines.length - 1]) as Record<string, number>,
    peakRssMb: Math.round(peak),
  };
}

/** Extracts every paper once (untimed) into a JSONL file of prepared records. */
async function preExtract(file: string, out: string): Promise<number> {
  const pool = createExtractionPool({
    workerFile: path.join(ROOT, 'dist', 'src', 'extract', 'extract.worker.js'),
  });
  const sink = fs.createWriteStream(out);
  let n = 0;
  let pending: Promise<PreparedPaper>[] = [];
  const flush = async () => {
    for (const p of await Promise.all(pending)) sink.write(JSON.stringify(p) + '\n');
    pending = [];
  };
  try {
    for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
      const paper = toPaperInput(JSON.parse(line));
      if (isMapFailure(paper)) continue;
      pending.push(
        pool.extract(paper).then((record) => ({ paper, record, contentHash: contentHashOf(paper) })),
      );
      n++;
      if (pending.length >= 1_000) await flush();
    }
    await flush();
  } finally {
    await pool.close();
    await new Promise<void>((resolve) => sink.end(resolve));
  }
  return n;
}

/**
 * Deletes every node but the migrations' own (labels starting with `__`), in small transactions:
 * papers first (~15 relationships each), so no transaction deletes a popular entity with its
 * thousands of relationships (that exhausted the 1 GB heap).
 */
const WIPE_BATCHES = [
  `MATCH (n:Paper) WITH n LIMIT 1000 DETACH DELETE n RETURN count(*) AS deleted`,
  `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__')
   WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted`,
];

async function emptyGraph(executor: Executor): Promise<void> {
  for (const wipe of WIPE_BATCHES) while (Number((await executor.write(wipe))[0]?.deleted ?? 0) > 0);
}

/** Writes a batch as the ingest pipeline does (one GraphWriter for the whole stage). */
function pipelineWrite(executor: Executor): (batch: WriteBatch) => Promise<void> {
  const writer = new GraphWriter(executor);
  return (batch) => writer.write(batch);
}

/**
 * Writes the first `expected` prepared papers (all when the file holds no more), timed, with `write`
 * per batch (default: GraphWriter, as the pipeline does) and up to `concurrency` batches at once.
 */
async function writeStage(
  executor: Executor,
  prepared: string,
  batchSize: number,
  concurrency: number,
  expected: number,
  write: (batch: WriteBatch) => Promise<void> = pipelineWrite(executor),
): Promise<{
  seconds: number;
  papers: number;
  relationships: number;
  neo4jCpuSeconds: number;
  clientCpuSeconds: number;
  /** Write statements that failed and were run again (lock conflicts between concurrent batches). */
  failedStatements: number;
  secondHalf: {
    papers: number;
    seconds: number;
    papersPerSecond: number;
    neo4jCpuMsPerPaper: number;
    neo4jThreadsCpuMsPerPaper: Record<string, number>;
  };
}> {
  const pid = serverPid();
  const neo4jCpu = cpuSeconds(pid);
  const clientCpu = process.cpuUsage();
  const started = performance.now();
  let papers = 0;
  let written = 0;
  let relationships = 0;
  // Per batch: papers written so far, wall clock and Neo4j CPU at its end (for the second half's rate:
  // a fresh server spends the first batches compiling and planning).
  const marks: { papers: number; at: number; neo4jCpu: number; threads?: ThreadCpu }[] = [
    { papers: 0, at: started, neo4jCpu },
  ];
  // As in the pipeline: the next batch is built while up to `concurrency` batches are written.
  const writes = new Set<Promise<void>>();
  let failedStatements = 0;
  const stopListening = executor.onQuery((q) => {
    if (!q.ok) failedStatements++;
  });
  for await (const next of preparedBatches(prepared, batchSize, expected)) {
    papers += next.papers;
    relationships += next.relationships;
    const done: Promise<void> = write(next.batch).then(() => {
      writes.delete(done);
      written += next.papers;
      const atHalf = !marks.some((m) => m.threads) && written >= expected / 2;
      marks.push({
        papers: written,
        at: performance.now(),
        neo4jCpu: cpuSeconds(pid),
        threads: atHalf ? threadCpu(pid) : undefined,
      });
    });
    writes.add(done);
    while (writes.size >= concurrency) await Promise.race(writes);
  }
  await Promise.all(writes);
  stopListening();
  const client = process.cpuUsage(clientCpu);
  const end = marks[marks.length - 1];
  const mid = marks.find((m) => m.threads) ?? marks[0];
  const threadsAtEnd = threadCpu(pid);
  const half = end.papers - mid.papers;
  const halfSeconds = (end.at - mid.at) / 1000;
  return {
    seconds: (performance.now() - started) / 1000,
    papers,
    relationships,
    // CPU used while writing: the write stage's cost, less sensitive than wall time to other load.
    neo4jCpuSeconds: Math.round((cpuSeconds(pid) - neo4jCpu) * 10) / 10,
    clientCpuSeconds: Math.round(((client.user + client.system) / 1e6) * 10) / 10,
    failedStatements,
    secondHalf: {
      papers: half,
      seconds: Math.round(halfSeconds * 100) / 100,
      papersPerSecond: halfSeconds > 0 ? Math.round(half / halfSeconds) : 0,
      neo4jCpuMsPerPaper: half > 0 ? Math.round(((end.neo4jCpu - mid.neo4jCpu) / half) * 1e5) / 100 : 0,
      // boltWorkers: the transactions themselves; jit, gc, luceneMerges: background threads.
      neo4jThreadsCpuMsPerPaper: threadCpuMsPerPaper(mid.threads ?? new Map(), threadsAtEnd, half),
    },
  };
}

async function main(): Promise<void> {
  if (flag('help')) {
    process.stdout.write(USAGE);
    return;
  }
  checkArgs();
  const papers = arg('papers', 100_000);
  const seed = arg('seed', 42);
  const batchSize = arg('batch-size', DEFAULT_BATCH_SIZE);
  const writeConcurrency = arg('write-concurrency', DEFAULT_WRITE_CONCURRENCY);
  const warmup = arg('warmup', 20_000, 0);
  let warmupSeconds = 0;
  const runE2e = !flag('write-only');
  const runWrite = !flag('e2e-only');
  if (!runE2e && !runWrite) throw new Error('--write-only and --e2e-only exclude each other');
  fs.mkdirSync(WORK, { recursive: true });
  const corpus = path.join(WORK, `synthetic-${papers}-${seed}.jsonl`);
  process.stderr.write(`bench:ingest: generating ${papers} synthetic papers (seed ${seed})\n`);
  await writeCorpus(corpus, papers, seed);
  const corpusMb = fs.statSync(corpus).size / 1e6;

  let executor: Executor | undefined;
  const results: Record<string, unknown> = {};
  const loadAverages: number[][] = [os.loadavg()];
  try {
    if (runE2e) {
      executor = await freshServer();
      await executor.close();
      executor = undefined;
      process.stderr.write('bench:ingest: end-to-end `papergraph ingest`\n');
      const e2e = await endToEnd(corpus, batchSize);
      results.endToEnd = {
        ...e2e,
        batchSize,
        papersPerSecond: Math.round(e2e.summary.papers / e2e.seconds),
        loadAverageAfter: rounded(os.loadavg()),
      };
      loadAverages.push(os.loadavg());
      process.stderr.write(`bench:ingest: ${JSON.stringify(results.endToEnd)}\n`);
    }
    if (runWrite) {
      const preparedFile = path.join(
        WORK,
        `prepared-${papers}-${seed}-${EXTRACTOR_VERSION.replace(/[^\w.+-]/g, '_')}.jsonl`,
      );
      const keep = flag('keep-prepared');
      if (!(keep && fs.existsSync(preparedFile))) {
        process.stderr.write('bench:ingest: pre-extracting for the write stage (untimed)\n');
        await preExtract(corpus, preparedFile + '.tmp');
        fs.renameSync(preparedFile + '.tmp', preparedFile);
      } else process.stderr.write(`bench:ingest: reusing ${path.relative(ROOT, preparedFile)}\n`);
      executor = await freshServer();
      const warmUp = async (ex: Executor) => {
        if (warmup === 0) return;
        process.stderr.write(`bench:ingest: warm-up: writing ${warmup} papers, then emptying the graph\n`);
        const started = performance.now();
        await writeStage(ex, preparedFile, batchSize, writeConcurrency, Math.min(warmup, papers));
        await emptyGraph(ex);
        warmupSeconds = Math.round((performance.now() - started) / 100) / 10;
      };
      await warmUp(executor);
      process.stderr.write('bench:ingest: write stage alone\n');
      const w = await writeStage(executor, preparedFile, batchSize, writeConcurrency, papers);
      results.writeStage = {
        ...w,
        batchSize,
        writeConcurrency,
        warmup: { papers: Math.min(warmup, papers), seconds: warmupSeconds },
        papersPerSecond: Math.round(w.papers / w.seconds),
        relationshipsPerSecond: Math.round(w.relationships / w.seconds),
        neo4jCpuMsPerPaper: Math.round((w.neo4jCpuSeconds / w.papers) * 1e5) / 100,
        loadAverageAfter: rounded(os.loadavg()),
      };
      loadAverages.push(os.loadavg());
      process.stderr.write(`bench:ingest: ${JSON.stringify(results.writeStage)}\n`);
      if (flag('floor')) {
        await executor.close();
        executor = await freshServer();
        await warmUp(executor);
        process.stderr.write('bench:ingest: write floor (shared nodes first, untimed; then CREATE only)\n');
        const sharedNodesSeconds = await createSharedNodes(executor, preparedFile, batchSize, papers);
        const floor = await writeStage(
          executor,
          preparedFile,
          batchSize,
          writeConcurrency,
          papers,
          floorWrite(executor),
        );
        results.writeFloor = {
          ...floor,
          batchSize,
          writeConcurrency,
          sharedNodesSeconds,
          papersPerSecond: Math.round(floor.papers / floor.seconds),
          neo4jCpuMsPerPaper: Math.round((floor.neo4jCpuSeconds / floor.papers) * 1e5) / 100,
          clientCpuMsPerPaper: Math.round((floor.clientCpuSeconds / floor.papers) * 1e5) / 100,
          loadAverageAfter: rounded(os.loadavg()),
        };
        loadAverages.push(os.loadavg());
        process.stderr.write(`bench:ingest: ${JSON.stringify(results.writeFloor)}\n`);
      }
      if (!keep) fs.rmSync(preparedFile, { force: true });
    }
  } finally {
    await executor?.close();
    await stopLocalServer({ home: HOME });
  }

  const report = {
    date: new Date().toISOString(),
    command: `node dist/bench/ingest.bench.js ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: rounded(loadAverages[0]),
      loadAverageAtEnd: rounded(os.loadavg()),
    },
    extractorVersion: EXTRACTOR_VERSION,
    corpus: { papers, seed, sizeMb: Math.round(corpusMb * 10) / 10 },
    neo4j: { port: PORT, heap: '1g', pagecache: '512m', version: '5.26 (local, same machine)' },
    targets: { endToEndPapersPerSecond: 250, writeStagePapersPerSecond: 2000, peakRssMb: 500 },
    ...results,
  };
  const suffix = `${papers === 100_000 ? '' : `-${papers}`}${runE2e ? '' : '-write-only'}${runWrite ? '' : '-e2e-only'}`;
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  if (flag('no-save')) return;
  const out = path.join(ROOT, 'bench', 'results', `ingest-${report.date.slice(0, 10)}${suffix}.json`);
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`bench:ingest: results in ${path.relative(ROOT, out)}\n`);
}

function rounded(load: number[]): number[] {
  return load.map((x) => Math.round(x * 10) / 10);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ingest failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
