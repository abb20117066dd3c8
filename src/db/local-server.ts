// A local Neo4j 5.26 Community server without Docker: `papergraph db start|stop|status`.
// Jars are resolved once with Maven into a shared dist folder (src/db/local-server/distribution.ts);
// each instance keeps conf/data/logs/run in its own home (default .papergraph/neo4j) and runs as a
// detached java process (own process group) whose pid is recorded in <home>/run/. `start` returns
// once Bolt answers a real driver connection; starting a running instance is a no-op.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { Executor } from './executor';
import { defaultDistDir, ensureApoc, ensureDistribution, isDistReady } from './local-server/distribution';
import { InstanceSettings, javaArgs, neo4jConf, sizeInMb } from './local-server/neo4j-conf';
import { packageRoot } from './local-server/package-root';
import { isAlive, isOurServer, isPortFree, sleep, waitForExit } from './local-server/processes';
import { checkJava } from './local-server/toolchain';
import { SERVER_COMPONENTS } from './server-info.queries';

export const DEFAULT_LOCAL_PORT = 7687;
export const DEFAULT_PAGECACHE = '256m';
export const DEFAULT_HEAP = '1g';

export interface LocalServerOptions {
  /** Instance folder (conf, data, logs, run). Default: env PAPERGRAPH_NEO4J_HOME or <repo>/.papergraph/neo4j. */
  home?: string;
  /** Bolt port on 127.0.0.1. Default 7687 for `start`; the running instance's port for `stop`/`status`. */
  port?: number;
  /** Also copy APOC core into <home>/plugins (only the benchmark peer needs it). */
  apoc?: boolean;
  /** Page cache size (default env PAPERGRAPH_NEO4J_PAGECACHE or 256m). */
  pagecache?: string;
  /** Max java heap (default env PAPERGRAPH_NEO4J_HEAP or 1g). */
  heap?: string;
  /** Shared folder holding lib/ (default env PAPERGRAPH_NEO4J_DIST or <repo>/.papergraph/neo4j-dist). */
  distDir?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Called when the start moves to a new phase (for a spinner or log line). */
  onProgress?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface StartResult {
  home: string;
  port: number;
  uri: string;
  pid: number;
  alreadyRunning: boolean;
  /** True when Maven resolved the jars during this start (first run). */
  resolvedJars: boolean;
  elapsedMs: number;
  logFile: string;
}

export interface StopResult {
  home: string;
  wasRunning: boolean;
  pid?: number;
  /** True when SIGTERM did not stop it in time and SIGKILL was sent. */
  killed: boolean;
  /** A pid file was left by a server that is gone; it was removed. */
  stalePidFile: boolean;
}

export interface StatusResult {
  home: string;
  port: number;
  uri: string;
  pid: number | null;
  running: boolean;
  answering: boolean;
  version: string | null;
  edition: string | null;
  logFile: string;
}

interface InstanceState {
  pid: number;
  port: number;
  startedAt: string;
}

export function defaultHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERGRAPH_NEO4J_HOME
    ? path.resolve(env.PAPERGRAPH_NEO4J_HOME)
    : path.join(packageRoot(), '.papergraph', 'neo4j');
}

export function boltUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}

function homeOf(options: LocalServerOptions): string {
  return options.home ? path.resolve(options.home) : defaultHome(options.env ?? process.env);
}

const statePath = (home: string) => path.join(home, 'run', 'papergraph-server.json');
const pidPath = (home: string) => path.join(home, 'run', 'neo4j.pid');
const lockPath = (home: string) => path.join(home, 'run', 'start.lock');
const logPath = (home: string) => path.join(home, 'logs', 'console.log');

function readState(home: string): InstanceState | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(statePath(home), 'utf8')) as Partial<InstanceState>;
    if (typeof state.pid === 'number' && typeof state.port === 'number') return state as InstanceState;
  } catch {
    // no state, or unreadable: treated as not running
  }
  return undefined;
}

/** The Bolt port written into <home>/conf/neo4j.conf by the last start (for status of a stopped instance). */
function configuredPort(home: string): number | undefined {
  try {
    const match = /^server\.bolt\.listen_address=.*:(\d+)\s*$/m.exec(
      fs.readFileSync(path.join(home, 'conf', 'neo4j.conf'), 'utf8'),
    );
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function writeState(home: string, state: InstanceState): void {
  fs.writeFileSync(statePath(home), JSON.stringify(state, null, 2) + '\n');
  fs.writeFileSync(pidPath(home), `${state.pid}\n`);
}

function removeState(home: string): void {
  fs.rmSync(statePath(home), { force: true });
  fs.rmSync(pidPath(home), { force: true });
}

function checkPort(port: number | undefined): void {
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `--port must be an integer between 1 and 65535 (got ${port}).`,
    );
  }
}

