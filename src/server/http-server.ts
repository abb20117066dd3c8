// The HTTP server of `papergraph serve` (plain node:http + Apollo's executeHTTPGraphQLRequest):
// /graphql (GET queries, POST; GraphQL over HTTP incl. application/graphql-response+json; GraphiQL
// for a browser GET without a query), /graphiql and /explore (+ assets), /healthz, /readyz, /metrics
// (the result cache's counters, Prometheus text). Binds 127.0.0.1 by default. Body size limit, CORS,
// CSRF prevention (Apollo), APQ (Apollo), graceful shutdown, and with `caching` the graph-versioned
// result cache and HTTP caching of GET reads (ETag, 304, Cache-Control).
// HOOK POINTS for hardening: `requestGuards` (run first on every /graphql request: rate limits, ...)
// and ApolloOptions.validationRules / plugins (src/server/apollo-server.ts).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { Executor } from '../db/executor';
import { createContext, type GraphQLContext } from '../graphql/common/context';
import type { ErrorLogger } from '../graphql/common/format-error';
import type { IngestPort } from '../graphql/common/ingest-port';
import { createApolloServer } from './apollo-server';
import { cacheMetrics, METRICS_CONTENT_TYPE, metricsText } from './cache/cache-metrics';
import { requestKey } from './cache/cacheable-request';
import { etagOf, type CachedResponse } from './cache/result-cache';
import type { CacheStatus, ResponseCaching } from './cache/response-caching';
import { applyCors, type CorsOrigins } from './cors';
import { GRAPHIQL_PAGE } from './graphiql';
import { PAGES } from './pages';
import { StaticPage, type PageReply } from './static-page';
import { ReadinessCheck } from './readiness';

export interface ServerLogger extends ErrorLogger {
  info(obj: Record<string, unknown>, message: string): void;
  warn(obj: Record<string, unknown>, message: string): void;
}

/** Runs before Apollo on each /graphql request; returns false when it has answered the request itself. */
export type RequestGuard = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => boolean | Promise<boolean>;

