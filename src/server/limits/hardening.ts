// Everything the server needs from the hardening work, built once from the environment: the limits,
// the API keys, the logger, the request guards, the validation rules, the parse options, the Apollo
// plugins and the executor's query timeout. `papergraph serve` spreads these into runServer.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { limitsConfigFromEnv, type LimitsConfig } from '../../config/limits-config';
import type { ExecutorOptions } from '../../db/executor';
import { ApiKeys } from '../api-keys';
import { createLogger, createLoggingPlugin, type Logger } from '../logging';
import { createLimitsPlugin, limitParseOptions, limitValidationRules } from './limits.plugin';
import { createRequestGuards, type RequestGuard } from './request-guards';

export interface Hardening<TContext extends BaseContext> {
  limits: LimitsConfig;
  apiKeys: ApiKeys;
  logger: Logger;
  /** Whether an Authorization header carries a key that may call mutations. */
  canWrite: (authorization: string | undefined) => boolean;
  /** The fingerprint of the curator key (PAPERGRAPH_CURATOR_KEYS) an Authorization header carries, or null. */
  curatorOf: (authorization: string | undefined) => string | null;
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  requestGuards: RequestGuard[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  plugins: ApolloServerPlugin<TContext>[];
  executorOptions: Pick<ExecutorOptions, 'queryTimeoutMs' | 'maxRetryTimeMs' | 'connectionTimeoutMs'>;
}

export function createHardening<TContext extends BaseContext>(
  env: NodeJS.ProcessEnv = process.env,
  options: { logger?: Logger } = {},
): Hardening<TContext> {
  const limits = limitsConfigFromEnv(env);
  const apiKeys = ApiKeys.fromEnv(env);
  const logger = options.logger ?? createLogger({ level: env.PAPERGRAPH_LOG_LEVEL?.trim() || 'info' });
  return {
    limits,
    apiKeys,
    logger,
    canWrite: (authorization) => apiKeys.verify(authorization),
    curatorOf: (authorization) => apiKeys.curatorOf(authorization),
    maxBodyBytes: limits.maxBodyBytes,
    headersTimeoutMs: limits.headersTimeoutMs,
    requestTimeoutMs: limits.requestTimeoutMs,
    requestGuards: createRequestGuards(limits, apiKeys, logger),
    validationRules: limitValidationRules(limits),
    parseOptions: limitParseOptions(limits),
    plugins: [
      createLimitsPlugin<TContext>(limits),
      createLoggingPlugin(logger, apiKeys) as ApolloServerPlugin<TContext>,
    ],
    executorOptions: {
      queryTimeoutMs: limits.queryTimeoutMs,
      maxRetryTimeMs: limits.dbRetryMs,
      connectionTimeoutMs: limits.dbConnectTimeoutMs,
    },
  };
}
