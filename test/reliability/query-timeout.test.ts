// Limits: the per-query database time limit (Neo4j transaction timeout, the executor's
// `queryTimeoutMs`, env PAPERGRAPH_QUERY_TIMEOUT_MS) cuts a slow statement with a coded error.
// The proof is the error itself: the statement has no other way to fail with QUERY_TOO_COMPLEX
// (Neo4j's transaction-timeout error). Times are printed; the bounds only tell the 100 ms and 3 s
// limits from the executor's 10 s default, with seconds of margin.
import { limitsConfigFromEnv } from '../../src/config/limits-config';
import { AppError } from '../../src/errors/app-error';
import { SLOW_STATEMENT } from './support/reliability.queries';
import { testExecutor } from './support/neo4j-instance';

describe('Limits: database time limit', () => {
  it('cuts a deliberately slow statement with a 100 ms limit: QUERY_TOO_COMPLEX', async () => {
    const { queryTimeoutMs } = limitsConfigFromEnv({ PAPERGRAPH_QUERY_TIMEOUT_MS: '100' });
    expect(queryTimeoutMs).toBe(100);
    const executor = testExecutor(undefined, queryTimeoutMs);
    try {
      const started = Date.now();
      const error = await executor.read(SLOW_STATEMENT, {}, { operation: 'reliability.slow' }).then(
        () => null,
        (e: unknown) => e,
      );
      const elapsed = Date.now() - started;
      process.stdout.write(`query-timeout: 100 ms limit cut the statement after ${elapsed} ms\n`);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('QUERY_TOO_COMPLEX');
      // Without the 100 ms limit the executor's 10 s default would cut it: the bound sits below
      // that, far above the ~0.1-2 s the cut takes (Neo4j checks timeouts every ~2 s at worst).
      expect(elapsed).toBeLessThan(8_000);
    } finally {
      await executor.close();
    }
  });

  it('applies the limit it is given: with 3 s the same statement is cut no sooner than 3 s', async () => {
    const executor = testExecutor(undefined, 3_000);
    try {
      const started = Date.now();
      await expect(executor.read(SLOW_STATEMENT)).rejects.toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      const elapsed = Date.now() - started;
      process.stdout.write(`query-timeout: 3 s limit cut the statement after ${elapsed} ms\n`);
      // Neo4j starts the transaction's clock after the client's, so this lower bound cannot race
      // (2.5 s leaves room for clock granularity); it fails if the 100 ms default leaked in.
      expect(elapsed).toBeGreaterThanOrEqual(2_500);
    } finally {
      await executor.close();
    }
  });
});
