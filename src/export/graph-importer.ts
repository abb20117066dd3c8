// `papergraph import FILE`: rebuilds a graph from an export (export.types.ts) into an empty
// database, streaming: records are read line by line, checked, and written in batches (one
// transaction each: nodes, then relationships, then curation bookkeeping). A bad line - not JSON,
// an unknown kind, label or type, a relationship whose ends are missing - is rejected with its line
// number and reason; the lines around it still land. Properties are written exactly as exported
// (integers as integers), so export -> wipe -> import gives the same nodes, relationships and
// properties, and the curation log, redirects, retractions and removed aliases come back as they were.
import type { Executor, WriteTx } from '../db/executor';
import { bumpGraphVersion } from '../db/graph-version';
import { toNeo4jInteger } from '../db/values';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import {
  COUNT_EXISTING,
  importCuration,
  importNodes,
  importRels,
  OWNED_LABELS,
  WIPE_BATCH,
} from './export.queries';
import {
  CURATION_LABELS,
  DOMAIN_LABELS,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  PAPER_INPUT_FIELDS,
  REL_ENDPOINTS,
  type DomainLabel,
  type HeaderRecord,
  type JsonValue,
} from './export.types';
import { readLines } from './jsonl-file';

export interface ImportReject {
  file: string;
  line: number;
  reason: string;
}

export interface ImportProgress {
  records: number;
  /** Records the file's header announces (0 when unknown). */
  total: number;
  rejected: number;
}

export interface ImportOptions {
  /** Records per write transaction (default 1000). */
  batchSize?: number;
  /** Delete the graph's domain and curation nodes first (otherwise a non-empty graph is refused). */
  wipe?: boolean;
  onReject?: (r: ImportReject) => void;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportSummary {
  nodes: number;
  relationships: number;
  curation: number;
  rejected: number;
  /** Nodes deleted by `wipe` before the import. */
  wiped: number;
  durationMs: number;
}

type Row = { line: number; props: Record<string, unknown> };
type RelRow = Row & { from: string; to: string };

/** One batch: rows per statement, in the order they are written. */
class Batch {
  size = 0;
  readonly nodes = new Map<DomainLabel, Row[]>();
  readonly rels = new Map<string, { type: string; from: DomainLabel; to: DomainLabel; rows: RelRow[] }>();
  readonly curation = new Map<string, Row[]>();

