// Fallback launcher of the Papergraph server for the benchmark, used only while `papergraph serve`
// is not available in this checkout: the same schema (buildPapergraphSchema) and HTTP server
// (runServer) that `serve` wires, without the hardening guards `serve` adds.
import 'reflect-metadata';
import { neo4jConfigFromEnv } from '../../src/config/neo4j-config';
import { Executor } from '../../src/db/executor';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { runServer } from '../../src/server/http-server';
import { createLogger } from '../../src/server/logging';

async function main(): Promise<void> {
  const executor = new Executor(neo4jConfigFromEnv());
  const logger = createLogger({ level: process.env.PAPERGRAPH_LOG_LEVEL ?? 'warn' });
  const server = await runServer({
    executor,
    schema: await buildPapergraphSchema(),
    canWrite: () => false,
    ingest: null,
    logger,
    port: Number(process.env.PORT ?? 4300),
  });
  process.stdout.write(`papergraph (bench launcher) listening on ${server.url}\n`);
  const stop = () => {
    // a benchmark server: close gracefully, but never hang the run (process.exit also flushes --cpu-prof)
    setTimeout(() => process.exit(0), 3_000).unref();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `papergraph launcher failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
