// Leaves the suite's Neo4j running unless PAPERGRAPH_TEST_STOP_DB=1 (CI sets it): restarts are slow.
import { stopInstance, testHome } from '../support/neo4j-instance';

export default async function globalTeardown(): Promise<void> {
  if (process.env.PAPERGRAPH_TEST_STOP_DB === '1' || process.env.CI) await stopInstance(testHome());
}
