// The graph version against the real Neo4j: every write path bumps it in its own transaction
// (the ingest writer's two statements, concurrent writers never losing a bump), and a read of it is
// one statement. Other test files write to the same server at the same time, so the assertions
// compare versions for inequality or read them inside the bumping transaction, never count them.
import type { Executor } from '../../src/db/executor';
import { bumpGraphVersion, readGraphVersion } from '../../src/db/graph-version';
import { GRAPH_VERSION_BUMP, READ_GRAPH_VERSION } from '../../src/db/graph-version.queries';
import { BatchBuilder } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { WRITE_NODES, WRITE_PAPERS } from '../../src/ingest/ingest.queries';
import { applySchema, cleanup, testExecutor } from '../ingest/ingest-test-db';
import { TEST_READ_TIMEOUT_MS } from '../support/neo4j';

jest.setTimeout(120_000);

const tag = `gv${Date.now().toString(36)}`;

describe('graph version', () => {
  let executor: Executor;

  beforeAll(async () => {
    executor = testExecutor();
    await applySchema(executor);
  });
  afterAll(async () => {
    await cleanup(executor, [`${tag}-p1`]);
    await executor.close();
  });

  it('is bumped as the last clause of both ingest statements', () => {
    expect(WRITE_NODES).toContain(`${GRAPH_VERSION_BUMP}\nRETURN 1 AS done`);
    expect(WRITE_PAPERS).toContain(`${GRAPH_VERSION_BUMP}\nRETURN true AS written`);
  });

  it('changes when the ingest writer writes a batch', async () => {
    const before = await readGraphVersion(executor, TEST_READ_TIMEOUT_MS);
    const builder = new BatchBuilder('2026-01-01T00:00:00.000Z');
    builder.addPaper({
      paper: { id: `${tag}-p1`, title: 'Version probe', abstract: 'A probe.', authors: [] },
      record: {
        paper: { id: `${tag}-p1`, title: 'Version probe' },
        entities: [],
        repos: [],
        links: [],
        lineage: [],
        results: [],
        extractor: { version: 'test-1' },
      },
      contentHash: 'h1',
    });
    await new GraphWriter(executor, { attempts: 1 }).write(builder.build());
    const after = await readGraphVersion(executor, TEST_READ_TIMEOUT_MS);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^[0-9a-f-]{36}:\d+$/);
  });

  it('never loses a bump: concurrent transactions each see a version of their own', async () => {
    const seen = await Promise.all(
      Array.from({ length: 8 }, () =>
        executor.writeTransaction(async (tx) => {
          await bumpGraphVersion(tx);
          // inside the transaction, holding the version node's lock: the value this bump wrote
          const [row] = await tx.run(READ_GRAPH_VERSION);
          return `${String(row.epoch)}:${String(row.version)}`;
        }),
      ),
    );
    expect(new Set(seen).size).toBe(seen.length);
    const counters = seen.map((v) => Number(v.split(':')[1]));
    const current = Number((await readGraphVersion(executor, TEST_READ_TIMEOUT_MS)).split(':')[1]);
    expect(current).toBeGreaterThanOrEqual(Math.max(...counters));
  });
});
