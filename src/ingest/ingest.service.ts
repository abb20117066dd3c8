// The ingest pipeline, used by `papergraph ingest`, `npm start` (sample corpus) and the GraphQL
// `ingestPapers` mutation: records stream in -> unchanged papers are skipped (one state read per
// batch) -> the rest are extracted in a worker pool (a bounded number of batches in flight, so
// memory stays flat) -> each batch is written in one transaction, in input order.
import type { Readable } from 'node:stream';
import type { Executor } from '../db/executor';
import { AppError } from '../errors/app-error';
import type { ExtractionRecord } from '../extract/extraction.types';
import { EXTRACTOR_VERSION } from '../extract/version';
import { createExtractionPool, type ExtractionPool } from '../extract/worker-pool';
import { readPapers } from '../readers/read-papers';
import { arxivIdOf, isMapFailure, titleHashId, toPaperInput } from '../readers/paper-input.mapper';
import type { InputFormat } from '../readers/read-result.types';
import {
  pwcKindOfFile,
  readPwcFile,
  type PwcDumpKind,
  type PwcPaperRef,
  type PwcRecord,
} from '../readers/pwc';
import { contentHashOf } from './content-hash';
import { BatchBuilder, repoRowOf, type PreparedPaper } from './graph-rows';
import { GraphWriter, type WriterHooks } from './graph.writer';
import type {
  IngestItem,
  IngestProgress,
  IngestSummary,
  PaperIngestResult,
  PaperIngestStatus,
  RejectRecord,
} from './ingest.types';
import { isRetryable, type RetryOptions } from './retry';

export type { IngestSummary, PaperIngestResult, IngestProgress, RejectRecord } from './ingest.types';

export interface IngestServiceOptions {
  /** Extraction worker threads (default: all cores; 0 = extract in the calling thread). */
  threads?: number;
  /** Compiled extraction worker entry (default: `extract.worker.js` beside the pool module). */
  workerFile?: string;
  /** An extraction pool to use instead of creating one (not closed by the service). */
  pool?: ExtractionPool;
  /** Papers per write transaction (default 500). */
  batchSize?: number;
  /** Batches being prepared (state read + extraction) while others are written (default 2). */
  maxBatchesInFlight?: number;
  /**
   * Batches being written at once (default 2): each batch's shared nodes still commit one batch
   * at a time in input order, its papers and relationships beside the other batches' (GraphWriter).
   */
  writeConcurrency?: number;
  /** Backoff for transient database failures. */
  retry?: RetryOptions;
  /** The extractor version the pool produces (default: the extractor's EXTRACTOR_VERSION). */
  extractorVersion?: string;
  /** Re-extract and rewrite even unchanged papers. */
  force?: boolean;
  /** `ingestedAt` clock (tests). */
  now?: () => Date;
  /** Test seams of the writer (src/ingest/graph.writer.ts). */
  writerHooks?: WriterHooks;
}

export interface IngestFilesOptions {
  inputFormat?: InputFormat;
  /** Stream for the `-` source (default process.stdin). */
  stdin?: Readable;
  onReject?: (reject: RejectRecord) => void;
  /** Called after each committed batch. */
  onProgress?: (progress: IngestProgress) => void;
}

/** PwC dumps are read in this order, so links, methods and datasets find the papers already there. */
const PWC_ORDER: Record<PwcDumpKind, number> = {
  papers: 0,
  links: 1,
  methods: 2,
  datasets: 3,
  evaluations: 4,
};
const PWC_AUX_BATCH = 1_000;

/** Papers per write transaction unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 500;

/** Batches written at once unless told otherwise. */
export const DEFAULT_WRITE_CONCURRENCY = 1;

interface AuxRecord {
  record: PwcRecord;
  file: string;
  line: number;
}

type Outcome = (item: IngestItem, status: PaperIngestStatus, reason?: string) => void;

interface Prepared {
  ready: { item: IngestItem; prepared: PreparedPaper }[];
  skipped: IngestItem[];
  failed: { item: IngestItem; reason: string }[];
}

/** Counters of one run. */
class RunState {
  papers = 0;
  skipped = 0;
  rejected = 0;
  relationships = 0;
  pwcRecords = 0;
  readonly entityIds = new Set<string>();
  readonly started = performance.now();

  constructor(
    readonly onReject: (r: RejectRecord) => void,
    readonly onProgress: (p: IngestProgress) => void,
  ) {}

  reject(r: RejectRecord): void {
    this.rejected++;
    this.onReject(r);
  }

