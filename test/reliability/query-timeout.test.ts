// Limits: the per-query database time limit (Neo4j transaction timeout, the executor's
// `queryTimeoutMs`, env PAPERGRAPH_QUERY_TIMEOUT_MS) cuts a slow statement with a coded error.
import { limitsConfigFromEnv } from '../../src/config/limits-config';
import { AppError } from '../../src/errors/app-error';
import { SLOW_STATEMENT } from './support/reliability.queries';
import { testExecutor } from './support/neo4j-instance';

describe('Limits: database time limit', () => {
  it('cuts a deliberately slow statement after ~100 ms with QUERY_TOO_COMPLEX', async () => {
    const { queryTimeoutMs } = limitsConfigFromEnv({ PAPERGRAPH_QUERY_TIMEOUT_MS: '100' });
    const executor = testExecutor(undefined, queryTimeoutMs);
    try {
      const started = Date.now();
      const error = await executor.read(SLOW_STATEMENT, {}, { operation: 'reliability.slow' }).then(
        () => null,
        (e: unknown) => e,
      );
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('QUERY_TOO_COMPLEX');
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await executor.close();
    }
  });

  it('lets the same statement run without the limit long enough to prove it is slow (bounded at 3 s)', async () => {
    const executor = testExecutor(undefined, 3_000);
    try {
      const started = Date.now();
      await expect(executor.read(SLOW_STATEMENT)).rejects.toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    } finally {
      await executor.close();
    }
  });
});