function checkSize(name: string, value: string): void {
  if (!Number.isFinite(sizeInMb(value))) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `${name} must be a size such as 256m or 1g (got "${value}").`,
    );
  }
}

/** True when a Bolt server on 127.0.0.1:port answers a real driver handshake. */
export async function boltAnswers(port: number, timeoutMs = 2_000): Promise<boolean> {
  const executor = new Executor(
    { uri: boltUri(port) },
    { connectionTimeoutMs: timeoutMs, maxRetryTimeMs: 0 },
  );
  try {
    await executor.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await executor.close();
  }
}

/** Asks a server for its version and edition (null when it does not answer). */
export async function serverVersion(
  uri: string,
  auth?: { user: string; password: string },
): Promise<{ version: string; edition: string } | null> {
  const executor = new Executor(
    { uri, ...auth },
    { connectionTimeoutMs: 10_000, maxRetryTimeMs: 0, queryTimeoutMs: 30_000 },
  );
  try {
    const rows = await executor.read(SERVER_COMPONENTS, {}, { operation: 'serverVersion' });
    const kernel = rows.find((r) => r.name === 'Neo4j Kernel') ?? rows[0];
    if (!kernel) return null;
    const versions = kernel.versions as string[];
    return { version: versions[0] ?? 'unknown', edition: String(kernel.edition) };
  } catch {
    return null;
  } finally {
    await executor.close();
  }
}

function logTail(home: string, lines = 20): string {
  try {
    return fs.readFileSync(logPath(home), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no console log)';
  }
}

/** Serializes concurrent `start`s of one home; a lock left by a dead process is taken over. */
async function withStartLock<T>(home: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const lock = lockPath(home);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lock, 'utf8').trim());
      if (!Number.isInteger(holder) || !isAlive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new AppError(
          ErrorCode.CONFIGURATION,
          `Another \`papergraph db start\` (pid ${holder}) is starting the server in ${home}; try again when it is done.`,
        );
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

async function waitForBolt(pid: number, port: number, home: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      const tail = logTail(home);
      const hint = /exit code 3|not writable/i.test(tail)
        ? ' (exit code 3 usually means the logs folder is not writable)'
        : '';
      throw new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `Neo4j exited during startup${hint}. Last lines of ${logPath(home)}:\n${tail}`,
      );
    }
    if (await boltAnswers(port, 3_000)) return;
    await sleep(500);
  }
  throw new AppError(
    ErrorCode.DATABASE_UNAVAILABLE,
    `Neo4j (pid ${pid}) did not answer on ${boltUri(port)} within ${Math.round(timeoutMs / 1000)} s. Last lines of ${logPath(home)}:\n${logTail(home)}`,
  );
}