  summary(): IngestSummary {
    return {
      papers: this.papers,
      rejected: this.rejected,
      skipped: this.skipped,
      entities: this.entityIds.size,
      relationships: this.relationships,
      pwcRecords: this.pwcRecords,
      durationMs: Math.round(performance.now() - this.started),
    };
  }
}

export class IngestService {
  private readonly writer: GraphWriter;
  private pool?: ExtractionPool;
  private readonly ownsPool: boolean;
  private readonly version: string;

  constructor(
    executor: Executor,
    private readonly options: IngestServiceOptions = {},
  ) {
    this.writer = new GraphWriter(executor, options.retry, options.writerHooks);
    this.pool = options.pool;
    this.ownsPool = !options.pool;
    this.version = options.extractorVersion ?? EXTRACTOR_VERSION;
  }

  /** Ingests files (or `-` for stdin) in any input format. Throws DATABASE_UNAVAILABLE when Neo4j stays away. */
  async ingestFiles(sources: string[], options: IngestFilesOptions = {}): Promise<IngestSummary> {
    const run = new RunState(options.onReject ?? (() => undefined), options.onProgress ?? (() => undefined));
    const ordered = sources
      .map((source, index) => ({ source, index, pwc: this.pwcKind(source, options.inputFormat) }))
      .sort(
        (a, b) =>
          (a.pwc && b.pwc ? PWC_ORDER[a.pwc.kind ?? 'papers'] - PWC_ORDER[b.pwc.kind ?? 'papers'] : 0) ||
          a.index - b.index,
      );
    try {
      for (const { source, pwc } of ordered) {
        const items = pwc ? this.pwcItems(source, pwc.kind, run) : this.paperItems(source, options);
        await this.runPipeline(items, run, () => undefined);
      }
    } catch (error) {
      throw fatal(error, run);
    }
    return run.summary();
  }

  /**
   * Ingests raw JSON records (the GraphQL mutation): each is validated like a `json` record, then
   * extracted and written like a file record. Returns one result per record, in input order.
   */
  async ingestRecords(raws: unknown[]): Promise<PaperIngestResult[]> {
    const results: PaperIngestResult[] = raws.map((_, index) => ({
      index,
      status: 'rejected',
      reason: 'not processed',
    }));
    const run = new RunState(
      (r) => {
        results[r.line - 1] = { index: r.line - 1, status: 'rejected', reason: r.reason };
      },
      () => undefined,
    );
    async function* items(): AsyncIterable<IngestItem | RejectRecord> {
      for (let i = 0; i < raws.length; i++) {
        const mapped = toPaperInput(raws[i]);
        if (isMapFailure(mapped)) yield { file: '<input>', line: i + 1, reason: mapped.reason };
        else yield { paper: mapped, file: '<input>', line: i + 1 };
      }
    }
    try {
      await this.runPipeline(items(), run, (item, status, reason) => {
        results[item.line - 1] = {
          index: item.line - 1,
          id: item.paper.id,
          status,
          ...(reason ? { reason } : {}),
        };
      });
    } catch (error) {
      throw fatal(error, run);
    }
    return results;
  }

  /** Ends the extraction workers (when the service created them). */
  async close(): Promise<void> {
    if (this.ownsPool && this.pool) await this.pool.close();
    if (this.ownsPool) this.pool = undefined;
  }

  private getPool(): ExtractionPool {
    this.pool ??= createExtractionPool({
      threads: this.options.threads,
      workerFile: this.options.workerFile,
    });
    return this.pool;
  }

  private pwcKind(source: string, format: InputFormat | undefined): { kind?: PwcDumpKind } | undefined {
    if (source === '-') return undefined;
    const kind = pwcKindOfFile(source);
    if (format === 'pwc') return { kind };
    if (format === undefined && kind) return { kind };
    return undefined;
  }

  private async *paperItems(
    source: string,
    options: IngestFilesOptions,
  ): AsyncIterable<IngestItem | RejectRecord> {
    for await (const r of readPapers([source], { inputFormat: options.inputFormat, stdin: options.stdin })) {
      if (r.ok) yield { paper: r.paper, file: r.file, line: r.line };
      else yield { file: r.file, line: r.line, reason: r.reason };
    }
  }

  /** Papers of a PwC papers dump go through the pipeline; links / methods / datasets are written here in batches. */
  private async *pwcItems(
    source: string,
    kind: PwcDumpKind | undefined,
    run: RunState,
  ): AsyncIterable<IngestItem | RejectRecord> {
    let aux: AuxRecord[] = [];
    for await (const r of readPwcFile(source, kind)) {
      if (!r.ok) yield { file: r.file, line: r.line, reason: r.reason };
      else if (r.record.kind === 'paper')
        yield { paper: r.record.paper, pwc: r.record.extras, file: r.file, line: r.line };
      else {
        aux.push({ record: r.record, file: r.file, line: r.line });
        if (aux.length >= PWC_AUX_BATCH) {
          await this.writePwcAux(aux, run);
          aux = [];
        }
      }
    }
    if (aux.length > 0) await this.writePwcAux(aux, run);
  }

