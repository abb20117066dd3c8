// Executor behaviour that needs no server: a dead port is reported as DATABASE_UNAVAILABLE, fast.
import { Executor } from '../../src/db/executor';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { freePort } from '../support/neo4j';

describe('Executor: unreachable server', () => {
  let executor: Executor;
  let uri: string;

  beforeAll(async () => {
    uri = `bolt://127.0.0.1:${await freePort()}`; // nothing listens there
    executor = new Executor({ uri }, { maxRetryTimeMs: 0, connectionTimeoutMs: 2_000 });
  });
  afterAll(() => executor.close());

  it.each([
    ['verifyConnectivity', () => executor.verifyConnectivity()],
    ['read', () => executor.read('RETURN 1')],
    ['write', () => executor.write('RETURN 1')],
    ['writeTransaction', () => executor.writeTransaction((tx) => tx.run('RETURN 1'))],
  ])('%s rejects with DATABASE_UNAVAILABLE naming the URI, fast', async (_name, call) => {
    const started = Date.now();
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    // A refused connection fails in milliseconds; the bound is wide for a loaded machine and still
    // catches the driver's default 30 s retry (maxRetryTimeMs: 0 here) or a hang.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    expect((error as AppError).message).toContain(uri);
    expect((error as AppError).message).toContain('papergraph db start');
  });
});
