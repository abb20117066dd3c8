// Writes WriteBatches to Neo4j: one transaction per batch (so each paper's node, the deletion of
// its old extracted relationships and its new ones commit together), and reads ingest state.
import type { Executor, WriteTx } from '../db/executor';
import { ENTITY_TYPES } from '../names/normalize';
import { ENTITY_LABEL, REL_KINDS, type RelKind, type RelRow, type WriteBatch } from './graph-rows';
import {
  CREATED_ROW_BASE,
  CREATED_ROW_EXTRA,
  endpointLabels,
  NODE_LIST,
  READ_PAPER_IDS_BY_PWC_URL,
  READ_PAPER_STATES,
  WRITE_BATCH,
  WRITE_BATCH_PARAMS,
} from './ingest.queries';
import { withRetry, type RetryOptions } from './retry';

export interface PaperState {
  contentHash: string | null;
  extractorVersion: string | null;
}

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

/** All of a batch in one statement with one map parameter (see WRITE_BATCH): one round trip, one plan. */
async function writeBatch(tx: WriteTx, b: WriteBatch): Promise<void> {
  const P = WRITE_BATCH_PARAMS;
  const params: Record<string, unknown> = {
    [P.replaceIds]: b.replacePaperIds,
    [P.papers]: b.papers,
    [P.stubs]: b.paperStubs,
    [P.repos]: b.repos,
    [P.implementsFromPwc]: b.implementsFromPwc,
  };
  for (const type of ENTITY_TYPES) params[P.entity(type)] = b.entities[type];
  const positions = nodePositions(b);
  for (const kind of REL_KINDS) {
    params[P.created(kind)] = createdRows(kind, b.created[kind], positions);
    params[P.merged(kind)] = b.merged[kind];
  }
  await tx.run(WRITE_BATCH, { batch: params });
}

/** Position of each node id in the batch's node list of its label (see NODE_LIST), per list name. */
export type NodePositions = Record<string, Map<string, number>>;

export function nodePositions(b: WriteBatch): NodePositions {
  const index = (rows: { id: string }[]) => new Map(rows.map((r, i) => [r.id, i]));
  const out: NodePositions = { [NODE_LIST.Paper]: index(b.papers), [NODE_LIST.Repo]: index(b.repos) };
  for (const type of ENTITY_TYPES) out[NODE_LIST[ENTITY_LABEL[type]]] = index(b.entities[type]);
  return out;
}

/**
 * Created-relationship rows as the positional lists CREATE_RELS reads (see CREATED_ROW_BASE): the
 * endpoints as positions in the batch's node lists, then the properties.
 */
export function createdRows(kind: RelKind, rows: RelRow[], positions: NodePositions): unknown[][] {
  const names = [...CREATED_ROW_BASE, ...CREATED_ROW_EXTRA[kind]];
  const labels = endpointLabels(kind);
  const from = positions[NODE_LIST[labels.from]];
  const to = positions[NODE_LIST[labels.to]];
  return rows.map((r) => {
    if (r.props.source !== 'extracted') throw new Error(`created ${kind} row with source ${r.props.source}`);
    const a = from.get(r.from);
    const b = to.get(r.to);
    if (a === undefined || b === undefined)
      throw new Error(`created ${kind} row ${r.from} -> ${r.to}: an endpoint is not a node of its batch`);
    const props = r.props as unknown as Record<string, unknown>;
    return [a, b, ...names.map((n) => props[n] ?? null)];
  });
}