export interface ServerOptions {
  executor: Executor;
  schema: GraphQLSchema;
  /** Whether an `Authorization` header value carries a key allowed to call mutations. */
  canWrite: (authorization: string | undefined) => boolean;
  ingest: IngestPort | null;
  /** The fingerprint of the curator key an `Authorization` header value carries, or null (no curation). */
  curatorOf?: (authorization: string | undefined) => string | null;
  logger: ServerLogger;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  corsOrigins?: CorsOrigins;
  /** Largest request body accepted, bytes (default 1 MiB); larger gets 413. */
  maxBodyBytes?: number;
  /** How long shutdown waits for in-flight requests before closing their connections, ms (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Time limits on reading a request's headers / whole request, ms (node:http; defaults 10 s / 30 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  requestGuards?: RequestGuard[];
  validationRules?: ValidationRule[];
  /** graphql-js parse options (e.g. `maxTokens`). */
  parseOptions?: { maxTokens?: number };
  plugins?: ApolloServerPlugin<GraphQLContext>[];
  /** The result cache and HTTP caching of reads (none: every request runs, no ETag). */
  caching?: ResponseCaching;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  apollo: ApolloServer<GraphQLContext>;
  caching: ResponseCaching | null;
  /** Stops accepting, drains in-flight requests, stops Apollo and closes the executor. Idempotent. */
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', JSON_TYPE);
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

class BodyTooLarge extends Error {}

/** When a /graphql request reached the handler, and how long it waited for the graph version (ms). */
interface RequestTiming {
  started: number;
  version: number | null;
}

/** `Server-Timing` of a read: `version` (waiting for the graph version, with caching) and `total`, ms. */
function serverTiming(timing: RequestTiming): string {
  const total = `total;dur=${(performance.now() - timing.started).toFixed(2)}`;
  return timing.version === null ? total : `version;dur=${timing.version.toFixed(2)}, ${total}`;
}

/** RFC 9110 If-None-Match: `*` or a list of entity tags, compared weakly (a `W/` prefix ignored). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function wantsHtml(req: http.IncomingMessage, url: URL): boolean {
  const accept = req.headers.accept ?? '';
  return (
    req.method === 'GET' &&
    accept.includes('text/html') &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('extensions')
  );
}

export async function runServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const corsOrigins = options.corsOrigins ?? [];
  const logger = options.logger;
  const caching = options.caching ?? null;
  const apollo = createApolloServer({
    schema: options.schema,
    logger,
    validationRules: options.validationRules,
    plugins: [...(options.plugins ?? []), ...(caching ? [caching.plugin<GraphQLContext>()] : [])],
    parseOptions: options.parseOptions,
  });
  await apollo.start();
  const pages = PAGES.map((spec) => new StaticPage(spec));
  const graphiql = new StaticPage(GRAPHIQL_PAGE); // also what /graphql answers a browser with
  const readiness = new ReadinessCheck(() => options.executor.verifyConnectivity());
  const guards = options.requestGuards ?? [];
  let inFlight = 0;
  let draining = false;
  const drained: (() => void)[] = [];

  const sendPage = (res: http.ServerResponse, reply: PageReply) => {
    if (reply.status === 500) return sendError(res, 500, 'INTERNAL_SERVER_ERROR', reply.missing);
    res.statusCode = reply.status;
    for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
    res.end(reply.body);
  };
  const sendGraphiql = (res: http.ServerResponse) => sendPage(res, graphiql.page());

  const handleGraphql = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const started = performance.now();
    if (applyCors(corsOrigins, req, res)) return;
    if (wantsHtml(req, url)) return sendGraphiql(res);
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, OPTIONS');
      return sendError(
        res,
        405,
        'BAD_REQUEST',
        `${req.method} is not supported on /graphql: use GET (queries) or POST.`,
      );
    }
    for (const guard of guards) if (!(await guard(req, res))) return;
    let body: unknown = undefined;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          return sendError(res, 413, 'BAD_REQUEST', `Request body larger than ${maxBodyBytes} bytes.`);
        }
        throw error;
      }
      const contentType = headers.get('content-type') ?? '';
      if (/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
        try {
          body = text.length > 0 ? JSON.parse(text) : undefined;
        } catch {
          return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
        }
      } else {
        body = text;
      }
    }
    // A read already answered at this graph version is sent from the cache, Apollo not involved.
    const key = caching?.enabled ? requestKey(req.method, url.searchParams, body, headers) : null;
    const versionStarted = performance.now();
    const version = key !== null && caching ? await caching.version() : null;
    // Server-Timing (ms): the wait for the graph version and the whole request in this server
    const timing = { started, version: key !== null && caching ? performance.now() - versionStarted : null };
    if (key !== null && version !== null) {
      const hit = caching?.get(version, key);
      if (hit) return sendRead(req, res, hit, 'hit', timing);
    }
    const authorization = req.headers.authorization;
    let contextValue: GraphQLContext | undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: async () => {
        const created = createContext(
          {
            executor: options.executor,
            canWrite: options.canWrite,
            ingest: options.ingest,
            curatorOf: options.curatorOf,
          },
          authorization,
        );
        contextValue = caching ? caching.track(created) : created;
        return contextValue;
      },
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    const outcome = caching?.outcomeOf(contextValue);
    if (outcome?.operation === 'mutation') {
      // this server's next read must see the write: key it by a version read after the commit
      await caching?.afterWrite();
      res.setHeader('cache-control', 'no-store');
    } else if (caching) {
      const status: CacheStatus = caching.enabled ? 'miss' : 'off';
      const stored =
        outcome?.operation === 'query' &&
        outcome.ok &&
        res.statusCode === 200 &&
        response.body.kind === 'complete'
          ? {
              body: response.body.string,
              contentType: response.headers.get('content-type') ?? JSON_TYPE,
            }
          : null;
      if (stored) {
        if (key !== null && version !== null) caching.set(version, key, stored);
        return sendRead(req, res, stored, status, timing);
      }
      res.setHeader('x-papergraph-cache', status);
      res.setHeader('server-timing', serverTiming(timing));
    }
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  /**
   * A successful read: its body with `x-papergraph-cache`; over GET also its ETag and the configured
   * Cache-Control, and 304 without a body when the client's If-None-Match already names it.
   */
  const sendRead = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    read: CachedResponse,
    status: CacheStatus,
    timing: RequestTiming,
  ) => {
    res.setHeader('x-papergraph-cache', status);
    res.setHeader('server-timing', serverTiming(timing));
    res.setHeader('content-type', read.contentType);
    if (req.method === 'GET' && caching) {
      const etag = etagOf(read);
      res.setHeader('etag', etag);
      res.setHeader('cache-control', caching.cacheControl);
      res.setHeader('vary', 'accept');
      if (matchesEtag(req.headers['if-none-match'], etag)) {
        res.statusCode = 304;
        res.removeHeader('content-type');
        return res.end();
      }
    }
    res.statusCode = 200;
    res.end(read.body);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname.replace(/\/+$/, '') || '/';
    if (route === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (route === '/readyz') {
      const ok = await readiness.ready();
      return sendJson(res, ok && !draining ? 200 : 503, {
        status: ok && !draining ? 'ready' : draining ? 'shutting down' : 'database unavailable',
      });
    }
    if (route === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.statusCode = 200;
      res.setHeader('content-type', METRICS_CONTENT_TYPE);
      res.setHeader('cache-control', 'no-store');
      return res.end(metricsText(cacheMetrics(caching)));
    }
    if (route === '/graphql') return handleGraphql(req, res, url);
    if (req.method === 'GET' || req.method === 'HEAD') {
      for (const page of pages) {
        const reply = page.reply(route);
        if (reply) return sendPage(res, reply);
      }
      if (route === '/') {
        res.statusCode = 302;
        res.setHeader('location', '/graphiql');
        return res.end();
      }
    }
    return sendError(
      res,
      404,
      'NOT_FOUND',
      `No route ${url.pathname}: the API is at /graphql (GraphiQL at /graphiql).`,
    );
  };

  // Check header/request timeouts every second (Node's default is 30 s), so slow clients are cut promptly.
  const server = http.createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    inFlight += 1;
    if (draining) res.setHeader('connection', 'close');
    res.on('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained.splice(0).forEach((resolve) => resolve());
    });
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'HTTP request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
      else res.end();
    });
  });
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}/graphql`;
  logger.info(
    { url, graphiql: url.replace(/graphql$/, 'graphiql'), explorer: url.replace(/graphql$/, 'explore') },
    'Papergraph API listening',
  );

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const timeout = options.shutdownTimeoutMs ?? 10_000;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => drained.push(resolve)),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, timeout);
          }),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await stopped;
      await apollo.stop();
      await options.executor.close();
      logger.info(caching ? { cache: caching.stats() } : {}, 'Papergraph API stopped');
    })();
    return closing;
  };

  return { url, port: address.port, host: address.address, apollo, caching, close };
}
