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
    // The pool timeout with fewer connections checked out than the pool holds: a new connection was not accepted.
    [
      'N/A',
      'Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 3, Idle conn count = 0.',
      ErrorCode.DATABASE_UNAVAILABLE,
    ],
    // ... and with all of them checked out: the pool is full, Neo4j is busy, not away.
    [
      'N/A',
      'Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 10, Idle conn count = 0.',
      ErrorCode.DATABASE_BUSY,
    ],
    ['Neo.TransientError.General.DatabaseUnavailable', 'unavailable', ErrorCode.DATABASE_UNAVAILABLE],
    [
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'total.max threshold reached',
      ErrorCode.DATABASE_BUSY,
    ],
    ['Neo.TransientError.General.OutOfMemoryError', 'heap', ErrorCode.DATABASE_BUSY],
    ['Neo.TransientError.Transaction.MaximumTransactionLimitReached', 'limit', ErrorCode.DATABASE_BUSY],
    ['Neo.TransientError.Request.NoThreadsAvailable', 'no threads', ErrorCode.DATABASE_BUSY],
    ['Neo.ClientError.Transaction.LockClientStopped', 'terminated', ErrorCode.DATABASE_BUSY],
    [
      'Neo.TransientError.General.TransactionMemoryLimit',
      'db.memory.transaction.max',
      ErrorCode.QUERY_TOO_COMPLEX,
    ],
    ['Neo.TransientError.General.StackOverFlowError', 'stack', ErrorCode.QUERY_TOO_COMPLEX],
    ['Neo.TransientError.Transaction.TransactionTimedOut', 'timed out', ErrorCode.QUERY_TOO_COMPLEX],
    // A lost lock conflict stays internal here: ingest retries it by its cause (ingest/retry.ts).
    ['Neo.TransientError.Transaction.DeadlockDetected', 'deadlock', ErrorCode.INTERNAL_SERVER_ERROR],
    ['Neo.ClientError.Security.Unauthorized', 'bad credentials', ErrorCode.DATABASE_UNAVAILABLE],
    [
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'timed out',
      ErrorCode.QUERY_TOO_COMPLEX,
    ],
    ['Neo.ClientError.Statement.SyntaxError', 'Invalid input', ErrorCode.INTERNAL_SERVER_ERROR],
    ['N/A', 'Some other driver failure', ErrorCode.INTERNAL_SERVER_ERROR],
  ])('maps %s (%s) to %s', (code, message, expected) => {
    expect(toAppError(neo4jError(message, code), URI, { maxConnectionPoolSize: 10 }).code).toBe(expected);
  });

  it('says why Neo4j is busy, that a retry may succeed, and never that it is not reachable', () => {
    const error = toAppError(
      neo4jError(
        'The allocation of an extra 2.8 MiB would use more than the limit',
        'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      ),
      URI,
    );
    expect(error.details).toEqual({ reason: 'TRANSACTION_MEMORY', retryable: true });
    expect(error.message).toMatch(
      /^Neo4j at bolt:\/\/127\.0\.0\.1:7687 is up but busy: .*dbms\.memory\.transaction\.total\.max.*Retry in a moment/,
    );
    expect(error.message).not.toMatch(/not reachable/);
  });

  it('without the pool size, a pool timeout stays DATABASE_UNAVAILABLE (it cannot tell a full pool)', () => {
    const error = neo4jError(
      'Connection acquisition timed out in 5 ms. Pool status: Active conn count = 1, Idle conn count = 0.',
      'N/A',
    );
    expect(toAppError(error, URI).code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
  });

  it('passes an AppError through unchanged', () => {
    const error = new AppError(ErrorCode.NOT_FOUND, 'no such method');
    expect(toAppError(error, URI)).toBe(error);
  });
});
