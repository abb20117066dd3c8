// Starts the API in-process exactly as `papergraph serve` does (startServe), against the suite's Neo4j.
import 'reflect-metadata';
import { startServe } from '../../../src/cli/commands/serve.command';
import { testUri } from './neo4j-instance';

export interface Api {
  base: string;
  url: string;
  stop(): Promise<void>;
}

export async function startApi(port: number, env: Record<string, string> = {}): Promise<Api> {
  const { server, stop } = await startServe(
    { port: String(port) },
    { ...process.env, NEO4J_URI: testUri(), PAPERGRAPH_LOG_LEVEL: 'silent', ...env },
  );
  return { base: server.url.replace(/\/graphql$/, ''), url: server.url, stop };
}