  addNode(label: DomainLabel, row: Row): void {
    push(this.nodes, label, row);
    this.size++;
  }
  addRel(type: string, from: DomainLabel, to: DomainLabel, row: RelRow): void {
    const key = `${type}\u0000${from}\u0000${to}`;
    let group = this.rels.get(key);
    if (!group) this.rels.set(key, (group = { type, from, to, rows: [] }));
    group.rows.push(row);
    this.size++;
  }
  addCuration(label: string, row: Row): void {
    push(this.curation, label, row);
    this.size++;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class Rejected extends Error {}

const WRITE_TIMEOUT_MS = 300_000;

export class GraphImporter {
  constructor(private readonly executor: Executor) {}

  async import(file: string, options: ImportOptions = {}): Promise<ImportSummary> {
    const started = performance.now();
    const name = file === '-' ? '<stdin>' : file;
    const batchSize = Math.max(1, options.batchSize ?? 1000);
    const summary: ImportSummary = {
      nodes: 0,
      relationships: 0,
      curation: 0,
      rejected: 0,
      wiped: 0,
      durationMs: 0,
    };
    const reject = (line: number, reason: string) => {
      summary.rejected++;
      options.onReject?.({ file: name, line, reason });
    };
    summary.wiped = options.wipe ? await this.wipe() : 0;
    await this.requireEmpty();

    let header: HeaderRecord | undefined;
    let total = 0;
    let records = 0;
    let ended = false;
    let lastLine = 0;
    let batch = new Batch();
    const flush = async () => {
      if (batch.size === 0) return;
      const written = batch;
      batch = new Batch();
      const result = await this.write(written);
      summary.nodes += result.nodes;
      summary.relationships += result.relationships;
      summary.curation += result.curation;
      for (const r of result.rejects) reject(r.line, r.reason);
      options.onProgress?.({ records, total, rejected: summary.rejected });
    };

    for await (const { line, text } of readLines(file)) {
      lastLine = line;
      if (text.trim().length === 0) continue;
      records++;
      let record: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Rejected('expected a JSON object with a "kind"');
        record = parsed as Record<string, unknown>;
      } catch (error) {
        if (!header) throw notAnExport(name, line, (error as Error).message);
        reject(
          line,
          error instanceof Rejected ? error.message : `not valid JSON: ${(error as Error).message}`,
        );
        continue;
      }
      if (!header) {
        header = checkHeader(record, name, line);
        total = Object.values(header.counts ?? {}).reduce((a, b) => a + (Number(b) || 0), 0) + 2;
        continue;
      }
      if (ended) {
        reject(line, 'a record after the end record');
        continue;
      }
      try {
        if (record.kind === 'end') {
          ended = true;
          const expected = Number(record.records);
          if (expected !== records)
            reject(line, `the end record counts ${expected} records, the file holds ${records}`);
          continue;
        }
        addRecord(batch, record, line);
      } catch (error) {
        if (!(error instanceof Rejected)) throw error;
        reject(line, error.message);
        continue;
      }
      if (batch.size >= batchSize) await flush();
    }
    await flush();
    if (!header) throw notAnExport(name, 1, 'the file is empty');
    if (!ended)
      reject(
        lastLine + 1,
        'the file ends without its end record: it is truncated (the records before this line were imported)',
      );
    summary.durationMs = Math.round(performance.now() - started);
    return summary;
  }

  /** Deletes domain and curation nodes in batches; returns how many. */
  private async wipe(): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = await this.executor.write(
        WIPE_BATCH,
        { labels: OWNED_LABELS, batch: 10_000 },
        { operation: 'import.wipe', timeoutMs: WRITE_TIMEOUT_MS },
      );
      const deleted = Number(row?.deleted ?? 0);
      total += deleted;
      if (deleted < 10_000) return total;
    }
  }

  private async requireEmpty(): Promise<void> {
    const [row] = await this.executor.read(
      COUNT_EXISTING,
      { labels: OWNED_LABELS },
      { operation: 'import.check' },
    );
    const n = Number(row?.n ?? 0);
    if (n > 0)
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `The graph already holds ${n} domain or curation nodes; import rebuilds a graph into an empty database. Import into an empty one, or pass --wipe to delete them first (the export is the backup).`,
      );
  }

  /** One transaction: the batch's nodes, then relationships (ends found by id), then curation. */
  private async write(batch: Batch): Promise<{
    nodes: number;
    relationships: number;
    curation: number;
    rejects: { line: number; reason: string }[];
  }> {
    return this.executor.writeTransaction(
      async (tx: WriteTx) => {
        const out = {
          nodes: 0,
          relationships: 0,
          curation: 0,
          rejects: [] as { line: number; reason: string }[],
        };
        for (const [label, rows] of batch.nodes) {
          await tx.run(importNodes(label), { rows });
          out.nodes += rows.length;
        }
        for (const { type, from, to, rows } of batch.rels.values()) {
          const written = new Set(
            (await tx.run(importRels(type, from, to), { rows })).map((r) => Number(r.line)),
          );
          out.relationships += written.size;
          for (const row of rows)
            if (!written.has(row.line))
              out.rejects.push({
                line: row.line,
                reason: `${type}: no ${from} "${row.from.slice(0, 120)}" or no ${to} "${row.to.slice(0, 120)}" (nodes must come before the relationships that join them)`,
              });
        }
        for (const [label, rows] of batch.curation) {
          await tx.run(importCuration(label), { rows });
          out.curation += rows.length;
        }
        await bumpGraphVersion(tx);
        out.rejects.sort((a, b) => a.line - b.line);
        return out;
      },
      { operation: 'import.write', timeoutMs: WRITE_TIMEOUT_MS },
    );
  }
}

function notAnExport(file: string, line: number, why: string): AppError {
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `${file}:${line}: not a Papergraph export (${why.slice(0, 200)}); the first line must be its header record {"kind":"header","format":"${EXPORT_FORMAT}",...}.`,
  );
}

