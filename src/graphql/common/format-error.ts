// The one formatError: keeps the contract's codes, masks everything else as INTERNAL_SERVER_ERROR
// (logged with its cause, never shown), and turns AppErrors into their code and safe details.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

/** Codes Apollo and graphql-js produce for malformed requests: safe to show as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Request errors Apollo raises without a code (each a 400), by their exact message: coded here rather
 * than masked as internal errors, since the client sent something wrong.
 */
const UNCODED_REQUEST_ERRORS = new Map([['provided sha does not match query', 'BAD_REQUEST']]);

const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.DATABASE_BUSY,
  ErrorCode.INTERNAL_SERVER_ERROR,
]);

export interface ErrorLogger {
  error(obj: Record<string, unknown>, message: string): void;
}

const MASKED_MESSAGE = 'Internal server error. The error was logged; please report it if it persists.';

export function createFormatError(logger: ErrorLogger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (isAppError(original)) {
      const code = PUBLIC_CODES.has(original.code) ? original.code : ErrorCode.INTERNAL_SERVER_ERROR;
      if (
        code === ErrorCode.INTERNAL_SERVER_ERROR ||
        code === ErrorCode.DATABASE_UNAVAILABLE ||
        code === ErrorCode.DATABASE_BUSY
      ) {
        logger.error(
          { err: original, cause: original.cause, path: formatted.path },
          'GraphQL request failed',
        );
      }
      if (code === ErrorCode.INTERNAL_SERVER_ERROR)
        return { ...base, message: MASKED_MESSAGE, extensions: { code } };
      return { ...base, message: original.message, extensions: { code, ...(original.details ?? {}) } };
    }
    const uncoded = formatted.path === undefined ? UNCODED_REQUEST_ERRORS.get(formatted.message) : undefined;
    if (uncoded) return { message: formatted.message, extensions: { code: uncoded } };
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (
      code &&
      (REQUEST_CODES.has(code) || PUBLIC_CODES.has(code)) &&
      code !== ErrorCode.INTERNAL_SERVER_ERROR
    ) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'GraphQL request failed');
    return { ...base, message: MASKED_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
