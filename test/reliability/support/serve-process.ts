// Runs the real CLI, `node bin/papergraph.js serve --port 0`, as a child process (dist/ is built by
// the suite's global setup) and collects its stdout (JSON log lines) and stderr. Port 0: the server
// picks a free port and prints its URL, so suites running side by side never collide.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './neo4j-instance';
import { status, waitFor } from './http-client';

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  base: string;
  url: string;
  stdout: string[];
  stderr: string[];
  /** Parsed JSON lines of stdout. */
  logs(): Record<string, unknown>[];
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnServe(
  env: Record<string, string>,
  readyTimeoutMs = 120_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'papergraph.js'), 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, PAPERGRAPH_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    stdout.push(...lines.filter((l) => l.length > 0));
  });
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  let base = '';
  try {
    await waitFor(async () => {
      if (dead) throw new Error('exited');
      // `serve` prints "GraphQL at http://127.0.0.1:<port>/graphql ..." once it listens
      const printed = /GraphQL at (http:\/\/[^\s/]+)\/graphql/.exec(stderr.join(''));
      if (!printed) return false;
      base = printed[1];
      return (await status(`${base}/healthz`)) === 200;
    }, readyTimeoutMs);
  } catch {
    child.kill('SIGKILL');
    throw new Error(
      `papergraph serve did not come up (${base || 'no URL printed'}):\n${stderr.join('').slice(-2000)}`,
    );
  }
  const port = Number(new URL(base).port);
  const stop = async (graceMs = 15_000) => {
    if (!dead) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  const logs = () =>
    stdout.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return { child, port, base, url: `${base}/graphql`, stdout, stderr, logs, exited, stop };
}
