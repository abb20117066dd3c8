// The pre-extracted papers of the ingest benchmark (one JSON `PreparedPaper` per line), read back as
// write batches of `batchSize` papers - the write stage and the floor's shared-node pass read them alike.
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { BatchBuilder, type PreparedPaper, type WriteBatch } from '../../src/ingest/graph-rows';

export interface PreparedBatch {
  batch: WriteBatch;
  papers: number;
  relationships: number;
}

/** The first `limit` papers of `file` (all when it holds fewer), `batchSize` to a batch; the next is built while the caller writes. */
export async function* preparedBatches(
  file: string,
  batchSize: number,
  limit: number,
): AsyncIterable<PreparedBatch> {
  let builder = new BatchBuilder(new Date().toISOString());
  let inBatch = 0;
  let total = 0;
  const take = (): PreparedBatch => {
    const out = { papers: inBatch, relationships: builder.relationshipCount(), batch: builder.build() };
    builder = new BatchBuilder(new Date().toISOString());
    inBatch = 0;
    return out;
  };
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
    if (total >= limit) break;
    builder.addPaper(JSON.parse(line) as PreparedPaper);
    total++;
    if (++inBatch >= batchSize) yield take();
  }
  if (inBatch > 0) yield take();
}
