// Reliability suite setup: its own Neo4j with the sample corpus, and a fresh build (the fault tests
// spawn the real CLI, `node bin/papergraph.js serve`, which runs dist/).
import { execFileSync } from 'node:child_process';
import { ROOT, startLoadedInstance, testHome, testPort } from '../support/neo4j-instance';

export default async function globalSetup(): Promise<void> {
  if (process.env.PAPERGRAPH_TEST_SKIP_BUILD !== '1')
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  try {
    await startLoadedInstance(testPort(), testHome());
  } catch (error) {
    throw new Error(
      `could not start the reliability suite's Neo4j on port ${testPort()} (home ${testHome()}): ${(error as Error).message}\nSet NEO4J_TEST_PORT / NEO4J_TEST_HOME to a free port and a folder of your own.`,
    );
  }
}
