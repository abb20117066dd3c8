// Bounded exponential backoff for database work that may meet a restarting or vanished Neo4j.
// DATABASE_UNAVAILABLE and DATABASE_BUSY (Neo4j up but out of connections, memory or slots) are
// retried, and so is a transient transaction conflict (a deadlock between
// two of ingest's own concurrent write transactions) that outlasted the driver's own retries;
// anything else is a bug or bad data and fails at once.
import { AppError, isAppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export interface RetryOptions {
  /** Attempts in total (first try included); default 6. */
  attempts?: number;
  /** First backoff delay, doubled each time; default 1000 ms. */
  initialDelayMs?: number;
  /** Cap of one delay; default 15000 ms. */
  maxDelayMs?: number;
  /** Told before each wait (for a log line). */
  onRetry?: (attempt: number, delayMs: number, error: AppError) => void;
}

export function isRetryable(error: unknown): error is AppError {
  return (
    isAppError(error) &&
    (error.code === ErrorCode.DATABASE_UNAVAILABLE || error.code === ErrorCode.DATABASE_BUSY)
  );
}

/**
 * A transaction that lost a lock conflict (`Neo.TransientError.Transaction.*`, e.g. DeadlockDetected):
 * the database is fine and the same work succeeds when run again.
 */
export function isTransientConflict(error: unknown): boolean {
  if (!isAppError(error)) return false;
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return (
    typeof code === 'string' &&
    code.startsWith('Neo.TransientError.Transaction.') &&
    !code.includes('TimedOut') // ran out of time: running it again would too
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work`, retrying DATABASE_UNAVAILABLE, DATABASE_BUSY and transient conflicts with exponential backoff; rethrows the last error. */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 6);
  let delay = Math.max(0, options.initialDelayMs ?? 1000);
  const maxDelay = options.maxDelayMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(isRetryable(error) || isTransientConflict(error)) || attempt >= attempts) throw error;
      options.onRetry?.(attempt, delay, error as AppError);
      await sleep(delay);
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}
