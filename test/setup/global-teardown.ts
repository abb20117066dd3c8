// Jest global teardown of the `integration` project: stops the Neo4j that global setup started
// (nothing when it used an external NEO4J_TEST_URI server).
import { stopLocalServer } from '../../src/db/local-server';
import type { TestServerState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state: TestServerState | undefined = globalThis.__PAPERGRAPH_TEST_SERVER__;
  if (!state?.startedHome) return;
  const result = await stopLocalServer({ home: state.startedHome });
  if (result.killed)
    process.stderr.write(
      `integration tests: Neo4j (pid ${result.pid}) did not stop in time and was killed\n`,
    );
}
