// Writes WriteBatches to Neo4j in two transactions each (see WRITE_NODES / WRITE_PAPERS in
// ingest.queries.ts): the shared nodes one batch at a time in call order, then the papers with their
// relationships - each paper's node, the deletion of its old extracted relationships and its new ones
// commit together - several batches at once. Also reads ingest state.
import type { Executor, WriteTx } from '../db/executor';
import { ENTITY_TYPES } from '../names/normalize';
import {
  applyCuration,
  curationLookupIds,
  emptyCurationState,
  retractionKey,
  type CurationState,
} from './curation-overlay';
import { ENTITY_LABEL, REL_KINDS, type RelKind, type RelRow, type WriteBatch } from './graph-rows';
import {
  CREATED_ROW_BASE,
  CREATED_ROW_EXTRA,
  endpointLabels,
  NODE_LIST,
  type NodeLabel,
  READ_CURATION,
  READ_PAPER_IDS_BY_PWC_URL,
  READ_PAPER_STATES,
  WRITE_BATCH_PARAMS,
  WRITE_NODES,
  WRITE_PAPERS,
} from './ingest.queries';
import { withRetry, type RetryOptions } from './retry';

export interface PaperState {
  contentHash: string | null;
  extractorVersion: string | null;
}

/** Test seams: awaited before a batch's WRITE_NODES (its curation state read) and before its WRITE_PAPERS. */
export interface WriterHooks {
  beforeNodes?: (batch: WriteBatch) => void | Promise<void>;
  beforePapers?: (batch: WriteBatch) => void | Promise<void>;
}

export class GraphWriter {
  constructor(
    private readonly executor: Executor,
    private readonly retry: RetryOptions = {},
    private readonly hooks: WriterHooks = {},
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

  /** WRITE_NODES of the batch written last; the next batch's waits for it (input order). */
  private nodesChain: Promise<void> = Promise.resolve();
  /** Batches whose WRITE_PAPERS has not finished, with the paper ids they write. */
  private readonly inFlight = new Set<{ paperIds: Set<string>; done: Promise<void> }>();

  /**
   * Writes one batch; resolves once its papers are committed. Calls may overlap (the ingest
   * pipeline keeps a few batches in flight): the batches' WRITE_NODES transactions still commit one
   * at a time in call order - a batch's shared nodes never before those of an earlier call, and
   * none at all after an earlier one failed (so the committed entities are always those of a prefix
   * of the input, and a re-run after an interruption adds names and aliases in input order) - while
   * their WRITE_PAPERS transactions run side by side, except that a batch waits for every earlier
   * batch that writes one of its papers. Each transaction is retried on transient failures.
   *
   * Curation (a merge, a retraction, a removed alias) may commit while a batch is on its way: each
   * transaction reads the batch's curation state again before it commits and, when it changed since
   * the batch was shaped, rolls back and is written again for the new state (a merged entity is never
   * re-created beside its redirect, a retracted relationship never written again).
   */
  async write(input: WriteBatch): Promise<void> {
    // curators' corrections (merged ids, retractions, removed aliases), read as the batch is handed
    // over; the chain below keeps the call order whatever this read takes
    let shaped: Promise<Shaped> = this.curationOf(input).then((state) => ({
      state,
      batch: applyCuration(input, state),
    }));
    shaped.catch(() => undefined);
    const previous = this.nodesChain;
    const nodes = previous.then(async () => {
      const first = await shaped;
      await this.hooks.beforeNodes?.(input);
      const current = await this.writeNodesChecked(input, first);
      shaped = Promise.resolve(current);
    });
    this.nodesChain = nodes;
    // Once the failure is seen, later calls start afresh (calls chained meanwhile fail with it).
    nodes.catch(() => {
      if (this.nodesChain === nodes) this.nodesChain = Promise.resolve();
    });
    const paperIds = paperIdsOf(input);
    const earlier = [...this.inFlight]
      .filter((f) => [...paperIds].some((id) => f.paperIds.has(id)))
      .map((f) => f.done.catch(() => undefined));
    const done = (async () => {
      await nodes;
      await Promise.all(earlier);
      let current = await shaped;
      await this.hooks.beforePapers?.(input);
      for (let attempt = 1; ; attempt++) {
        try {
          await this.inTransaction('ingest.writePapers', async (tx) => {
            await writePapers(tx, current.batch);
            await this.requireCurrent(tx, input, current.state);
          });
          return;
        } catch (error) {
          // changed curation (seen by the check, or the cause of a failure: a node merged away meanwhile)
          const fresh = changedState(error) ?? (await this.changedSince(input, current.state));
          if (!fresh || attempt >= CURATION_ATTEMPTS) throw error;
          current = await this.writeNodesChecked(input, { state: fresh, batch: applyCuration(input, fresh) });
        }
      }
    })();
    const entry = { paperIds, done };
    this.inFlight.add(entry);
    try {
      await done;
    } finally {
      this.inFlight.delete(entry);
    }
  }

  /** WRITE_NODES for the batch as shaped, again for the new state while curation changes under it. */
  private async writeNodesChecked(input: WriteBatch, shaped: Shaped): Promise<Shaped> {
    let current = shaped;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.inTransaction('ingest.writeNodes', async (tx) => {
          await writeNodes(tx, current.batch);
          await this.requireCurrent(tx, input, current.state);
        });
        return current;
      } catch (error) {
        const fresh = changedState(error);
        if (!fresh || attempt >= CURATION_ATTEMPTS) throw error;
        current = { state: fresh, batch: applyCuration(input, fresh) };
      }
    }
  }

  /** Inside a write transaction: throws CurationChanged when the batch's curation state is not `state`. */
  private async requireCurrent(tx: WriteTx, input: WriteBatch, state: CurationState): Promise<void> {
    const ids = curationLookupIds(input);
    if (ids.length === 0) return;
    const [row] = await tx.run(READ_CURATION, { ids });
    const now = curationStateOf(row);
    if (curationKey(now) !== curationKey(state)) throw new CurationChanged(now);
  }

  /** The batch's curation state when it differs from `state` (one read), else undefined. */
  private async changedSince(input: WriteBatch, state: CurationState): Promise<CurationState | undefined> {
    const now = await this.curationOf(input);
    return curationKey(now) === curationKey(state) ? undefined : now;
  }

  /** The curation bookkeeping that concerns a batch (one read). */
  private async curationOf(batch: WriteBatch): Promise<CurationState> {
    const ids = curationLookupIds(batch);
    if (ids.length === 0) return emptyCurationState();
    const [row] = await withRetry(
      () => this.executor.read(READ_CURATION, { ids }, { operation: 'ingest.curation', timeoutMs: 120_000 }),
      this.retry,
    );
    return curationStateOf(row);
  }

  private inTransaction(operation: string, work: (tx: WriteTx) => Promise<void>): Promise<void> {
    return withRetry(
      () => this.executor.writeTransaction(work, { operation, timeoutMs: 120_000 }),
      this.retry,
    );
  }
}

