import { Neo4jError } from 'neo4j-driver';
import { toAppError } from '../../src/db/neo4j-errors';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';

const URI = 'bolt://127.0.0.1:7687';
const neo4jError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'general');

describe('Neo4j errors: mapping to coded application errors', () => {
  it.each([
    ['ServiceUnavailable', 'Could not connect', ErrorCode.DATABASE_UNAVAILABLE],
    ['SessionExpired', 'Session expired', ErrorCode.DATABASE_UNAVAILABLE],
    ['N/A', 'Connection acquisition timed out in 2000 ms. Pool status: ...', ErrorCode.DATABASE_UNAVAILABLE],
    ['Neo.ClientError.Security.Unauthorized', 'bad credentials', ErrorCode.DATABASE_UNAVAILABLE],
    [
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'timed out',
      ErrorCode.QUERY_TOO_COMPLEX,
    ],
    ['Neo.ClientError.Statement.SyntaxError', 'Invalid input', ErrorCode.INTERNAL_SERVER_ERROR],
    ['N/A', 'Some other driver failure', ErrorCode.INTERNAL_SERVER_ERROR],
  ])('maps %s (%s) to %s', (code, message, expected) => {
    expect(toAppError(neo4jError(message, code), URI).code).toBe(expected);
  });

  it('passes an AppError through unchanged', () => {
    const error = new AppError(ErrorCode.NOT_FOUND, 'no such method');
    expect(toAppError(error, URI)).toBe(error);
  });
});
