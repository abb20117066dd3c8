// `papergraph export`: streams the whole graph as export records (export.types.ts) to a sink, one
// page of nodes at a time (keyset paging by id), so memory stays flat whatever the graph's size.
// One snapshot: the graph version (bumped by every write path in the transaction that writes) is
// read before the first page and after the last; when it changed, a write committed while the pages
// were read and the records may mix two states, so the export fails with GraphChangedError before
// its end record (the caller discards the file and reads again: exportSnapshot below). A single read
// transaction would not do: Neo4j reads at READ COMMITTED, each read seeing the latest commits.
// Order: header, papers, the other domain nodes, relationships (by start node), curation log and
// bookkeeping, end. Every node comes before every relationship, so an import can write each
// relationship as soon as it reads it.
import type { Executor, Row } from '../db/executor';
import { readGraphVersion, type GraphVersion } from '../db/graph-version';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { COUNT_RELS, countNodes, curationPage, DISTINCT_SOURCES, nodePage, relPage } from './export.queries';
import {
  CURATION_LABELS,
  DOMAIN_LABELS,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  PAPER_INPUT_FIELDS,
  type DomainLabel,
  type ExportRecord,
  type HeaderRecord,
  type Props,
  type PropTypes,
} from './export.types';
import { licencesOf } from './licences';

export interface ExportProgress {
  records: number;
  /** Records the export expects in all (from the header's counts). */
  total: number;
  /** What is being written: `Paper`, `rel:Paper`, `curation:__AuditEntry`, ... */
  section: string;
}

export interface ExportOptions {
  /** Nodes per page (default 500). */
  pageSize?: number;
  papergraphVersion?: string;
  now?: () => Date;
  onProgress?: (p: ExportProgress) => void;
  /** A test seam: awaited after each section (`Paper`, ..., `rel:Paper`, ..., `curation:...`) is read. */
  afterSection?: (section: string) => void | Promise<void>;
}

/** The graph changed while an export read it (a write committed between its first and last read). */
export class GraphChangedError extends Error {
  constructor(
    readonly before: GraphVersion,
    readonly after: GraphVersion,
  ) {
    super(`the graph changed while it was exported (version ${before} -> ${after})`);
  }
}

/** Where records go; `write` resolves once the sink can take more (backpressure). */
export type RecordSink = (record: ExportRecord) => Promise<void>;

/** One attempt's output (a temporary file): kept when the attempt read one snapshot, else discarded. */
export interface SnapshotTarget {
  sink: RecordSink;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface SnapshotOptions extends ExportOptions {
  /** Attempts before giving up while writes keep changing the graph (default 3). */
  attempts?: number;
}

export interface ExportSummary {
  records: number;
  /** The graph version every record was read at. */
  graphVersion: GraphVersion;
  counts: Record<string, number>;
  durationMs: number;
}

const READ_TIMEOUT_MS = 120_000;

export class GraphExporter {
  constructor(private readonly executor: Executor) {}

  async export(sink: RecordSink, options: ExportOptions = {}): Promise<ExportSummary> {
    const started = performance.now();
    const limit = Math.max(1, options.pageSize ?? 500);
    const before = await readGraphVersion(this.executor, READ_TIMEOUT_MS);
    const header = await this.header(options, before);
    const total = Object.values(header.counts).reduce((a, b) => a + b, 0) + 2;
    const counts: Record<string, number> = {};
    let records = 0;
    let section = 'header';
    const emit = async (record: ExportRecord, key: string): Promise<void> => {
      await sink(record);
      records += 1;
      counts[key] = (counts[key] ?? 0) + 1;
      if (records % 1000 === 0) options.onProgress?.({ records, total, section });
    };
    await emit(header, 'header');

    for (const label of DOMAIN_LABELS) {
      section = label;
      await this.pages(nodePage(label), limit, async (row) => {
        const { props, types } = typedProps(row, `${label} ${String(row.id)}`);
        await emit(
          label === 'Paper' ? paperRecord(props, types) : withTypes({ kind: 'node', label, props }, types),
          label,
        );
      });
      await options.afterSection?.(section);
    }
    for (const label of DOMAIN_LABELS) {
      section = `rel:${label}`;
      await this.pages(relPage(label), limit, async (row) => {
        if (row.type === null || row.to === null || row.toLabel === null) return;
        const { props, types } = typedProps(
          row,
          `${String(row.type)} ${String(row.from)} -> ${String(row.to)}`,
        );
        await emit(
          withTypes(
            {
              kind: 'rel',
              type: String(row.type),
              from: String(row.from),
              fromLabel: label,
              to: String(row.to),
              toLabel: String(row.toLabel) as DomainLabel,
              props,
            },
            types,
          ),
          'relationships',
        );
      });
      await options.afterSection?.(section);
    }
    for (const label of Object.keys(CURATION_LABELS)) {
      section = `curation:${label}`;
      for (let skip = 0; ; skip += limit) {
        const rows = await this.read(curationPage(label), { skip, limit });
        for (const row of rows) {
          const { props, types } = typedProps(row, label);
          await emit(withTypes({ kind: 'curation', label, props }, types), label);
        }
        if (rows.length < limit) break;
      }
      await options.afterSection?.(section);
    }
    // every record read: the end record only when no write committed since the first read
    const after = await readGraphVersion(this.executor, READ_TIMEOUT_MS);
    if (after !== before) throw new GraphChangedError(before, after);
    section = 'end';
    await sink({ kind: 'end', records: records + 1 });
    records += 1;
    return { records, graphVersion: before, counts, durationMs: Math.round(performance.now() - started) };
  }

