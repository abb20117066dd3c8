// A curator's merge and an ingest touching the same entity at the same time, against the real Neo4j,
// made deterministic with the writer's and the curation service's step seams: the merge commits (1)
// after the ingest read the batch's curation state but before it writes the shared nodes, (2) after
// the shared nodes committed but before the papers and relationships; (3) the merge holds the entity
// locked while the ingest writes: paused inside its transaction after each of its steps, the merge
// lets a whole ingest of a paper naming the old entity run, and goes on once the ingest committed
// or the server lists one of the ingest's transactions as blocked on a lock (no sleeps, no timing).
// Every time: the merged entity is not re-created beside its redirect, and the ingested paper's
// relationship goes to the survivor - an ingest edge committed between the merge's relationship
// move and its delete of the old node was deleted with it before the merge locked its entities.
import type { Executor } from '../../src/db/executor';
import { CurationService } from '../../src/curation/curation.service';
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { BatchBuilder, type WriteBatch } from '../../src/ingest/graph-rows';
import { GraphWriter, type WriterHooks } from '../../src/ingest/graph.writer';
import { applySchema, testExecutor } from './ingest-test-db';
import {
  BLOCKED_INGEST_WRITES,
  RACE_ALIASES,
  RACE_CLEANUP,
  RACE_NODE,
  RACE_USES,
} from './ingest-test.queries';

jest.setTimeout(240_000);

const tag = `race${Date.now().toString(36)}`;
let executor: Executor;
const curator = { actor: 'test' };

function batchOf(paperId: string, entityIds: string[], aliases: string[] = []): WriteBatch {
  const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
  const paper: PaperInput = { id: paperId, title: `Paper ${paperId}`, abstract: 'Abstract.' };
  const record: ExtractionRecord = {
    paper: { id: paperId, title: paper.title },
    entities: entityIds.map((id) => ({
      type: 'method' as const,
      id,
      name: id.replace(/^method:/, ''),
      role: 'used' as const,
      aliases,
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

describe('an ingest while a merge is under way (the merge paused inside its transaction)', () => {
  it.each(['lock', 'read', 'moveRels', 'absorbProperties', 'deleteMerged'])(
    'an ingest naming the old entity while the merge is paused after "%s": the edge goes to the survivor',
    async (step) => {
      const { old, survivor } = await pair(`mid${step}`);
      const paper = `${tag}-mid${step}-c`;
      let ingest: Promise<void> | null = null;
      let ingestError: unknown = null;
      const curation = new CurationService(executor, {
        afterStep: async (op, at) => {
          if (op !== 'mergeEntities' || at !== step || ingest) return;
          let done = false;
          ingest = new GraphWriter(executor)
            .write(batchOf(paper, [old], [`${step} alias`]))
            .catch((error: unknown) => {
              ingestError = error;
            })
            .finally(() => {
              done = true;
            });
          // the merge goes on once the ingest is through, or once the ingest waits for the merge's locks
          // (the alias it adds writes the old entity in a statement: a lock wait the server lists)
          await waitFor(
            'the ingest to commit or to block on a lock',
            async () => done || Number((await executor.read(BLOCKED_INGEST_WRITES))[0].blocked) > 0,
          );
        },
      });
      expect(
        (await curation.mergeEntities(curator, { from: old, into: survivor, note: 'mid' })).changed,
      ).toBe(true);
      expect(ingest).not.toBeNull();
      await ingest;
      expect(ingestError).toBeNull();
      expect(await exists(old)).toBe(false);
      expect(await usesOf(paper)).toEqual([survivor]);
      // and the name the ingest brought is the survivor's
      expect((await executor.read(RACE_ALIASES, { id: survivor }))[0].aliases).toContain(`${step} alias`);
    },
  );
});

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  // a hang guard, not a verdict: the condition is what the test waits on
  const deadline = Date.now() + 120_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
