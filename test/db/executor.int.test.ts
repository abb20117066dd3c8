// The executor against the real test server: READ routing, transaction metadata, value conversion,
// atomic write transactions, query events, and error mapping by Neo4j code.
import { Executor } from '../../src/db/executor';
import { ErrorCode } from '../../src/errors/error-code';
import { causeCode, rejection } from '../support/app-errors';
import { connectTestExecutor } from '../support/neo4j';
import {
  COUNT_PROBES,
  CREATE_PROBE,
  DELETE_PROBES,
  RETURN_PROBE_NODE,
  SYNTAX_ERROR,
  TX_METADATA,
  VALUES,
} from './db-test.queries';

const PREFIX = `executor-test-${process.pid}-`;

describe('Executor: against the test Neo4j', () => {
  let executor: Executor;

  beforeAll(async () => {
    executor = await connectTestExecutor();
  });
  afterEach(() => executor.write(DELETE_PROBES, { prefix: PREFIX }));
  afterAll(() => executor.close());

  it('runs reads in READ mode: the server refuses a write sent through read()', async () => {
    const error = await rejection(executor.read(CREATE_PROBE, { id: `${PREFIX}read`, n: 1 }));
    expect(causeCode(error)).toBe('Neo.ClientError.Statement.AccessMode');
    expect(await executor.read(COUNT_PROBES, { prefix: PREFIX })).toEqual([{ count: 0 }]);
  });

  it('runs writes in WRITE mode', async () => {
    expect(await executor.write(CREATE_PROBE, { id: `${PREFIX}write`, n: 1 })).toEqual([
      { id: `${PREFIX}write` },
    ]);
    expect(await executor.read(COUNT_PROBES, { prefix: PREFIX })).toEqual([{ count: 1 }]);
  });

  it.each([
    ['read', (e: Executor) => e.read(TX_METADATA, {}, { operation: 'test.read' }), 'test.read'],
    ['write', (e: Executor) => e.write(TX_METADATA, {}, { operation: 'test.write' }), 'test.write'],
    [
      'writeTransaction',
      (e: Executor) => e.writeTransaction((tx) => tx.run(TX_METADATA), { operation: 'test.tx' }),
      'test.tx',
    ],
  ])('tags %s transactions with app and operation metadata', async (_name, run, operation) => {
    expect(await run(executor)).toEqual([{ metadata: { app: 'papergraph', operation } }]);
  });

  it('converts driver values to plain JavaScript', async () => {
    expect(await executor.read(VALUES)).toEqual([
      {
        int: 42,
        bigInt: 9007199254740991,
        float: 1.5,
        str: 'x',
        list: [1, 2],
        date: '2021-05-04',
        datetime: '2021-05-04T10:11:12Z',
        map: { a: 1 },
        nothing: null,
      },
    ]);
  });

  it('converts nodes to their properties plus labels and element id', async () => {
    const [row] = await executor.write(RETURN_PROBE_NODE, { id: `${PREFIX}node` });
    expect(row.n).toEqual({
      id: `${PREFIX}node`,
      n: 7,
      __labels: ['__ExecutorProbe'],
      __elementId: expect.any(String),
    });
  });

  it('commits all statements of a writeTransaction or none of them', async () => {
    await rejection(
      executor.writeTransaction(async (tx) => {
        await tx.run(CREATE_PROBE, { id: `${PREFIX}tx-1`, n: 1 });
        await tx.run(SYNTAX_ERROR);
      }),
    );
    expect(await executor.read(COUNT_PROBES, { prefix: PREFIX })).toEqual([{ count: 0 }]);
    await executor.writeTransaction(async (tx) => {
      await tx.run(CREATE_PROBE, { id: `${PREFIX}tx-1`, n: 1 });
      await tx.run(CREATE_PROBE, { id: `${PREFIX}tx-2`, n: 2 });
    });
    expect(await executor.read(COUNT_PROBES, { prefix: PREFIX })).toEqual([{ count: 2 }]);
  });

  it('reports every statement to query listeners, with mode, operation and outcome', async () => {
    const events: { mode: string; operation?: string; ok: boolean }[] = [];
    const off = executor.onQuery(({ mode, operation, ok }) => events.push({ mode, operation, ok }));
    await executor.read(COUNT_PROBES, { prefix: PREFIX }, { operation: 'count' });
    await executor.write(CREATE_PROBE, { id: `${PREFIX}listen`, n: 1 }, { operation: 'create' });
    await rejection(executor.read(SYNTAX_ERROR, {}, { operation: 'broken' }));
    off();
    await executor.read(COUNT_PROBES, { prefix: PREFIX });
    expect(events).toEqual([
      { mode: 'READ', operation: 'count', ok: true },
      { mode: 'WRITE', operation: 'create', ok: true },
      { mode: 'READ', operation: 'broken', ok: false },
    ]);
  });

  it('maps a Cypher error to a coded AppError that keeps the Neo4j error as cause and hides its text', async () => {
    const error = await rejection(executor.read(SYNTAX_ERROR));
    expect(error.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect(error.message).toBe('Unexpected database error.');
    expect(causeCode(error)).toBe('Neo.ClientError.Statement.SyntaxError');
  });
});
