// A curator's merge and an ingest touching the same entity at the same time, against the real Neo4j,
// made deterministic with the writer's and the curation service's step seams: the merge commits (1)
// after the ingest read the batch's curation state but before it writes the shared nodes, (2) after
// the shared nodes committed but before the papers and relationships; (3) the merge holds the entity
// locked while the ingest writes (the test waits until the server lists the ingest's transaction as
// blocked, or the ingest finished without needing the lock). Every time: the merged entity is not re-created beside its redirect, and the
// ingested paper's relationship goes to the survivor.
import type { Executor } from '../../src/db/executor';
import { CurationService } from '../../src/curation/curation.service';
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { BatchBuilder, type WriteBatch } from '../../src/ingest/graph-rows';
import { GraphWriter, type WriterHooks } from '../../src/ingest/graph.writer';
import { applySchema, testExecutor } from './ingest-test-db';
import { RACE_CLEANUP, RACE_NODE, RACE_USES } from './ingest-test.queries';

jest.setTimeout(240_000);

const tag = `race${Date.now().toString(36)}`;
let executor: Executor;
const curator = { actor: 'test' };

function batchOf(paperId: string, entityIds: string[]): WriteBatch {
  const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
  const paper: PaperInput = { id: paperId, title: `Paper ${paperId}`, abstract: 'Abstract.' };
  const record: ExtractionRecord = {
    paper: { id: paperId, title: paper.title },
    entities: entityIds.map((id) => ({
      type: 'method' as const,
      id,
      name: id.replace(/^method:/, ''),
      role: 'used' as const,
      aliases: [],
      confidence: 0.9,
      rule: 'race-test',
      evidence: [{ field: 'abstract' as const, sentence: 'Abstract.', start: 0, end: 8 }],
    })),
    repos: [],
    links: [],
    results: [],
    lineage: [],
    extractor: { version: 'race-test' },
  };
  b.addPaper({ paper, record, contentHash: `h-${paperId}` });
  return b.build();
}

async function exists(id: string): Promise<boolean> {
  return Number((await executor.read(RACE_NODE, { id }))[0].n) > 0;
}

async function usesOf(paperId: string): Promise<string[]> {
  return (await executor.read(RACE_USES, { id: paperId })).map((r) => String(r.to)).sort();
}

/** Two methods, each used by a paper of their own; returns their ids. */
async function pair(name: string): Promise<{ old: string; survivor: string }> {
  const old = `method:${tag}${name}old`;
  const survivor = `method:${tag}${name}new`;
  const writer = new GraphWriter(executor);
  await writer.write(batchOf(`${tag}-${name}-a`, [old]));
  await writer.write(batchOf(`${tag}-${name}-b`, [survivor]));
  expect(await exists(old)).toBe(true);
  return { old, survivor };
}

beforeAll(async () => {
  executor = testExecutor({ queryTimeoutMs: 60_000 });
  await applySchema(executor);
});

afterAll(async () => {
  if (executor) {
    await executor.write(RACE_CLEANUP, { prefix: tag });
    await executor.close();
  }
});

describe('merge racing an ingest of the same entity', () => {
  it.each([
    ['after the ingest read the curation state, before its shared nodes', 'beforeNodes'],
    ['after the shared nodes committed, before the papers and relationships', 'beforePapers'],
  ] as const)('a merge committing %s: no resurrected entity, edges to the survivor', async (_what, hook) => {
    const { old, survivor } = await pair(hook);
    const curation = new CurationService(executor);
    let merged = false;
    const hooks: WriterHooks = {
      [hook]: async () => {
        if (merged) return;
        merged = true;
        expect(
          (await curation.mergeEntities(curator, { from: old, into: survivor, note: 'race' })).changed,
        ).toBe(true);
      },
    };
    const paper = `${tag}-${hook}-c`;
    await new GraphWriter(executor, {}, hooks).write(batchOf(paper, [old]));
    expect(merged).toBe(true);
    expect(await exists(old)).toBe(false);
    expect(await usesOf(paper)).toEqual([survivor]);
  });
});
