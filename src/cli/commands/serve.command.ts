// `papergraph serve`: the GraphQL API over HTTP (GraphiQL at /graphiql, /healthz, /readyz, /metrics), bound to
// 127.0.0.1 unless --host/HOST says otherwise. Runs until SIGTERM/SIGINT, then drains in-flight
// requests and closes the database driver.
import 'reflect-metadata';
import { Command } from 'commander';
import { cacheConfigFromEnv } from '../../config/cache-config';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { Executor } from '../../db/executor';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { buildPapergraphSchema } from '../../graphql/common/schema';
import type { GraphQLContext } from '../../graphql/common/context';
import { IngestService } from '../../ingest/ingest.service';
import { ResponseCaching } from '../../server/cache/response-caching';
import { parseCorsOrigins } from '../../server/cors';
import { runServer, type RunningServer } from '../../server/http-server';
import { createHardening } from '../../server/limits/hardening';

export const DEFAULT_HTTP_PORT = 4000;

export interface ServeOptions {
  port?: string;
  host?: string;
}

function parsePort(value: string, from: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 0 || port > 65535) {
    throw new AppError(ErrorCode.CONFIGURATION, `${from}="${value}" is not a port number (0-65535).`);
  }
  return port;
}

/** Starts the server; resolves with it once listening (signals are wired by the command). */
export async function startServe(
  options: ServeOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ server: RunningServer; stop: () => Promise<void> }> {
  const port =
    options.port !== undefined
      ? parsePort(options.port, '--port')
      : env.PORT
        ? parsePort(env.PORT, 'PORT')
        : DEFAULT_HTTP_PORT;
  const host = options.host ?? (env.HOST?.trim() || '127.0.0.1');
  const hardening = createHardening<GraphQLContext>(env);
  const cacheConfig = cacheConfigFromEnv(env, { readsRequireKey: hardening.apiKeys.readsRequireKey });
  const executor = new Executor(neo4jConfigFromEnv(env), hardening.executorOptions);
  const caching = new ResponseCaching({
    executor,
    config: cacheConfig,
    onVersionError: (error) =>
      hardening.logger.warn(
        { err: error },
        'graph version read failed: reads bypass the result cache until it answers',
      ),
  });
  // An ingestPapers mutation that meets an unavailable Neo4j waits and retries (src/ingest/retry.ts);
  // each wait is logged so an operator (and the outage test) can see a mutation is waiting.
  const ingest = new IngestService(executor, {
    retry: {
      onRetry: (attempt, delayMs, error) =>
        hardening.logger.warn(
          { kind: 'ingest', attempt, delayMs, errorCode: error.code },
          'ingest write failed (database unavailable or a transient conflict); retrying',
        ),
    },
  });
  const schema = await buildPapergraphSchema();
  const server = await runServer({
    executor,
    schema,
    ingest,
    host,
    port,
    corsOrigins: parseCorsOrigins(env.PAPERGRAPH_CORS_ORIGINS),
    logger: hardening.logger,
    canWrite: hardening.canWrite,
    curatorOf: hardening.curatorOf,
    maxBodyBytes: hardening.maxBodyBytes,
    headersTimeoutMs: hardening.headersTimeoutMs,
    requestTimeoutMs: hardening.requestTimeoutMs,
    requestGuards: hardening.requestGuards,
    validationRules: hardening.validationRules,
    parseOptions: hardening.parseOptions,
    plugins: hardening.plugins,
    caching,
  });
  hardening.logger.info(
    {
      cacheMb: cacheConfig.maxBytes / (1024 * 1024),
      staleMs: cacheConfig.staleMs,
      cacheControl: cacheConfig.cacheControl,
    },
    cacheConfig.maxBytes > 0
      ? 'result cache on (PAPERGRAPH_CACHE_MB, PAPERGRAPH_CACHE_STALE_MS)'
      : 'result cache off (PAPERGRAPH_CACHE_MB=0)',
  );
  if (!hardening.apiKeys.configured) {
    hardening.logger.info(
      {},
      'PAPERGRAPH_API_KEYS is not set: the ingestPapers mutation answers UNAUTHENTICATED',
    );
  }
  if (hardening.apiKeys.curatorKeyCount === 0) {
    hardening.logger.info(
      {},
      'PAPERGRAPH_CURATOR_KEYS is not set: the curation mutations answer UNAUTHENTICATED',
    );
  }
  const stop = async () => {
    await server.close();
    await ingest.close();
  };
  return { server, stop };
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the GraphQL API at http://127.0.0.1:PORT/graphql (GraphiQL at /graphiql).')
    .option('--port <n>', `HTTP port (default: env PORT or ${DEFAULT_HTTP_PORT}; 0 picks a free one)`)
    .option('--host <address>', 'address to bind (default: env HOST or 127.0.0.1, loopback only)')
    .action(async (options: ServeOptions) => {
      const { server, stop } = await startServe(options);
      process.stderr.write(
        `GraphQL at ${server.url} (GraphiQL at ${server.url.replace(/graphql$/, 'graphiql')})\n`,
      );
      await new Promise<void>((resolve) => {
        const shutdown = (signal: NodeJS.Signals) => {
          process.stderr.write(
            `${signal}: draining in-flight requests and closing the database connection...\n`,
          );
          stop().then(resolve, (error: unknown) => {
            process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
            resolve();
          });
        };
        process.once('SIGTERM', shutdown);
        process.once('SIGINT', shutdown);
      });
    });
}
