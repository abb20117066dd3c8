// GraphWriter with several batches written at once, against the real Neo4j: every created
// relationship joins exactly the nodes its row names (endpoints travel as positions in the batch's
// node lists), shared nodes take names and aliases in call order, and two overlapping batches that
// write the same paper leave the later one's edges only.
import type { Executor } from '../../src/db/executor';
import type { ExtractedEntity, ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { BatchBuilder, REL_KINDS, type WriteBatch } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { applySchema, cleanup, scopedDump, testExecutor } from './ingest-test-db';
import { ENTITY_NAMES } from './ingest-test.queries';

jest.setTimeout(180_000);

const tag = `cw${Date.now().toString(36)}`;
const ev = (sentence: string) => [{ field: 'abstract' as const, sentence, start: 0, end: 5 }];

/** Deterministic pseudo-random numbers (a small LCG), so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const TYPES = ['method', 'dataset', 'task', 'concept'] as const;

function entity(type: (typeof TYPES)[number], n: number, form: string, role: 'introduced' | 'used') {
  return {
    type,
    id: `${type}:${tag}e${n}`,
    name: `${tag}E${n}${form}`,
    role,
    aliases: [],
    confidence: 0.5 + (n % 5) / 10,
    rule: `r${n}`,
    evidence: ev(`s${n}`),
  } satisfies ExtractedEntity;
}

/** Papers `first..first+count-1`, each with a few entities of a shared pool, a repo now and then, some lineage. */
function batch(
  first: number,
  count: number,
  seed: number,
  form: string,
): { batch: WriteBatch; ids: string[] } {
  const next = rng(seed);
  const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
  const ids: string[] = [];
  for (let i = first; i < first + count; i++) {
    const id = `${tag}-p${i}`;
    ids.push(id);
    const paper: PaperInput = {
      id,
      title: `Paper ${i}`,
      abstract: `Abstract ${i}.`,
      published: '2022-01-01',
    };
    const entities: ExtractedEntity[] = [];
    const seen = new Set<string>();
    for (let k = 0; k < 6; k++) {
      const type = TYPES[Math.floor(next() * TYPES.length)];
      const n = Math.floor(next() * 30);
      if (seen.has(`${type}${n}`)) continue;
      seen.add(`${type}${n}`);
      entities.push(entity(type, n, form, next() < 0.2 ? 'introduced' : 'used'));
    }
    const methods = entities.filter((e) => e.type === 'method');
    const record: ExtractionRecord = {
      paper: { id, title: paper.title },
      entities,
      repos: next() < 0.3 ? [{ url: `https://github.com/${tag}/r${i % 7}`, evidence: ev('code') }] : [],
      links: [],
      results: [],
      lineage:
        methods.length >= 2
          ? [
              {
                child: methods[0].name,
                parent: methods[1].name,
                relation: 'extends',
                confidence: 0.7,
                rule: 'l',
                evidence: ev('extends'),
              },
            ]
          : [],
      extractor: { version: 'test-1' },
    };
    b.addPaper({ paper, record, contentHash: `h${seed}` });
  }
  return { batch: b.build(), ids };
}

/** `from-[TYPE paperId]->to` of every created relationship of the batches. */
function expectedEdges(...batches: WriteBatch[]): string[] {
  const type = (kind: string) => kind.replace(/_(METHOD|DATASET)$/, '');
  return batches
    .flatMap((b) =>
      REL_KINDS.flatMap((k) => b.created[k].map((r) => `${r.from}-[${type(k)} ${r.props.paperId}]->${r.to}`)),
    )
    .sort();
}

function edgesOf(dump: string[]): string[] {
  return dump
    .filter((l) => l.includes(']->'))
    .map((l) => {
      const m = /^(.*)-\[(\w+) (\{.*\})\]->(.*)$/.exec(l) as RegExpExecArray;
      const props = JSON.parse(m[3]) as { paperId: string };
      return `${m[1]}-[${m[2]} ${props.paperId}]->${m[4]}`;
    })
    .sort();
}

describe('Ingest: batches written at once', () => {
  let executor: Executor;
  let writer: GraphWriter;
  const all: string[] = [];

  beforeAll(async () => {
    executor = testExecutor();
    await applySchema(executor);
    writer = new GraphWriter(executor, { attempts: 3, initialDelayMs: 100 });
  });
  afterAll(async () => {
    await cleanup(executor, all);
    await executor.close();
  });

  it('joins every created relationship to the nodes its row names, and keeps names and aliases in call order', async () => {
    const parts = [batch(0, 150, 1, '-A'), batch(150, 150, 2, ' B'), batch(300, 150, 3, ' C')];
    for (const p of parts) all.push(...p.ids);
    await Promise.all(parts.map((p) => writer.write(p.batch)));

    const dump = await scopedDump(executor, all);
    const expected = expectedEdges(...parts.map((p) => p.batch));
    expect(expected.length).toBeGreaterThan(1_000);
    expect(edgesOf(dump)).toEqual(expected);

    // An entity seen in all three batches is named by the first and lists the others' forms in call order.
    const everywhere = TYPES.flatMap((t) => Array.from({ length: 30 }, (_, n) => `${t}:${tag}e${n}`)).find(
      (id) =>
        parts.every((p) => Object.values(p.batch.entities).some((rows) => rows.some((r) => r.id === id))),
    ) as string;
    expect(everywhere).toBeDefined();
    const n = everywhere.split(':')[1].replace(`${tag}e`, '');
    expect(await executor.read(ENTITY_NAMES, { id: everywhere })).toEqual([
      expect.objectContaining({ name: `${tag}E${n}-A`, aliases: [`${tag}E${n} B`, `${tag}E${n} C`] }),
    ]);
  });

  it('writes two overlapping batches re-ingesting the same papers one after the other: the later edges only', async () => {
    // The papers exist already (re-ingest: each batch deletes their edges, then writes its own).
    const base = batch(1_000, 100, 10, '-A');
    all.push(...base.ids);
    await writer.write(base.batch);
    const first = batch(1_000, 100, 11, '-A');
    const second = batch(1_000, 100, 12, '-A');
    await Promise.all([writer.write(first.batch), writer.write(second.batch)]);
    expect(edgesOf(await scopedDump(executor, first.ids))).toEqual(expectedEdges(second.batch));
  });
});
