// Structured JSON logs (pino): one line per HTTP request and one per GraphQL operation, sharing a
// request id (the client's `x-request-id` when it is a sane token, else a new UUID; echoed back in the
// response). Logged: request id, method, path, status, duration, operation name/type, outcome, error
// codes, cost, key id. Never logged: the Authorization header or any key, variables, query text,
// response data, or paper abstracts; redaction paths below are a second line of defence.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationAST, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import pino, { type DestinationStream, type Logger } from 'pino';
import { isAppError } from '../errors/app-error';
import type { ApiKeys } from './api-keys';
import { effectiveErrorCode } from './limits/limit-error';
import { operationCosts } from './limits/limits.plugin';

export type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Paths pino censors wherever they appear (a key, a header, a variables object, an abstract). */
export const REDACT_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'apiKey',
  '*.apiKey',
  'key',
  'token',
  'variables',
  '*.variables',
  'query',
  'abstract',
  '*.abstract',
  '*.*.abstract',
  'papers',
  '*.papers',
];

export interface LoggerOptions {
  /** pino level; default env PAPERGRAPH_LOG_LEVEL or `info`. `silent` turns logs off. */
  level?: string;
  /** Where lines go (default stdout). Tests pass a stream to capture them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.PAPERGRAPH_LOG_LEVEL ?? 'info';
  const settings = {
    level,
    base: { service: 'papergraph' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the client's `x-request-id` if it is 1-128 safe characters, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * Starts an HTTP request's log: assigns the request id, echoes it in the response header and logs
 * one `http` line when the response finishes (or the client goes away).
 */
export function startHttpRequestLog(logger: Logger, req: IncomingMessage, res: ServerResponse): string {
  const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = performance.now();
  let done = false;
  const finish = (aborted: boolean) => {
    if (done) return;
    done = true;
    const status = aborted && !res.writableFinished ? 499 : res.statusCode;
    const path = (req.url ?? '').split('?')[0];
    logger.info(
      {
        kind: 'http',
        requestId,
        method: req.method,
        path: path.length > 200 ? `${path.slice(0, 200)}...` : path,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(res.hasHeader('x-papergraph-cache') ? { cache: res.getHeader('x-papergraph-cache') } : {}),
        outcome: status < 400 ? 'ok' : status < 500 || status === 499 ? 'client_error' : 'server_error',
      },
      'http request',
    );
  };
  res.once('finish', () => finish(false));
  res.once('close', () => finish(true));
  return requestId;
}

/** What the logging plugin may read from the request context (all optional). */
export interface LoggableContext extends BaseContext {
  requestId?: string;
  keyId?: string | null;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** The operation's name and type, also for documents rejected before Apollo resolved the operation. */
function describeOperation(rc: {
  operation?: OperationDefinitionNode;
  document?: DocumentNode;
  request: { operationName?: string };
}): { operationName: string | null; operationType: string | null } {
  let operation = rc.operation;
  if (!operation && rc.document) {
    try {
      operation = getOperationAST(rc.document, rc.request.operationName) ?? undefined;
    } catch {
      operation = undefined;
    }
  }
  const name = operation?.name?.value ?? rc.request.operationName;
  return {
    operationName: name && GRAPHQL_NAME.test(name) ? name : null,
    operationType: operation?.operation ?? null,
  };
}

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

/**
 * Apollo plugin: one `graphql` line per operation with name, type, outcome, error codes, duration
 * and cost. Internal errors (masked for the client) are logged with their message and stack, cut short.
 */
export function createLoggingPlugin(logger: Logger, apiKeys?: ApiKeys): ApolloServerPlugin<LoggableContext> {
  return {
    async requestDidStart(start) {
      const started = performance.now();
      const requestId =
        start.contextValue?.requestId ??
        requestIdFor(start.request.http?.headers.get(REQUEST_ID_HEADER) ?? undefined);
      return {
        async willSendResponse(rc) {
          const errors = rc.errors ?? [];
          const codes = [...new Set(errors.map(effectiveErrorCode))];
          const status = rc.response.http.status ?? 200;
          const internal = errors.filter((e) => effectiveErrorCode(e) === 'INTERNAL_SERVER_ERROR');
          for (const error of internal) {
            const cause = error.originalError ?? error;
            logger.error(
              {
                kind: 'graphql-error',
                requestId,
                operationName: describeOperation(rc).operationName,
                path: error.path?.join('.'),
                error: {
                  name: cause.name,
                  message: truncate(cause.message),
                  stack: truncate(cause.stack ?? '', 2000),
                },
                cause:
                  isAppError(cause) && cause.cause instanceof Error
                    ? truncate(cause.cause.message)
                    : undefined,
              },
              'internal error',
            );
          }
          logger.info(
            {
              kind: 'graphql',
              requestId,
              ...describeOperation(rc),
              status,
              outcome:
                errors.length === 0
                  ? 'ok'
                  : rc.response.body.kind === 'single' && rc.response.body.singleResult.data
                    ? 'partial'
                    : 'error',
              errorCodes: codes.length > 0 ? codes : undefined,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              cost: operationCosts.get(rc.request),
              keyId:
                rc.contextValue?.keyId ??
                apiKeys?.identifyHeader(rc.request.http?.headers.get('authorization'))?.keyId,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
