// Starts the API in-process exactly as `papergraph serve` does (startServe), against the suite's Neo4j,
// on a free port the server picks (port 0), so suites running side by side never collide.
import 'reflect-metadata';
import { startServe } from '../../../src/cli/commands/serve.command';
import { testUri } from './neo4j-instance';

export interface Api {
  port: number;
  base: string;
  url: string;
  stop(): Promise<void>;
}

export async function startApi(env: Record<string, string> = {}): Promise<Api> {
  const { server, stop } = await startServe(
    { port: '0' },
    { ...process.env, NEO4J_URI: testUri(), PAPERGRAPH_LOG_LEVEL: 'silent', ...env },
  );
  return { port: server.port, base: server.url.replace(/\/graphql$/, ''), url: server.url, stop };
}
