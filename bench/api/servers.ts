// Starts and stops the benchmark's processes: the local Neo4j (`papergraph db start --apoc`), and the
// two GraphQL servers as child processes, each with the Cypher-statement counter preloaded.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'papergraph.js');
const COUNTER = path.join(ROOT, 'dist', 'bench', 'api', 'cypher-counter.preload.js');

/** True when something accepts TCP connections on 127.0.0.1:port (Bolt already up). */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startNeo4j(
  port: number,
  home: string,
  log: (s: string) => void,
): Promise<{ started: boolean; how: string }> {
  if (await portOpen(port)) return { started: false, how: 'already running' };
  log(`starting Neo4j on bolt://127.0.0.1:${port} (home ${home}, with APOC)...`);
  // A bigger page cache than the CLI default so the 100k-paper store is served from memory (same for every system).
  const env = { ...process.env, PAPERGRAPH_NEO4J_PAGECACHE: process.env.PAPERGRAPH_NEO4J_PAGECACHE ?? '1g' };
  const run = spawnSync(
    process.execPath,
    [CLI, 'db', 'start', '--port', String(port), '--home', home, '--apoc'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (run.status === 0) return { started: true, how: 'papergraph db start --apoc' };
  throw new Error(
    `could not start Neo4j: papergraph db start exited ${run.status}: ${(run.stderr || run.stdout).slice(0, 800)}`,
  );
}

/** The Bolt port the instance of `home` was started on (its run file), or null. */
function runningPort(home: string): number | null {
  try {
    const run = JSON.parse(fs.readFileSync(path.join(home, 'run', 'papergraph-server.json'), 'utf8')) as {
      port?: unknown;
    };
    return typeof run.port === 'number' ? run.port : null;
  } catch {
    return null;
  }
}

/**
 * Stops the instance of `home` if one runs on `port` (no-op otherwise): frees the port for another
 * size's instance, and leaves alone an instance of another size kept running on another port.
 */
export async function stopNeo4jIfOurs(port: number, home: string): Promise<void> {
  let stopped = false;
  const on = runningPort(home);
  if (fs.existsSync(path.join(home, 'run')) && (on === null || on === port)) {
    const run = spawnSync(process.execPath, [CLI, 'db', 'stop', '--home', home], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    stopped ||= run.status === 0 && !/not running/i.test(run.stdout + run.stderr);
  }
  // only wait for the port when an instance was actually stopped (the wanted one may be the one listening)
  for (let i = 0; stopped && i < 60 && (await portOpen(port)); i++)
    await new Promise((r) => setTimeout(r, 500));
}

export function stopNeo4j(port: number, home: string): void {
  spawnSync(process.execPath, [CLI, 'db', 'stop', '--port', String(port), '--home', home], {
    cwd: ROOT,
    stdio: 'ignore',
  });
}

export interface ServerProcess {
  name: 'papergraph' | 'peer';
  kind: ServerKind;
  url: string;
  statsUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** How each server is started: Papergraph as users run it (`papergraph serve`), the peer by its launcher. */
export type ServerKind = 'papergraph-serve' | 'peer';

export async function startServer(
  kind: ServerKind,
  port: number,
  statsPort: number,
  neo4jUri: string,
  extraNodeArgs: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const name = kind === 'peer' ? 'peer' : 'papergraph';
  const entry: Record<ServerKind, string[]> = {
    'papergraph-serve': [CLI, 'serve', '--port', String(port)],
    peer: [path.join(ROOT, 'dist', 'bench', 'api', 'peer', 'peer.main.js')],
  };
  const args = [...extraNodeArgs, '--require', COUNTER, ...entry[kind]];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      PORT: String(port),
      BENCH_STATS_PORT: String(statsPort),
      PAPERGRAPH_LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} server exited (code ${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} server did not answer on ${url} within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name,
    kind,
    url,
    statsUrl: `http://127.0.0.1:${statsPort}/stats`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function statementCount(server: ServerProcess): Promise<number> {
  const res = await fetch(server.statsUrl);
  return ((await res.json()) as { statements: number }).statements;
}