  private async writePwcAux(aux: AuxRecord[], run: RunState): Promise<void> {
    const records = aux.map((a) => a.record);
    const refs = records.flatMap((r) =>
      r.kind === 'link'
        ? [r.paper]
        : r.kind === 'result'
          ? [r.paper]
          : r.kind === 'method' || r.kind === 'dataset'
            ? r.introducedIn
              ? [r.introducedIn]
              : []
            : [],
    );
    const byUrl = await this.writer.paperIdsByPwcUrl([
      ...new Set(refs.filter((p) => !p.arxivId && p.pwcUrl).map((p) => p.pwcUrl as string)),
    ]);
    const paperIdOf = (ref: PwcPaperRef): string | undefined =>
      (ref.arxivId ? arxivIdOf(ref.arxivId) : undefined) ??
      (ref.pwcUrl ? byUrl.get(ref.pwcUrl) : undefined) ??
      (ref.title ? titleHashId(ref.title) : undefined);
    const b = new BatchBuilder(this.now());
    const stub = (ref: PwcPaperRef): string | undefined => {
      const id = paperIdOf(ref);
      if (!id) return undefined;
      b.addPaperStub({
        id,
        title: ref.title ?? null,
        pwcUrl: ref.pwcUrl ?? null,
        arxivId: ref.arxivId ?? null,
        url: ref.url ?? (ref.arxivId ? `https://arxiv.org/abs/${ref.arxivId}` : null),
      });
      return id;
    };
    let written = 0;
    for (const { record: r, file, line } of aux) {
      written++;
      if (r.kind === 'link') {
        const repo = repoRowOf(r.repoUrl);
        if (!repo) {
          written--;
          run.reject({
            file,
            line,
            reason: `repo_url "${r.repoUrl}" is not a code repository URL (github.com, gitlab.com, bitbucket.org, codeberg.org)`,
          });
          continue;
        }
        const paperId = stub(r.paper);
        if (!paperId) continue;
        b.addPwcCode(paperId, { ...repo, stars: r.stars ?? null, framework: r.framework ?? null }, r.dump, r);
      } else if (r.kind === 'method') {
        const id = b.addPwcMethod(r.method);
        const paperId = r.introducedIn ? stub(r.introducedIn) : undefined;
        if (paperId) b.addPwcIntroduces('INTRODUCES_METHOD', paperId, id, r.dump);
      } else if (r.kind === 'dataset') {
        const id = b.addPwcDataset(r.dataset);
        const paperId = r.introducedIn ? stub(r.introducedIn) : undefined;
        if (paperId) b.addPwcIntroduces('INTRODUCES_DATASET', paperId, id, r.dump);
      } else if (r.kind === 'result') {
        const paperId = stub(r.paper);
        if (!paperId) {
          written--;
          run.reject({
            file,
            line,
            reason: `leaderboard row "${r.model}" (${r.dataset}, ${r.metric}): paper ${r.paper.pwcUrl ?? ''} is not in the graph and the row has no title or arXiv id to create it from`,
          });
          continue;
        }
        b.addPwcResult({ ...r, paperId });
      }
    }
    await this.writer.write(b.build());
    for (const id of b.entityIds()) run.entityIds.add(id);
    run.relationships += b.relationshipCount();
    run.pwcRecords += written;
    const last = aux[aux.length - 1];
    run.onProgress({
      papers: run.papers,
      skipped: run.skipped,
      rejected: run.rejected,
      file: last.file,
      line: last.line,
    });
  }