/** Times a batch is shaped again because curation changed under it before it gives up. */
const CURATION_ATTEMPTS = 5;

interface Shaped {
  state: CurationState;
  batch: WriteBatch;
}

/** Thrown inside a write transaction (rolling it back) when curation changed since the batch was shaped. */
class CurationChanged extends Error {
  constructor(readonly state: CurationState) {
    super('curation changed while the batch was being written');
  }
}

/** The new curation state when `error` is (or wraps) a CurationChanged. */
function changedState(error: unknown): CurationState | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++)
    if (e instanceof CurationChanged) return e.state;
  return undefined;
}

function curationStateOf(row: Record<string, unknown> | undefined): CurationState {
  const state = emptyCurationState();
  const lists = (value: unknown) =>
    (Array.isArray(value) ? value : []).map((v) => (v as unknown[]).map(String));
  for (const [from, into] of lists(row?.redirects)) state.redirects.set(from, into);
  for (const [type, from, to, paper] of lists(row?.retractions))
    state.retractions.add(retractionKey(type, from, to, paper));
  for (const [entity, key] of lists(row?.removed)) state.removedAliases.add(`${entity}\u0000${key}`);
  return state;
}

/** A comparable text of a curation state. */
function curationKey(state: CurationState): string {
  return JSON.stringify([
    [...state.redirects.entries()].sort(),
    [...state.retractions].sort(),
    [...state.removedAliases].sort(),
  ]);
}

/** Every paper id a batch writes or whose edges it replaces or merges (two batches sharing one are not written at once). */
function paperIdsOf(b: WriteBatch): Set<string> {
  const ids = new Set<string>([...b.replacePaperIds, ...b.implementsFromPwc]);
  for (const p of b.papers) ids.add(p.id);
  for (const p of b.paperStubs) ids.add(p.id);
  for (const r of b.results) ids.add(r.paperId);
  for (const kind of REL_KINDS) for (const r of b.merged[kind]) ids.add(r.props.paperId);
  return ids;
}

/** The `$batch` parameter of WRITE_NODES: stubs, entities and repos. */
export function nodesParams(b: WriteBatch): Record<string, unknown> {
  const P = WRITE_BATCH_PARAMS;
  const params: Record<string, unknown> = {
    [P.stubs]: b.paperStubs,
    [P.repos]: b.repos,
    [P.metrics]: b.metrics,
  };
  for (const type of ENTITY_TYPES) params[P.entity(type)] = b.entities[type];
  return params;
}

/** Transaction 1: stubs, entities and repos. */
async function writeNodes(tx: WriteTx, b: WriteBatch): Promise<void> {
  await tx.run(WRITE_NODES, { batch: nodesParams(b) });
}

/** The `$batch` parameter of WRITE_PAPERS: papers, the ids of the batch's shared nodes, relationship rows. */
export function papersParams(b: WriteBatch): Record<string, unknown> {
  const P = WRITE_BATCH_PARAMS;
  const ids: Record<Exclude<NodeLabel, 'Paper'>, string[]> = {
    Method: b.entities.method.map((r) => r.id),
    Dataset: b.entities.dataset.map((r) => r.id),
    Task: b.entities.task.map((r) => r.id),
    Concept: b.entities.concept.map((r) => r.id),
    Repo: b.repos.map((r) => r.id),
  };
  const params: Record<string, unknown> = {
    [P.replaceIds]: b.replacePaperIds,
    [P.papers]: b.papers,
    [P.implementsFromPwc]: b.implementsFromPwc,
    [P.results]: b.results,
  };
  for (const [label, list] of Object.entries(ids)) params[P.nodeIds(label as keyof typeof ids)] = list;
  const positions = nodePositions(b);
  for (const kind of REL_KINDS) {
    params[P.created(kind)] = createdRows(kind, b.created[kind], positions);
    params[P.merged(kind)] = b.merged[kind];
  }
  return params;
}

/** Transaction 2: papers and relationships, the shared nodes found by id (see WRITE_PAPERS). */
async function writePapers(tx: WriteTx, b: WriteBatch): Promise<void> {
  const params = papersParams(b);
  const [written] = await tx.run(WRITE_PAPERS, { batch: params });
  if (!written)
    throw new Error(
      "ingest: some of the batch's shared nodes were not found after they were merged (deleted meanwhile?); nothing of this batch's papers was written",
    );
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
