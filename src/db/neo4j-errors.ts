// Maps neo4j-driver errors to coded application errors, by Neo4j status code, never by message text
// (except the driver's pool timeout, which has none). Three families a client must tell apart:
// - DATABASE_UNAVAILABLE: no answer from Neo4j (refused, cut, not accepting connections, bad credentials);
// - DATABASE_BUSY: Neo4j answers but cannot take the request now (this process's connection pool full,
//   the server's transaction memory or transaction slots exhausted, a lock wait cut short) - retry soon;
// - QUERY_TOO_COMPLEX: this request ran past its time limit (`extensions.reason: QUERY_TIMEOUT`).
import { Neo4jError } from 'neo4j-driver';
import { AppError, isAppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Why a request met DATABASE_BUSY (`extensions.reason`). */
export type BusyReason =
  | 'CONNECTION_POOL_FULL'
  | 'TRANSACTION_MEMORY'
  | 'TRANSACTION_LIMIT'
  | 'SERVER_THREADS'
  | 'LOCK_WAIT'
  | 'TRANSIENT';

/** Neo4j status codes of a server that is up but has no room for the request right now. */
const BUSY_CODES = new Map<string, BusyReason>([
  // dbms.memory.transaction.total.max reached: all transactions together hold the memory pool.
  ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'TRANSACTION_MEMORY'],
  // The JVM heap itself ran out while serving the statement.
  ['Neo.TransientError.General.OutOfMemoryError', 'TRANSACTION_MEMORY'],
  ['Neo.DatabaseError.General.TransactionOutOfMemoryError', 'TRANSACTION_MEMORY'],
  // db.transaction.concurrent.maximum reached.
  ['Neo.TransientError.Transaction.MaximumTransactionLimitReached', 'TRANSACTION_LIMIT'],
  // Bolt worker threads all taken (server.bolt.thread_pool_max_size), or another server resource.
  ['Neo.TransientError.Request.NoThreadsAvailable', 'SERVER_THREADS'],
  ['Neo.TransientError.Request.ResourceExhaustion', 'SERVER_THREADS'],
  // A transaction waiting for a lock held by another write was stopped (its time limit, or terminated).
  ['Neo.ClientError.Transaction.LockClientStopped', 'LOCK_WAIT'],
  ['Neo.TransientError.Transaction.LockClientStopped', 'LOCK_WAIT'],
]);

const BUSY_ADVICE: Record<BusyReason, string> = {
  CONNECTION_POOL_FULL:
    'every connection of this API process to Neo4j was in use for the whole wait (more concurrent database work than the pool holds)',
  TRANSACTION_MEMORY:
    'the transactions running together used up the memory Neo4j allows them (dbms.memory.transaction.total.max or the heap)',
  TRANSACTION_LIMIT:
    'Neo4j runs as many transactions as it allows at once (db.transaction.concurrent.maximum)',
  SERVER_THREADS: 'Neo4j has no free worker thread for the request',
  LOCK_WAIT: 'the statement waited for a lock held by another write until its time limit stopped it',
  TRANSIENT: 'Neo4j reported a transient failure',
};

/** What the executor knows of its driver, to tell a full pool from a server that does not answer. */
export interface DriverContext {
  /** The driver's maxConnectionPoolSize. */
  maxConnectionPoolSize?: number;
  /** The driver's connectionAcquisitionTimeout, ms. */
  acquisitionTimeoutMs?: number;
  /** The time limit the statement ran under, ms. */
  queryTimeoutMs?: number;
}

/**
 * The driver raises its pool's "Connection acquisition timed out in N ms. Pool status: Active conn
 * count = A, Idle conn count = I." without a status code ('N/A'); only the message tells it, and how
 * many connections were checked out. `A` counts connections handed to sessions, not ones being opened:
 * with A below the pool size the wait was for a new connection that Neo4j did not accept in time.
 */
