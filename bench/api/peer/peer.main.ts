// Child-process entry of the peer server: `node dist/bench/api/peer/peer.main.js` with PORT and NEO4J_URI.
import { startPeerServer } from './peer.server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4301);
  const neo4jUri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7694';
  const server = await startPeerServer({ port, neo4jUri });
  process.stdout.write(`peer listening on ${server.url}\n`);
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
    `peer failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
