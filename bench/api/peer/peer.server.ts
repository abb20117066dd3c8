// The benchmark's peer: a GraphQL server built on @neo4j/graphql v7 over the same Neo4j as Papergraph,
// configured as the library's docs recommend (`new Neo4jGraphQL({ typeDefs, driver })`, then
// `await neoSchema.getSchema()`), served by Apollo Server 5 on a plain node:http listener (JSON POST and
// GET, keep-alive) so the HTTP stack matches Papergraph's and only the GraphQL layer differs.
// No response cache and no result cache; APQ stays at Apollo's default (the benchmark sends full queries).
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { BENCH_DRIVER_CONFIG } from '../driver-settings';
import { peerTypeDefs } from './peer.typedefs';

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

export interface PeerOptions {
  port: number;
  neo4jUri: string;
  host?: string;
}

export async function startPeerServer(options: PeerOptions): Promise<PeerServer> {
  const driver: Driver = neo4j.driver(options.neo4jUri, undefined, {
    ...BENCH_DRIVER_CONFIG,
    userAgent: 'papergraph-bench-peer',
  });
  // The docs' "Optimization" page: drop the deprecated generated fields we do not use (smaller schema).
  const neoSchema = new Neo4jGraphQL({
    typeDefs: peerTypeDefs,
    driver,
    features: {
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const schema = await neoSchema.getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();

  const server = http.createServer((req, res) => {
    void handle(apollo, req, res);
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `http://${host}:${options.port}/graphql`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
      await driver.close();
    },
  };
}

async function handle(
  apollo: ApolloServer,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (url.pathname !== '/graphql') {
    res.writeHead(404).end();
    return;
  }
  try {
    const raw = await readBody(req);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body: raw.length > 0 && isJson ? JSON.parse(raw) : raw,
      },
      context: async () => ({}),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