  /**
   * An export that is one snapshot of the graph: each attempt writes to a fresh target, kept only
   * when no write committed while it was read (export()); otherwise the target is discarded and the
   * graph read again, up to `attempts` times, then GRAPH_CHANGED.
   */
  async exportSnapshot(
    open: () => SnapshotTarget,
    options: SnapshotOptions = {},
  ): Promise<ExportSummary & { attempts: number }> {
    const attempts = Math.max(1, options.attempts ?? 3);
    let last: GraphChangedError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const target = open();
      let kept = false;
      try {
        const summary = await this.export(target.sink, options);
        await target.commit();
        kept = true;
        return { ...summary, attempts: attempt };
      } catch (error) {
        if (!(error instanceof GraphChangedError)) throw error;
        last = error;
      } finally {
        if (!kept) await target.discard();
      }
    }
    throw new AppError(
      ErrorCode.GRAPH_CHANGED,
      `export: the graph changed while it was read, ${attempts} time(s) in a row (last: version ${last?.before} -> ${last?.after}); nothing was written. Writers (ingest, curation, import) were busy: retry, or pause them for the export (docs/OPERATIONS.md "Backup").`,
      { cause: last },
    );
  }

  private async header(options: ExportOptions, graphVersion: GraphVersion): Promise<HeaderRecord> {
    const counts: Record<string, number> = {};
    for (const label of [...DOMAIN_LABELS, ...Object.keys(CURATION_LABELS)]) {
      const [row] = await this.read(countNodes(label), {});
      counts[label] = Number(row?.n ?? 0);
    }
    const [rels] = await this.read(COUNT_RELS, {});
    counts.relationships = Number(rels?.n ?? 0);
    const [sources] = await this.read(DISTINCT_SOURCES, {});
    const present = new Set(((sources?.sources as string[] | null) ?? []).map(String));
    if (Object.keys(CURATION_LABELS).some((label) => counts[label] > 0)) present.add('curated');
    return {
      kind: 'header',
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: (options.now?.() ?? new Date()).toISOString(),
      papergraph: options.papergraphVersion ?? '0.0.0',
      counts,
      graphVersion,
      sources: licencesOf([...present].sort()),
    };
  }

  /** Runs a keyset-paged statement (`$after` = the last `id` / `from` seen) until a short page. */
  private async pages(cypher: string, limit: number, each: (row: Row) => Promise<void>): Promise<void> {
    let after = '';
    for (;;) {
      const rows = await this.read(cypher, { after, limit, domainLabels: DOMAIN_LABELS });
      const keys = new Set<string>();
      for (const row of rows) {
        await each(row);
        keys.add(String(row.id ?? row.from));
      }
      // the rows come in Cypher's id order: the last one is where the next page starts
      if (rows.length > 0) after = String(rows[rows.length - 1].id ?? rows[rows.length - 1].from);
      if (keys.size < limit) return;
    }
  }

  private read(cypher: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.executor.read(cypher, params, { operation: 'export.read', timeoutMs: READ_TIMEOUT_MS });
  }
}

/** The row's properties with the names of its integer-typed ones; an unsupported type is an error. */
function typedProps(row: Row, what: string): { props: Props; types: PropTypes } {
  const odd = (row.odd as string[] | null) ?? [];
  if (odd.length > 0)
    throw new AppError(
      ErrorCode.INTERNAL_SERVER_ERROR,
      `export: ${what.slice(0, 200)} has properties of a type the export format does not carry (${odd.join(', ')}).`,
    );
  const types: PropTypes = {};
  for (const k of (row.ints as string[] | null) ?? []) types[k] = 'INTEGER';
  for (const k of (row.intLists as string[] | null) ?? []) types[k] = 'LIST<INTEGER>';
  // keys in order, so exporting an imported graph again gives the same bytes
  const raw = (row.props ?? {}) as Props;
  const props: Props = {};
  for (const k of Object.keys(raw).sort()) props[k] = raw[k];
  return { props, types };
}

function withTypes<T extends object>(record: T, types: PropTypes): T & { types?: PropTypes } {
  return Object.keys(types).length > 0 ? { ...record, types } : record;
}

/** A paper node as its input record (the fields ingest reads) plus the rest of its properties. */
function paperRecord(all: Props, types: PropTypes): ExportRecord {
  const input: Props = {};
  const props: Props = {};
  const fields = PAPER_INPUT_FIELDS as readonly string[];
  for (const [k, v] of Object.entries(all)) {
    if (fields.includes(k) && !types[k]) input[k] = v;
    else props[k] = v;
  }
  return withTypes({ kind: 'paper', input, props }, types);
}
