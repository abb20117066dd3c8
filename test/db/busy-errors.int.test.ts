// A Neo4j that is up but cannot take a request now is DATABASE_BUSY (retry), not DATABASE_UNAVAILABLE
// (not reachable), and a statement cut by its time limit is QUERY_TOO_COMPLEX with reason QUERY_TIMEOUT.
// Each condition is made, not waited for: the one connection of a pool of one is held by an open
// transaction, so a second statement's acquisition must time out; a lock is held by an open
// transaction until the waiting write's time limit stops it; a server that accepts TCP but never
// speaks Bolt cannot hand out a connection. No assertion on a duration.
import * as net from 'node:net';
import { Executor } from '../../src/db/executor';
import { ErrorCode } from '../../src/errors/error-code';
import { causeCode, rejection } from '../support/app-errors';
import { connectTestExecutor } from '../support/neo4j';
import { DELETE_PROBES, MERGE_LOCK_PROBE, RETURN_ONE, SET_LOCK_PROBE, SLOW_READ } from './db-test.queries';

const PREFIX = `busy-errors-${process.pid}-`;

/** A promise with its resolve, to hold a transaction open until the test lets it go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Runs `whileHeld` while a write transaction of `executor` is open (after its statement `cypher`
 * ran), then commits it. The transaction cannot end before `whileHeld` has settled.
 */
async function holdingTransaction<T>(
  executor: Executor,
  cypher: string,
  params: Record<string, unknown>,
  whileHeld: () => Promise<T>,
): Promise<T> {
  const held = gate();
  const release = gate();
  const tx = executor.writeTransaction(async (t) => {
    await t.run(cypher, params);
    held.open();
    await release.promise;
  });
  await held.promise;
  try {
    return await whileHeld();
  } finally {
    release.open();
    await tx;
  }
}

describe('Executor: a busy database is not an unreachable one', () => {
  let executor: Executor;

  beforeAll(async () => {
    executor = await connectTestExecutor();
  });
  afterAll(async () => {
    await executor.write(DELETE_PROBES, { prefix: PREFIX });
    await executor.close();
  });

  it('a full connection pool (pool of 1 held by an open transaction) is DATABASE_BUSY, and the pool recovers', async () => {
    const small = await connectTestExecutor({ maxConnectionPoolSize: 1, connectionTimeoutMs: 2_000 });
    try {
      const error = await holdingTransaction(small, RETURN_ONE, {}, () =>
        rejection(small.read(RETURN_ONE, {}, { operation: 'test.busy.poolFull' })),
      );
      expect(error.code).toBe(ErrorCode.DATABASE_BUSY);
      expect(error.details).toEqual({ reason: 'CONNECTION_POOL_FULL', retryable: true });
      expect(error.message).toMatch(/is up but busy/);
      expect(error.message).toMatch(/1 of 1 \(2000 ms\)/);
      expect(error.message).not.toMatch(/not reachable/);
      // The driver's own error: the pool timeout, with no status code.
      expect(causeCode(error)).toBe('N/A');
      // Released, the same executor answers again.
      await expect(small.read(RETURN_ONE)).resolves.toEqual([{ one: 1 }]);
    } finally {
      await small.close();
    }
  });

  it('a write waiting for a lock until its time limit stops it is DATABASE_BUSY (LOCK_WAIT)', async () => {
    const id = `${PREFIX}lock`;
    await executor.write(MERGE_LOCK_PROBE, { id, n: 0 });
    // Planned once before the lock is held, so the waiting write spends its time limit on the lock.
    await executor.write(SET_LOCK_PROBE, { id, n: 0 });
    const error = await holdingTransaction(executor, SET_LOCK_PROBE, { id, n: 1 }, () =>
      rejection(
        executor.write(SET_LOCK_PROBE, { id, n: 2 }, { timeoutMs: 2_000, operation: 'test.busy.lock' }),
      ),
    );
    expect(causeCode(error)).toBe('Neo.ClientError.Transaction.LockClientStopped');
    expect(error.code).toBe(ErrorCode.DATABASE_BUSY);
    expect(error.details).toEqual({ reason: 'LOCK_WAIT', retryable: true });
    // The holder committed; the waiting write changed nothing.
    await expect(executor.write(SET_LOCK_PROBE, { id, n: 1 })).resolves.toEqual([{ n: 1 }]);
  });

  it('a read cut by its time limit is QUERY_TOO_COMPLEX with reason QUERY_TIMEOUT and the limit', async () => {
    const error = await rejection(
      executor.read(SLOW_READ, {}, { timeoutMs: 300, operation: 'test.busy.slow' }),
    );
    expect(causeCode(error)).toBe('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
    expect(error.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
    expect(error.details).toEqual({ reason: 'QUERY_TIMEOUT', timeoutMs: 300 });
    expect(error.message).toMatch(/time limit \(300 ms\)/);
  });

  it('a server that accepts TCP but never speaks Bolt stays DATABASE_UNAVAILABLE (pool not full)', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const mute = new Executor(
      { uri: `bolt://127.0.0.1:${port}` },
      { maxRetryTimeMs: 0, connectionTimeoutMs: 1_000, maxConnectionPoolSize: 4 },
    );
    try {
      const error = await rejection(mute.read(RETURN_ONE));
      expect(error.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      expect(error.message).toMatch(new RegExp(`Neo4j at bolt://127.0.0.1:${port} `));
      expect(error.message).not.toMatch(/busy/);
    } finally {
      await mute.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
