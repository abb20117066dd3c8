// Preloaded (`node --require`) into each benchmarked server process: counts the Cypher statements the
// process sends (every Transaction.run and auto-commit Session.run of neo4j-driver, which is what both
// Papergraph's executor and @neo4j/graphql end up calling) and serves the count on
// http://127.0.0.1:$BENCH_STATS_PORT/stats. Same counter for both servers, no change to either.
import http from 'node:http';
import { Session, Transaction } from 'neo4j-driver';

let statements = 0;

type RunFn = (...args: unknown[]) => unknown;
for (const proto of [Transaction.prototype, Session.prototype] as unknown as { run: RunFn }[]) {
  const original = proto.run;
  proto.run = function countedRun(this: unknown, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
}

const port = Number(process.env.BENCH_STATS_PORT ?? 0);
if (port > 0) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements }));
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