  /**
   * The pipeline: batches of `batchSize` items are prepared (state read, extraction) while earlier
   * ones are written; writes start in input order, up to `writeConcurrency` at once (GraphWriter
   * keeps the shared nodes in input order). On a failure the writes under way are let finish,
   * then the first error is thrown.
   */
  private async runPipeline(
    source: AsyncIterable<IngestItem | RejectRecord>,
    run: RunState,
    outcome: Outcome,
  ): Promise<void> {
    const batchSize = Math.max(1, this.options.batchSize ?? DEFAULT_BATCH_SIZE);
    const maxInFlight = Math.max(1, this.options.maxBatchesInFlight ?? 2);
    const maxWrites = Math.max(1, this.options.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY);
    const inFlight: Promise<Prepared>[] = [];
    const writes = new Set<Promise<void>>();
    let chunk: IngestItem[] = [];

    const launch = (): void => {
      const p = this.prepare(chunk);
      p.catch(() => undefined); // observed when drained; avoid an unhandled rejection meanwhile
      inFlight.push(p);
      chunk = [];
    };
    let failed: { error: unknown } | undefined;
    /** Waits until at most `limit` writes are under way; throws the first write failure. */
    const waitForWrites = async (limit: number): Promise<void> => {
      while (writes.size > limit && !failed) await Promise.race(writes);
      if (failed) throw failed.error;
    };
    const drainOne = async (): Promise<void> => {
      const prepared = await (inFlight.shift() as Promise<Prepared>);
      await waitForWrites(maxWrites - 1);
      const write: Promise<void> = this.commit(prepared, run, outcome)
        .catch((error: unknown) => {
          failed ??= { error };
        })
        .finally(() => writes.delete(write));
      writes.add(write);
    };

    try {
      for await (const r of source) {
        if (!('paper' in r)) {
          run.reject(r);
          continue;
        }
        chunk.push(r);
        if (chunk.length >= batchSize) {
          launch();
          while (inFlight.length >= maxInFlight) await drainOne();
        }
      }
      if (chunk.length > 0) launch();
      while (inFlight.length > 0) await drainOne();
      await waitForWrites(0);
    } catch (error) {
      await Promise.allSettled([...writes, ...inFlight]);
      throw error;
    }
  }

  /** Skips unchanged papers (one read) and extracts the rest. */
  private async prepare(items: IngestItem[]): Promise<Prepared> {
    // A paper repeated within a batch: the last occurrence is the one written.
    const last = new Map<string, IngestItem>();
    for (const item of items) last.set(item.paper.id, item);
    const skipped = items.filter((item) => last.get(item.paper.id) !== item);
    const unique = [...last.values()];
    const hashes = new Map(unique.map((item) => [item, contentHashOf(item.paper, item.pwc)]));
    const states = this.options.force
      ? new Map()
      : await this.writer.paperStates(unique.map((i) => i.paper.id));
    const todo: IngestItem[] = [];
    for (const item of unique) {
      const state = states.get(item.paper.id);
      if (state && state.contentHash === hashes.get(item) && state.extractorVersion === this.version)
        skipped.push(item);
      else todo.push(item);
    }
    const pool = this.getPool();
    const extracted = await Promise.all(
      todo.map((item) =>
        pool.extract(item.paper).then(
          (record: ExtractionRecord) => ({ item, record }),
          (error: Error) => ({ item, error }),
        ),
      ),
    );
    const out: Prepared = { ready: [], skipped, failed: [] };
    for (const e of extracted) {
      if ('error' in e)
        out.failed.push({ item: e.item, reason: `extraction failed: ${e.error.message.split('\n')[0]}` });
      else
        out.ready.push({
          item: e.item,
          prepared: {
            paper: e.item.paper,
            record: e.record,
            contentHash: hashes.get(e.item) as string,
            pwc: e.item.pwc,
          },
        });
    }
    return out;
  }

  private async commit(prepared: Prepared, run: RunState, outcome: Outcome): Promise<void> {
    const builder = new BatchBuilder(this.now());
    for (const { prepared: p } of prepared.ready) builder.addPaper(p);
    if (prepared.ready.length > 0) await this.writer.write(builder.build());
    run.papers += prepared.ready.length;
    run.skipped += prepared.skipped.length;
    run.relationships += builder.relationshipCount();
    for (const id of builder.entityIds()) run.entityIds.add(id);
    for (const { item } of prepared.ready) outcome(item, 'ingested');
    for (const item of prepared.skipped) outcome(item, 'skipped');
    for (const { item, reason } of prepared.failed) {
      run.reject({ file: item.file, line: item.line, reason });
      outcome(item, 'rejected', reason);
    }
    const all = [
      ...prepared.ready.map((r) => r.item),
      ...prepared.skipped,
      ...prepared.failed.map((f) => f.item),
    ];
    const lastItem = all.reduce<IngestItem | undefined>((a, b) => (!a || b.line > a.line ? b : a), undefined);
    run.onProgress({
      papers: run.papers,
      skipped: run.skipped,
      rejected: run.rejected,
      file: lastItem?.file,
      line: lastItem?.line,
    });
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}

/** A database that stayed away through the retries becomes one clear fatal error. */
function fatal(error: unknown, run: RunState): unknown {
  if (!isRetryable(error)) return error;
  return new AppError(
    error.code,
    `${error.message} Gave up after retrying. ${run.papers} papers were committed in this run and stay; run the same command again to complete the graph (unchanged papers are skipped).`,
    { cause: error },
  );
}
