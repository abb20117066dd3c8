// The write stage's floor (`bench:ingest --floor`): the same papers, relationships and properties as
// the write stage, written with the least work Neo4j allows for them - the shared nodes (entities,
// repos) created beforehand and not timed (`createSharedNodes`), then each batch's papers CREATEd (no
// MERGE, no deletion of earlier edges) with their relationships (`floorWrite`, timed by the write
// stage's own loop, as many batches at once). Ingest has to do more (idempotent re-runs, alias
// accumulation, input-order entity writes), so its write stage cannot beat this; the ratio says how
// much of the cost is the graph itself.
import type { Executor } from '../../src/db/executor';
import type { WriteBatch } from '../../src/ingest/graph-rows';
import { nodesParams, papersParams } from '../../src/ingest/graph.writer';
import { WRITE_NODES, WRITE_PAPERS } from '../../src/ingest/ingest.queries';
import { preparedBatches } from './prepared-batches';

/** WRITE_PAPERS without the deletion of earlier edges, papers created instead of merged. */
export function floorStatement(): string {
  const withoutDelete = WRITE_PAPERS.replace(/CALL \{\nUNWIND \$batch\.replaceIds[\s\S]*?\n\}\n\}\n/, '');
  const created = withoutDelete
    .replace('MERGE (p:Paper {id: row.id})', 'CREATE (p:Paper {id: row.id})')
    .replace(/p\.sources = reduce\([^\n]*END\)/, 'p.sources = row.sources');
  if (withoutDelete === WRITE_PAPERS || created.includes('MERGE (p:Paper') || created.includes('reduce('))
    throw new Error('write floor: WRITE_PAPERS changed shape; update floorStatement()');
  return created;
}

/** Untimed: the shared nodes (stubs, entities, repos) of the first `limit` papers, batch by batch; returns the seconds it took. */
export async function createSharedNodes(
  executor: Executor,
  prepared: string,
  batchSize: number,
  limit: number,
): Promise<number> {
  const started = performance.now();
  for await (const { batch } of preparedBatches(prepared, batchSize, limit)) {
    await executor.writeTransaction(
      async (tx) => {
        await tx.run(WRITE_NODES, { batch: nodesParams(batch) });
      },
      { operation: 'bench.floorNodes', timeoutMs: 300_000 },
    );
  }
  return Math.round((performance.now() - started) / 10) / 100;
}

/**
 * Writes one batch the floor's way, in one transaction: the same parameters as the write stage (the
 * floor's statement has no deletion step, so the ids to replace go unread).
 */
export function floorWrite(executor: Executor): (batch: WriteBatch) => Promise<void> {
  const statement = floorStatement();
  return (batch) =>
    executor.writeTransaction(
      async (tx) => {
        await tx.run(statement, { batch: papersParams(batch) });
      },
      { operation: 'bench.floorPapers', timeoutMs: 300_000 },
    );
}