function acquisitionTimeout(error: Neo4jError): { active: number } | null {
  if (error.code !== 'N/A' || !error.message.startsWith('Connection acquisition timed out')) return null;
  const match = /Active conn count = (\d+)/.exec(error.message);
  return { active: match ? Number(match[1]) : 0 };
}

function busy(reason: BusyReason, uri: string, error: unknown, extra = ''): AppError {
  return new AppError(
    ErrorCode.DATABASE_BUSY,
    `Neo4j at ${uri} is up but busy: ${BUSY_ADVICE[reason]}${extra}. Retry in a moment; if it persists, lower the load or raise the limit.`,
    { cause: error, details: { reason, retryable: true } },
  );
}

function unreachable(uri: string, error: unknown, what = 'is not reachable'): AppError {
  return new AppError(
    ErrorCode.DATABASE_UNAVAILABLE,
    `Neo4j at ${uri} ${what}. Start it with \`npx papergraph db start\` or point NEO4J_URI at a running server.`,
    { cause: error },
  );
}

/** Converts any error thrown by the driver into an AppError (AppErrors pass through unchanged). */
export function toAppError(error: unknown, uri: string, context: DriverContext = {}): AppError {
  if (isAppError(error)) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    const pool = acquisitionTimeout(error);
    if (pool) {
      const wait = context.acquisitionTimeoutMs !== undefined ? ` (${context.acquisitionTimeoutMs} ms)` : '';
      if (context.maxConnectionPoolSize !== undefined && pool.active >= context.maxConnectionPoolSize) {
        return busy(
          'CONNECTION_POOL_FULL',
          uri,
          error,
          `: ${pool.active} of ${context.maxConnectionPoolSize}${wait}`,
        );
      }
      return unreachable(uri, error, `did not accept a new connection in time${wait}`);
    }
    if (UNAVAILABLE_CODES.has(code)) return unreachable(uri, error);
    if (code.includes('.Transaction.TransactionTimedOut')) {
      const limit = context.queryTimeoutMs !== undefined ? ` (${context.queryTimeoutMs} ms)` : '';
      return new AppError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `The query ran past the database time limit${limit}; ask for less (smaller \`first\`, \`maxDepth\` or \`maxLength\`), or retry when the database is less busy.`,
        {
          cause: error,
          details: {
            reason: 'QUERY_TIMEOUT',
            ...(context.queryTimeoutMs !== undefined ? { timeoutMs: context.queryTimeoutMs } : {}),
          },
        },
      );
    }
    const reason = BUSY_CODES.get(code);
    if (reason) return busy(reason, uri, error);
    if (code === 'Neo.TransientError.General.StackOverFlowError') {
      return new AppError(
        ErrorCode.QUERY_TOO_COMPLEX,
        'The query is too deep for the database to plan or run; ask for less (smaller `maxDepth` or `maxLength`).',
        { cause: error, details: { reason: 'STACK_OVERFLOW' } },
      );
    }
    if (code === 'Neo.TransientError.General.TransactionMemoryLimit') {
      return new AppError(
        ErrorCode.QUERY_TOO_COMPLEX,
        'The query needs more memory than one transaction may use (db.memory.transaction.max); ask for less (smaller `first`, `maxDepth` or `maxLength`).',
        { cause: error, details: { reason: 'TRANSACTION_MEMORY_LIMIT' } },
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
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `NEO4J_DATABASE names a database that does not exist on ${uri}.`,
        { cause: error },
      );
    }
    // Any other transient error: by Neo4j's definition the same request may succeed when retried.
    // A transaction conflict (DeadlockDetected, ...) stays INTERNAL: the driver already retried the
    // managed transaction, and ingest retries it by its cause (ingest/retry.ts).
    if (code.startsWith('Neo.TransientError.') && !code.startsWith('Neo.TransientError.Transaction.')) {
      return busy('TRANSIENT', uri, error, ` (${code})`);
    }
  }
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected database error.', { cause: error });
}
