// Writes WriteBatches to Neo4j: one transaction per batch (so each paper's node, the deletion of
// its old extracted relationships and its new ones commit together), and reads ingest state.
import type { Executor, WriteTx } from '../db/executor';
import { ENTITY_TYPES } from '../names/normalize';
import { REL_KINDS, type WriteBatch } from './graph-rows';
import {
  CREATE_RELS,
  DELETE_EXTRACTED_BUILDS_ON,
  DELETE_EXTRACTED_IMPLEMENTS,
  DELETE_EXTRACTED_PAPER_RELS,
  MERGE_ENTITIES,
  MERGE_PAPER_STUBS,
  MERGE_PAPERS,
  MERGE_PWC_IMPLEMENTS,
  MERGE_RELS,
  MERGE_REPOS,
  READ_PAPER_IDS_BY_PWC_URL,
  READ_PAPER_STATES,
} from './ingest.queries';
import { withRetry, type RetryOptions } from './retry';

export interface PaperState {
  contentHash: string | null;
  extractorVersion: string | null;
}

/** Rows per statement: large batches are split so no single parameter list gets huge. */
const CHUNK = 2_000;

export class GraphWriter {
  constructor(
    private readonly executor: Executor,
    private readonly retry: RetryOptions = {},
  ) {}

  /** Stored state of the given papers, one read query; missing papers are absent from the map. */
  async paperStates(ids: string[]): Promise<Map<string, PaperState>> {
    const out = new Map<string, PaperState>();
    if (ids.length === 0) return out;
    const rows = await withRetry(
      () =>
        this.executor.read(
          READ_PAPER_STATES,
          { ids },
          { operation: 'ingest.paperStates', timeoutMs: 120_000 },
        ),
      this.retry,
    );
    for (const r of rows) {
      out.set(String(r.id), {
        contentHash: typeof r.contentHash === 'string' ? r.contentHash : null,
        extractorVersion: typeof r.extractorVersion === 'string' ? r.extractorVersion : null,
      });
    }
    return out;
  }

  /** Paper ids of PwC paper pages already in the graph. */
  async paperIdsByPwcUrl(urls: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (urls.length === 0) return out;
    const rows = await withRetry(
      () =>
        this.executor.read(
          READ_PAPER_IDS_BY_PWC_URL,
          { urls },
          { operation: 'ingest.paperIdsByPwcUrl', timeoutMs: 120_000 },
        ),
      this.retry,
    );
    for (const r of rows)
      if (typeof r.url === 'string' && typeof r.id === 'string' && !out.has(r.url)) out.set(r.url, r.id);
    return out;
  }

  /** Writes one batch in one transaction (retried as a whole on transient failures). */
  async write(batch: WriteBatch): Promise<void> {
    await withRetry(
      () =>
        this.executor.writeTransaction((tx) => writeBatch(tx, batch), {
          operation: 'ingest.writeBatch',
          timeoutMs: 120_000,
        }),
      this.retry,
    );
  }
}

async function runChunked(tx: WriteTx, cypher: string, key: 'rows' | 'ids', list: unknown[]): Promise<void> {
  for (let i = 0; i < list.length; i += CHUNK) await tx.run(cypher, { [key]: list.slice(i, i + CHUNK) });
}

async function writeBatch(tx: WriteTx, b: WriteBatch): Promise<void> {
  if (b.replacePaperIds.length > 0) {
    await runChunked(tx, DELETE_EXTRACTED_PAPER_RELS, 'ids', b.replacePaperIds);
    await runChunked(tx, DELETE_EXTRACTED_BUILDS_ON, 'ids', b.replacePaperIds);
    await runChunked(tx, DELETE_EXTRACTED_IMPLEMENTS, 'ids', b.replacePaperIds);
  }
  await runChunked(tx, MERGE_PAPERS, 'rows', b.papers);
  await runChunked(tx, MERGE_PAPER_STUBS, 'rows', b.paperStubs);
  for (const type of ENTITY_TYPES) await runChunked(tx, MERGE_ENTITIES[type], 'rows', b.entities[type]);
  await runChunked(tx, MERGE_REPOS, 'rows', b.repos);
  for (const kind of REL_KINDS) {
    await runChunked(tx, CREATE_RELS[kind], 'rows', b.created[kind]);
    await runChunked(tx, MERGE_RELS[kind], 'rows', b.merged[kind]);
  }
  await runChunked(tx, MERGE_PWC_IMPLEMENTS, 'ids', b.implementsFromPwc);
}
