// The write stage's floor (`bench:ingest --floor`): the same papers, relationships and properties as
// the write stage, written with the least work Neo4j allows for them - the shared nodes (entities,
// repos) created beforehand and not timed, then each batch's papers CREATEd (no MERGE, no deletion
// of earlier edges) with their relationships, as many batches at once as the write stage. Ingest has
// to do more (idempotent re-runs, alias accumulation, input-order entity writes), so its write stage
// cannot beat this; the ratio says how much of the cost is the graph itself.
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { Executor } from '../../src/db/executor';
import { BatchBuilder, type PreparedPaper, type WriteBatch } from '../../src/ingest/graph-rows';
import { nodesParams, papersParams } from '../../src/ingest/graph.writer';
import { WRITE_NODES, WRITE_PAPERS } from '../../src/ingest/ingest.queries';

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

async function* batches(
  prepared: string,
  batchSize: number,
  limit: number,
): AsyncIterable<[WriteBatch, number]> {
  let builder = new BatchBuilder(new Date().toISOString());
  let inBatch = 0;
  let total = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(prepared) })) {
    if (total >= limit) break;
    builder.addPaper(JSON.parse(line) as PreparedPaper);
    total++;
    if (++inBatch >= batchSize) {
      yield [builder.build(), inBatch];
      builder = new BatchBuilder(new Date().toISOString());
      inBatch = 0;
    }
  }
  if (inBatch > 0) yield [builder.build(), inBatch];
}

export interface FloorResult {
  papers: number;
  seconds: number;
  papersPerSecond: number;
  neo4jCpuMsPerPaper: number;
  clientCpuMsPerPaper: number;
  /** Untimed: creating the shared nodes first. */
  sharedNodesSeconds: number;
  secondHalf: { papers: number; seconds: number; papersPerSecond: number; neo4jCpuMsPerPaper: number };
}

/** Writes the first `limit` prepared papers the floor's way into an empty graph; `cpuSeconds()` reads Neo4j's CPU. */
export async function writeFloor(
  executor: Executor,
  prepared: string,
  batchSize: number,
  concurrency: number,
  limit: number,
  cpuSeconds: () => number,
): Promise<FloorResult> {
  const nodesStarted = performance.now();
  for await (const [b] of batches(prepared, batchSize, limit)) {
    const params = nodesParams(b);
    await executor.writeTransaction(
      async (tx) => {
        await tx.run(WRITE_NODES, { batch: params });
      },
      { operation: 'bench.floorNodes', timeoutMs: 300_000 },
    );
  }
  const sharedNodesSeconds = (performance.now() - nodesStarted) / 1000;

  const statement = floorStatement();
  const neo4jAtStart = cpuSeconds();
  const clientAtStart = process.cpuUsage();
  const started = performance.now();
  const marks: { papers: number; at: number; cpu: number }[] = [];
  const writes = new Set<Promise<void>>();
  let papers = 0;
  for await (const [b, n] of batches(prepared, batchSize, limit)) {
    // the same parameters as the write stage; the floor's statement has no deletion step, so the ids to
    // replace go unread
    const params = papersParams(b);
    const write: Promise<void> = executor
      .writeTransaction(
        async (tx) => {
          await tx.run(statement, { batch: params });
        },
        { operation: 'bench.floorPapers', timeoutMs: 300_000 },
      )
      .then(() => {
        writes.delete(write);
        papers += n;
        marks.push({ papers, at: performance.now(), cpu: cpuSeconds() });
      });
    writes.add(write);
    while (writes.size >= concurrency) await Promise.race(writes);
  }
  await Promise.all(writes);
  const seconds = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientAtStart);
  const end = marks[marks.length - 1];
  const mid = marks.find((m) => m.papers >= papers / 2) ?? end;
  const half = end.papers - mid.papers;
  const halfSeconds = (end.at - mid.at) / 1000;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    papers,
    seconds: r2(seconds),
    papersPerSecond: Math.round(papers / seconds),
    neo4jCpuMsPerPaper: r2(((cpuSeconds() - neo4jAtStart) * 1000) / papers),
    clientCpuMsPerPaper: r2((client.user + client.system) / 1000 / papers),
    sharedNodesSeconds: r2(sharedNodesSeconds),
    secondHalf: {
      papers: half,
      seconds: r2(halfSeconds),
      papersPerSecond: halfSeconds > 0 ? Math.round(half / halfSeconds) : 0,
      neo4jCpuMsPerPaper: half > 0 ? r2(((end.cpu - mid.cpu) * 1000) / half) : 0,
    },
  };
}
