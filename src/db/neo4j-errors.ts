// Maps neo4j-driver errors to coded application errors, by Neo4j status code, never by message text.
import { Neo4jError } from 'neo4j-driver';
import { AppError, isAppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * The driver raises a pool "Connection acquisition timed out" error without a status code ('N/A'):
 * the one case where only the message tells that the server did not answer in time.
 */
function isAcquisitionTimeout(error: Neo4jError): boolean {
  return error.code === 'N/A' && error.message.startsWith('Connection acquisition timed out');
}

/** Converts any error thrown by the driver into an AppError (AppErrors pass through unchanged). */
export function toAppError(error: unknown, uri: string): AppError {
  if (isAppError(error)) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    if (
      UNAVAILABLE_CODES.has(code) ||
      code.startsWith('Neo.TransientError.General.') ||
      isAcquisitionTimeout(error)
    ) {
      return new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `Neo4j at ${uri} is not reachable. Start it with \`npx papergraph db start\` or point NEO4J_URI at a running server.`,
        { cause: error },
      );
    }
    if (
      code === 'Neo.ClientError.Security.Unauthorized' ||
      code === 'Neo.ClientError.Security.AuthenticationRateLimit'
    ) {
      return new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.`,
        { cause: error },
      );
    }
    if (
      code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
    ) {
      return new AppError(
        ErrorCode.QUERY_TOO_COMPLEX,
        'The query ran past the database time limit; ask for less (smaller `first`, `maxDepth` or `maxLength`).',
        { cause: error },
      );
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `NEO4J_DATABASE names a database that does not exist on ${uri}.`,
        { cause: error },
      );
    }
  }
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected database error.', { cause: error });
}
