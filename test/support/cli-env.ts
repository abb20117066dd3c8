// Pointing the CLI at a test's Neo4j: the commands read NEO4J_URI (src/config/neo4j-config.ts), both
// when a test runs them in process (runExport, runImport, runCurate) and in a child process
// (`bin/papergraph.js ...`). Never the user's graph: the URI is the test server's.
import { testNeo4jUri } from './neo4j';

/** In-process commands read `uri` until the returned function restores what NEO4J_URI was. */
export function pointCliAt(uri: string): () => void {
  const saved = process.env.NEO4J_URI;
  process.env.NEO4J_URI = uri;
  return () => {
    if (saved === undefined) delete process.env.NEO4J_URI;
    else process.env.NEO4J_URI = saved;
  };
}

/**
 * The environment of a CLI child process talking to `uri` (default: the test server): no database
 * name, and no credentials unless the test server needs them (NEO4J_TEST_USER).
 */
export function cliChildEnv(uri: string = testNeo4jUri()): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri };
  delete env.NEO4J_DATABASE;
  if (!process.env.NEO4J_TEST_USER) {
    delete env.NEO4J_USER;
    delete env.NEO4J_PASSWORD;
  }
  return env;
}
