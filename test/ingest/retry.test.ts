// withRetry: what is run again (an unavailable database, a lost lock conflict) and what fails at once.
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { isTransientConflict, withRetry } from '../../src/ingest/retry';

const driverError = (code: string) => Object.assign(new Error(code), { code });
const failure = (code: string) =>
  new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected database error.', { cause: driverError(code) });

/** Work that fails with the given errors, then returns 'done'; counts its calls. */
function flaky(errors: unknown[]): { work: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    work: () => {
      const error = errors[calls++];
      return error === undefined ? Promise.resolve('done') : Promise.reject(error);
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  const fast = { attempts: 3, initialDelayMs: 1 };

  it('runs a deadlocked transaction again', async () => {
    const deadlock = failure('Neo.TransientError.Transaction.DeadlockDetected');
    expect(isTransientConflict(deadlock)).toBe(true);
    const w = flaky([deadlock, deadlock]);
    await expect(withRetry(w.work, fast)).resolves.toBe('done');
    expect(w.calls()).toBe(3);
  });

  it('runs work again while the database is unavailable, up to the attempts', async () => {
    const down = new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'down');
    const w = flaky([down, down, down, down]);
    await expect(withRetry(w.work, fast)).rejects.toBe(down);
    expect(w.calls()).toBe(3);
  });

  it.each([
    ['a client error', 'Neo.ClientError.Statement.SyntaxError'],
    ['a transaction that timed out', 'Neo.TransientError.Transaction.TransactionTimedOut'],
  ])('fails at once on %s', async (_, code) => {
    const error = failure(code);
    expect(isTransientConflict(error)).toBe(false);
    const w = flaky([error]);
    await expect(withRetry(w.work, fast)).rejects.toBe(error);
    expect(w.calls()).toBe(1);
  });

  it('fails at once on an error that is not an AppError', async () => {
    const w = flaky([driverError('Neo.TransientError.Transaction.DeadlockDetected')]);
    await expect(withRetry(w.work, fast)).rejects.toThrow('DeadlockDetected');
    expect(w.calls()).toBe(1);
  });
});
