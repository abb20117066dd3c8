// Jest global setup of the `integration` project: starts a Neo4j of the tests' own (port
// NEO4J_TEST_PORT, default 7688; home NEO4J_TEST_HOME, default .papergraph/neo4j-test) with a fresh
// data folder, applies the migrations, and exports its URI to the test workers. With NEO4J_TEST_URI
// set, that server is used instead and nothing is started or stopped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Executor } from '../../src/db/executor';
import { serverVersion, startLocalServer, stopLocalServer } from '../../src/db/local-server';
import { packageRoot } from '../../src/db/local-server/package-root';
import { migrate } from '../../src/db/migrations';
import { DEFAULT_TEST_PORT, TEST_SERVER_START_TIMEOUT_MS } from '../support/neo4j';

/** What teardown needs: read back from globalThis (jest runs setup and teardown in one process). */
export interface TestServerState {
  startedHome?: string;
}

declare global {
  var __PAPERGRAPH_TEST_SERVER__: TestServerState | undefined;
}

export default async function globalSetup(): Promise<void> {
  const external = process.env.NEO4J_TEST_URI?.trim();
  const state: TestServerState = {};
  globalThis.__PAPERGRAPH_TEST_SERVER__ = state;
  let uri: string;
  let where: string;
  if (external) {
    uri = external;
    where = 'external server from NEO4J_TEST_URI';
  } else {
    const port = Number(process.env.NEO4J_TEST_PORT ?? DEFAULT_TEST_PORT);
    const home = path.resolve(
      packageRoot(),
      process.env.NEO4J_TEST_HOME ?? path.join('.papergraph', 'neo4j-test'),
    );
    // A server left by an interrupted run is stopped, and the data folder wiped: every run starts empty.
    await stopLocalServer({ home });
    fs.rmSync(path.join(home, 'data'), { recursive: true, force: true });
    const started = Date.now();
    try {
      const server = await startLocalServer({
        home,
        port,
        startTimeoutMs: TEST_SERVER_START_TIMEOUT_MS,
        onProgress: (message) => process.stderr.write(`[test neo4j] ${message}\n`),
      });
      state.startedHome = home;
      uri = server.uri;
      where = `${home}, started in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    } catch (error) {
      throw new Error(
        `integration tests: could not start their Neo4j on port ${port} (${(error as Error).message})\n` +
          'Set NEO4J_TEST_PORT/NEO4J_TEST_HOME for another instance, or NEO4J_TEST_URI to use a running server.',
      );
    }
  }

  // Everything the tests run (including CLI child processes) talks to the test server, not the user's graph.
  process.env.PAPERGRAPH_TEST_NEO4J_URI = uri;
  process.env.NEO4J_URI = uri;
  if (external) {
    if (process.env.NEO4J_TEST_USER) process.env.NEO4J_USER = process.env.NEO4J_TEST_USER;
    if (process.env.NEO4J_TEST_PASSWORD) process.env.NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD;
  } else {
    delete process.env.NEO4J_USER;
    delete process.env.NEO4J_PASSWORD;
    delete process.env.NEO4J_DATABASE;
  }

  const user = process.env.NEO4J_USER?.trim() || undefined;
  const executor = new Executor({ uri, user, password: user ? process.env.NEO4J_PASSWORD : undefined });
  try {
    await executor.verifyConnectivity();
    await migrate(executor);
    const info = await serverVersion(
      uri,
      user ? { user, password: process.env.NEO4J_PASSWORD ?? '' } : undefined,
    );
    process.stdout.write(
      `\nintegration tests: Neo4j ${info?.version ?? 'unknown version'} ${info?.edition ?? ''} at ${uri} (${where})\n`,
    );
  } catch (error) {
    if (state.startedHome) await stopLocalServer({ home: state.startedHome });
    throw error;
  } finally {
    await executor.close();
  }
}
