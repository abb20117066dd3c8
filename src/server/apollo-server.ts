// Assembles the Apollo server: schema, the one formatError, and the lists of validation rules and
// plugins. HOOK POINT for hardening (depth/complexity/alias limits, logging): add rules to
// `validationRules` and plugins to `plugins` through ApolloOptions, nowhere else.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { GraphQLContext } from '../graphql/common/context';
import { createFormatError, type ErrorLogger } from '../graphql/common/format-error';
import { createArgumentLimitsPlugin } from './argument-limits.plugin';
import { createJitExecutor, jitGateway, type JitExecutor } from './jit-executor';

export interface ApolloOptions {
  schema: GraphQLSchema;
  logger: ErrorLogger;
  /** Extra validation rules (e.g. depth/alias limits), run after graphql-js's specified rules. */
  validationRules?: ValidationRule[];
  /** Extra plugins (e.g. complexity limits, request logging), after the built-in ones. */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
  /** graphql-js parse options (e.g. `maxTokens`). */
  parseOptions?: { maxTokens?: number };
  /** Runs the operations (default: createJitExecutor, compiling from a document's second run; tests compile from the first). */
  executor?: JitExecutor;
}

export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const plugins: ApolloServerPlugin<GraphQLContext>[] = [
    // GraphiQL is served by our own route (self-hosted assets); Apollo's landing page loads from a CDN.
    ApolloServerPluginLandingPageDisabled(),
    // No cache hints are set and no response cache is used: without this, Apollo instruments every
    // field resolution to compute a cache policy nobody reads (a cost per field of every response).
    ApolloServerPluginCacheControlDisabled(),
    createArgumentLimitsPlugin<GraphQLContext>(),
    ...(options.plugins ?? []),
  ];
  return new ApolloServer<GraphQLContext>({
    // Operations run compiled by graphql-jit from their second run on (jit-executor.ts); Apollo
    // takes another executor only as a "gateway", so the schema is handed over with it.
    gateway: jitGateway(options.schema, options.executor ?? createJitExecutor(options.schema)),
    introspection: true,
    // Defaults kept on purpose: csrfPrevention (true), persisted queries (APQ) with Apollo's
    // bounded in-memory LRU cache, status 400 for variable coercion errors.
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Our HTTP server owns shutdown (drain, then stop Apollo, then close the driver); Apollo's own
    // signal handler would stop it early and re-raise the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.logger),
    validationRules: options.validationRules ?? [],
    parseOptions: options.parseOptions,
    plugins,
  });
}