/** Starts the instance (or finds it running) and resolves once Bolt answers. */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<StartResult> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const home = homeOf(options);
  checkPort(options.port);
  const pagecache = options.pagecache ?? env.PAPERGRAPH_NEO4J_PAGECACHE ?? DEFAULT_PAGECACHE;
  const heap = options.heap ?? env.PAPERGRAPH_NEO4J_HEAP ?? DEFAULT_HEAP;
  checkSize('pagecache (--pagecache / PAPERGRAPH_NEO4J_PAGECACHE)', pagecache);
  checkSize('heap (--heap / PAPERGRAPH_NEO4J_HEAP)', heap);
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const progress = options.onProgress ?? (() => undefined);
  for (const dir of ['conf', 'data', 'logs', 'run', 'import', 'plugins'])
    fs.mkdirSync(path.join(home, dir), { recursive: true });

  return withStartLock(home, timeoutMs + 300_000, async () => {
    const state = readState(home);
    if (state && isOurServer(state.pid, home)) {
      if (options.port !== undefined && options.port !== state.port) {
        throw new AppError(
          ErrorCode.CONFIGURATION,
          `The Neo4j in ${home} is already running on port ${state.port} (pid ${state.pid}), not ${options.port}. Stop it first (papergraph db stop --home ${home}) or use another --home.`,
        );
      }
      if (options.apoc && (await ensureApoc(home))) {
        progress('APOC copied into plugins; restart the server (db stop, db start) to load it');
      }
      progress(`already running (pid ${state.pid}); waiting for Bolt on ${boltUri(state.port)}`);
      await waitForBolt(state.pid, state.port, home, timeoutMs);
      return {
        home,
        port: state.port,
        uri: boltUri(state.port),
        pid: state.pid,
        alreadyRunning: true,
        resolvedJars: false,
        elapsedMs: Date.now() - started,
        logFile: logPath(home),
      };
    }
    if (state) removeState(home); // stale pid file: the process is gone (or is not our server)

    const port = options.port ?? DEFAULT_LOCAL_PORT;
    if (!(await isPortFree(port))) {
      const what = (await boltAnswers(port))
        ? 'a Neo4j server that was not started from this home'
        : 'another process';
      throw new AppError(
        ErrorCode.CONFIGURATION,
        `Port ${port} on 127.0.0.1 is already in use by ${what}. Pick another port (--port N, with --home DIR for a separate instance), stop that process, or point NEO4J_URI at it.`,
      );
    }
    const { java } = checkJava(env);
    const distDir = options.distDir ? path.resolve(options.distDir) : defaultDistDir(env);
    if (!isDistReady(distDir))
      progress(
        `resolving Neo4j jars with Maven into ${distDir} (the first run downloads ~150 MB from Maven Central)`,
      );
    const { lib, resolved } = await ensureDistribution(distDir);
    if (options.apoc) {
      progress('copying APOC core into plugins');
      await ensureApoc(home);
    }
    const settings: InstanceSettings = { home, port, pagecache, heap };
    fs.writeFileSync(path.join(home, 'conf', 'neo4j.conf'), neo4jConf(settings));

    progress(`starting Neo4j on ${boltUri(port)}`);
    const log = fs.openSync(logPath(home), 'w');
    let pid: number;
    try {
      const child = spawn(java, javaArgs(settings, lib), {
        cwd: home,
        detached: true,
        stdio: ['ignore', log, log],
        env,
      });
      if (child.pid === undefined) {
        throw new AppError(ErrorCode.CONFIGURATION, `Could not start ${java}; see ${logPath(home)}.`);
      }
      pid = child.pid;
      child.unref();
    } finally {
      fs.closeSync(log);
    }
    writeState(home, { pid, port, startedAt: new Date().toISOString() });
    progress(`waiting for Bolt on ${boltUri(port)} (pid ${pid})`);
    try {
      await waitForBolt(pid, port, home, timeoutMs);
    } catch (error) {
      if (isAlive(pid)) {
        process.kill(pid, 'SIGTERM');
        if (!(await waitForExit(pid, 30_000))) process.kill(pid, 'SIGKILL');
      }
      removeState(home);
      throw error;
    }
    return {
      home,
      port,
      uri: boltUri(port),
      pid,
      alreadyRunning: false,
      resolvedJars: resolved,
      elapsedMs: Date.now() - started,
      logFile: logPath(home),
    };
  });
}

/** Checks Java and resolves the shared jars (what `start` does before launching), without starting. */
export async function installLocalServer(
  options: Pick<LocalServerOptions, 'distDir' | 'env'> = {},
): Promise<{ lib: string; resolved: boolean }> {
  const env = options.env ?? process.env;
  checkJava(env);
  return ensureDistribution(options.distDir ? path.resolve(options.distDir) : defaultDistDir(env));
}

/** Stops the instance with SIGTERM (SIGKILL after the timeout, with `killed: true`). */
export async function stopLocalServer(options: LocalServerOptions = {}): Promise<StopResult> {
  const home = homeOf(options);
  const state = readState(home);
  if (!state) return { home, wasRunning: false, killed: false, stalePidFile: false };
  if (!isOurServer(state.pid, home)) {
    removeState(home);
    return { home, wasRunning: false, pid: state.pid, killed: false, stalePidFile: true };
  }
  process.kill(state.pid, 'SIGTERM');
  let killed = false;
  if (!(await waitForExit(state.pid, options.stopTimeoutMs ?? 60_000))) {
    killed = true;
    process.kill(state.pid, 'SIGKILL');
    await waitForExit(state.pid, 10_000);
  }
  removeState(home);
  return { home, wasRunning: true, pid: state.pid, killed, stalePidFile: false };
}

/** Where the instance is, whether its process runs and whether Bolt answers. */
export async function localServerStatus(options: LocalServerOptions = {}): Promise<StatusResult> {
  const home = homeOf(options);
  checkPort(options.port);
  const state = readState(home);
  const running = state !== undefined && isOurServer(state.pid, home);
  const port = options.port ?? state?.port ?? configuredPort(home) ?? DEFAULT_LOCAL_PORT;
  const uri = boltUri(port);
  // Answering = a Bolt handshake; the version is extra (a busy server may be slow to run the query).
  const answering = await boltAnswers(port, 10_000);
  const info = answering ? await serverVersion(uri) : null;
  return {
    home,
    port,
    uri,
    pid: running && state ? state.pid : null,
    running,
    answering,
    version: info?.version ?? null,
    edition: info?.edition ?? null,
    logFile: logPath(home),
  };
}
