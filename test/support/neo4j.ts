// Helpers for integration tests (*.int.test.ts): the executor of the test server that
// test/setup/global-setup.ts started (never the user's NEO4J_URI), a reachability check with an
// actionable message, and cleanup of domain nodes.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Executor, type ExecutorOptions } from '../../src/db/executor';
import { startLocalServer, stopLocalServer } from '../../src/db/local-server';
import { packageRoot } from '../../src/db/local-server/package-root';
import { DELETE_DOMAIN_NODES } from './neo4j.queries';

export const DEFAULT_TEST_PORT = 7688;
/** How long test setups wait for a server to answer: a shared, busy CI machine can take minutes. */
/**
 * Time limit for tests' own bookkeeping reads (the graph version): the product's 5 s is for a warm
 * server; a just-started test server on a loaded machine can spend longer planning its first query.
 */
export const TEST_READ_TIMEOUT_MS = 120_000;
export const TEST_SERVER_START_TIMEOUT_MS = Number(process.env.NEO4J_TEST_START_TIMEOUT_MS ?? 300_000);

/**
 * The test server's URI: what global setup exported (PAPERGRAPH_TEST_NEO4J_URI), else an external
 * NEO4J_TEST_URI, else the default test port. Deliberately NOT NEO4J_URI: that is the user's graph.
 */
export function testNeo4jUri(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.PAPERGRAPH_TEST_NEO4J_URI?.trim() ||
    env.NEO4J_TEST_URI?.trim() ||
    `bolt://127.0.0.1:${Number(env.NEO4J_TEST_PORT ?? DEFAULT_TEST_PORT)}`
  );
}

/** A new executor on the test server (close it in afterAll). */
export function testExecutor(options: ExecutorOptions = {}): Executor {
  const user = process.env.NEO4J_TEST_USER?.trim() || undefined;
  return new Executor(
    { uri: testNeo4jUri(), user, password: user ? (process.env.NEO4J_TEST_PASSWORD ?? '') : undefined },
    { maxRetryTimeMs: 2_000, connectionTimeoutMs: 3_000, ...options },
  );
}

/** Throws an Error that says how to get a test server when the executor's server does not answer. */
export async function assertReachable(executor: Executor): Promise<void> {
  try {
    await executor.verifyConnectivity();
  } catch (error) {
    throw new Error(
      `could not reach the test Neo4j at ${executor.uri} (${(error as Error).message}). ` +
        "Integration tests start their own server through jest's global setup (run them with `npx jest` or `npm test`, " +
        'with NEO4J_TEST_PORT/NEO4J_TEST_HOME for a separate instance); to use a running server instead, set NEO4J_TEST_URI. ' +
        'Check Java 17+ and Maven with `npx papergraph db start --port 7688 --home .papergraph/neo4j-test`.',
    );
  }
}

/** An executor on the test server that is known to answer. */
export async function connectTestExecutor(options: ExecutorOptions = {}): Promise<Executor> {
  const executor = testExecutor(options);
  try {
    await assertReachable(executor);
  } catch (error) {
    await executor.close();
    throw error;
  }
  return executor;
}

/**
 * Deletes every domain node (labels not starting with `__`) and its relationships; keeps the
 * migration history and schema. The whole graph: only for tests that own the test server's data -
 * tests sharing it should delete what they created by id.
 */
export async function cleanDatabase(executor: Executor, batch = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await executor.write(DELETE_DOMAIN_NODES, { batch }, { operation: 'test.cleanDatabase' });
    const deleted = Number(row?.deleted ?? 0);
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** A free TCP port on 127.0.0.1 (from the OS's ephemeral range, so it never collides with fixed ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnServer {
  uri: string;
  home: string;
  executor: Executor;
  /** Closes the executor and stops the server. */
  stop(): Promise<void>;
}

/**
 * Starts a Neo4j of a test file's own (fresh data, under .papergraph/<name>) for tests that must
 * control the whole database (e.g. migration history). Stop it in afterAll.
 */
export async function startOwnServer(name: string, port?: number): Promise<OwnServer> {
  const home = path.join(packageRoot(), '.papergraph', name);
  await stopLocalServer({ home });
  fs.rmSync(path.join(home, 'data'), { recursive: true, force: true });
  const server = await startLocalServer({
    home,
    port: port ?? (await freePort()),
    heap: '512m',
    startTimeoutMs: TEST_SERVER_START_TIMEOUT_MS,
  });
  const executor = new Executor({ uri: server.uri }, { maxRetryTimeMs: 2_000, connectionTimeoutMs: 3_000 });
  return {
    uri: server.uri,
    home,
    executor,
    stop: async () => {
      await executor.close();
      await stopLocalServer({ home });
    },
  };
}