function checkHeader(record: Record<string, unknown>, file: string, line: number): HeaderRecord {
  if (record.kind !== 'header' || record.format !== EXPORT_FORMAT)
    throw notAnExport(file, line, `its first record is ${JSON.stringify(record).slice(0, 80)}`);
  const version = Number(record.version);
  if (!Number.isInteger(version) || version < 1 || version > EXPORT_FORMAT_VERSION)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${file}:${line}: export format version ${String(record.version)}; this Papergraph reads versions 1-${EXPORT_FORMAT_VERSION} (upgrade Papergraph to import it).`,
    );
  return record as unknown as HeaderRecord;
}

/** Checks a record and adds it to the batch as statement rows; throws Rejected with the reason. */
function addRecord(batch: Batch, record: Record<string, unknown>, line: number): void {
  switch (record.kind) {
    case 'paper': {
      const input = object(record.input, 'input');
      const props = properties({ ...object(record.props, 'props'), ...input }, record.types);
      requireString(props.id, 'input.id');
      for (const k of PAPER_INPUT_FIELDS) if (k in input && input[k] === null) delete props[k];
      batch.addNode('Paper', { line, props });
      return;
    }
    case 'node': {
      const label = oneOf(record.label, DOMAIN_LABELS, 'label');
      const props = properties(object(record.props, 'props'), record.types);
      requireString(props.id, 'props.id');
      batch.addNode(label, { line, props });
      return;
    }
    case 'rel': {
      const type = oneOf(record.type, Object.keys(REL_ENDPOINTS), 'type');
      const from = oneOf(record.fromLabel, REL_ENDPOINTS[type].from, `fromLabel of ${type}`);
      const to = oneOf(record.toLabel, REL_ENDPOINTS[type].to, `toLabel of ${type}`);
      const props = properties(object(record.props, 'props'), record.types);
      batch.addRel(type, from, to, {
        line,
        from: requireString(record.from, 'from'),
        to: requireString(record.to, 'to'),
        props,
      });
      return;
    }
    case 'curation': {
      const label = oneOf(record.label, Object.keys(CURATION_LABELS), 'label');
      const props = properties(object(record.props, 'props'), record.types);
      for (const k of CURATION_LABELS[label])
        if (props[k] === undefined) throw new Rejected(`a ${label} record needs props.${k}`);
      batch.addCuration(label, { line, props });
      return;
    }
    case 'header':
      throw new Rejected('a second header record');
    default:
      throw new Rejected(
        `unknown record kind ${JSON.stringify(record.kind)?.slice(0, 60) ?? 'undefined'} (expected paper, node, rel, curation or end)`,
      );
  }
}

function object(value: unknown, what: string): Record<string, JsonValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Rejected(`"${what}" must be a JSON object`);
  return value as Record<string, JsonValue>;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new Rejected(`"${what}" must be a non-empty string`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new Rejected(
      `"${what}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)?.slice(0, 60) ?? 'nothing'}`,
    );
  return value as T;
}

/** Property values as Neo4j stores them: scalars or lists of scalars; integers as `types` names them. */
function properties(props: Record<string, JsonValue>, types: unknown): Record<string, unknown> {
  const typeMap = types === undefined ? {} : object(types, 'types');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null) continue;
    const type = typeMap[k];
    if (Array.isArray(v)) {
      if (v.some((x) => x === null || typeof x === 'object'))
        throw new Rejected(
          `property "${k.slice(0, 60)}": a list may hold only strings, numbers and booleans`,
        );
      out[k] = type === 'LIST<INTEGER>' ? v.map((x) => integer(x, k)) : v;
    } else if (typeof v === 'object') {
      throw new Rejected(`property "${k.slice(0, 60)}": a map is not a property value`);
    } else out[k] = type === 'INTEGER' ? integer(v, k) : v;
  }
  for (const [k, type] of Object.entries(typeMap))
    if (type !== 'INTEGER' && type !== 'LIST<INTEGER>')
      throw new Rejected(`types."${k.slice(0, 60)}" must be INTEGER or LIST<INTEGER>`);
  return out;
}

function integer(value: JsonValue, key: string): unknown {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Rejected(
      `property "${key.slice(0, 60)}" is typed INTEGER but holds ${JSON.stringify(value)?.slice(0, 40)}`,
    );
  return toNeo4jInteger(value);
}
