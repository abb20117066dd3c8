// `papergraph db start|stop|status` against a real server of this file's own (port 7689, home
// .papergraph/neo4j-test-local-server): start is idempotent, status tells the truth, stop stops it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import {
  localServerStatus,
  startLocalServer,
  StatusResult,
  stopLocalServer,
} from '../../src/db/local-server';
import { packageRoot } from '../../src/db/local-server/package-root';
import { isAlive, isPortFree } from '../../src/db/local-server/processes';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { TEST_SERVER_START_TIMEOUT_MS } from '../support/neo4j';

jest.setTimeout(TEST_SERVER_START_TIMEOUT_MS + 60_000);

const PORT = Number(process.env.NEO4J_LOCAL_SERVER_TEST_PORT ?? 7689);
const home = path.join(packageRoot(), '.papergraph', 'neo4j-test-local-server');
const otherHome = path.join(packageRoot(), '.papergraph', 'neo4j-test-local-server-other');

/** Pids of java processes running Neo4j with the given home (from /proc, Linux). */
function serverPids(dir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return cmd.includes('org.neo4j.server.CommunityEntryPoint') && cmd.includes(`--home-dir=${dir}`);
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}

/** Runs the CLI in-process and returns its exit code and stdout. */
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    process.exitCode = undefined;
    const code = await main(args);
    return { code, stdout };
  } finally {
    process.exitCode = undefined;
    spy.mockRestore();
    errSpy.mockRestore();
  }
}

describe('LocalServer: db start, status, stop on a real Neo4j', () => {
  let firstPid: number;

  beforeAll(async () => {
    await stopLocalServer({ home });
    fs.rmSync(path.join(home, 'data'), { recursive: true, force: true });
  });
  afterAll(async () => {
    await stopLocalServer({ home });
    await stopLocalServer({ home: otherHome });
  });

  it('starts a server that answers on Bolt, bound to 127.0.0.1 only', async () => {
    const result = await startLocalServer({
      home,
      port: PORT,
      heap: '512m',
      startTimeoutMs: TEST_SERVER_START_TIMEOUT_MS,
    });
    firstPid = result.pid;
    expect(result).toMatchObject({
      home,
      port: PORT,
      uri: `bolt://127.0.0.1:${PORT}`,
      alreadyRunning: false,
    });
    expect(isAlive(result.pid)).toBe(true);
    expect(fs.readFileSync(path.join(home, 'run', 'neo4j.pid'), 'utf8').trim()).toBe(String(result.pid));
    expect(fs.readFileSync(path.join(home, 'conf', 'neo4j.conf'), 'utf8')).toContain(
      `server.bolt.listen_address=127.0.0.1:${PORT}`,
    );
  });

  it('does not start a second server when started again (same pid, one process)', async () => {
    const again = await startLocalServer({ home, port: PORT });
    expect(again).toMatchObject({ alreadyRunning: true, pid: firstPid });
    expect(serverPids(home)).toEqual([firstPid]);
    const viaCli = await cli(['db', 'start', '--port', String(PORT), '--home', home]);
    expect(viaCli.code).toBe(0);
    expect(serverPids(home)).toEqual([firstPid]);
  });

  it('refuses to start another instance on a port that is taken, with a CONFIGURATION error', async () => {
    const error = await startLocalServer({ home: otherHome, port: PORT }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.CONFIGURATION);
    expect((error as AppError).message).toMatch(new RegExp(`Port ${PORT} .* already in use`));
    expect(serverPids(otherHome)).toEqual([]);
  });

  it('reports status as JSON: home, port, pid, answering, version', async () => {
    const { code, stdout } = await cli(['db', 'status', '--home', home, '--json']);
    expect(code).toBe(0);
    const status = JSON.parse(stdout) as StatusResult;
    expect(status).toEqual({
      home,
      port: PORT,
      uri: `bolt://127.0.0.1:${PORT}`,
      pid: firstPid,
      running: true,
      answering: true,
      version: expect.stringMatching(/^5\.26\./),
      edition: 'community',
      logFile: path.join(home, 'logs', 'console.log'),
    });
  });

  it('stops the server: the process exits, the port is free, status says so', async () => {
    const { code, stdout } = await cli(['db', 'stop', '--home', home]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Neo4j stopped (pid ${firstPid}`);
    expect(isAlive(firstPid)).toBe(false);
    expect(await isPortFree(PORT)).toBe(true);
    expect(await localServerStatus({ home })).toMatchObject({
      port: PORT,
      pid: null,
      running: false,
      answering: false,
    });
    expect((await cli(['db', 'status', '--home', home])).code).toBe(1);
    expect(await stopLocalServer({ home })).toMatchObject({ wasRunning: false, stalePidFile: false });
  });

  it('cleans up a stale pid file and starts normally', async () => {
    // A pid that cannot be ours: the start lock's holder (this jest worker) is alive but is not java.
    fs.writeFileSync(
      path.join(home, 'run', 'papergraph-server.json'),
      JSON.stringify({ pid: process.pid, port: PORT, startedAt: 'x' }),
    );
    const result = await startLocalServer({
      home,
      port: PORT,
      heap: '512m',
      startTimeoutMs: TEST_SERVER_START_TIMEOUT_MS,
    });
    expect(result.alreadyRunning).toBe(false);
    expect(result.pid).not.toBe(process.pid);
    expect(serverPids(home)).toEqual([result.pid]);
    await stopLocalServer({ home });
    expect(serverPids(home)).toEqual([]);
  });
});
