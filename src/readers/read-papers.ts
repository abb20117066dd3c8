// Reads papers from files (or `-` for stdin) in any contract input format, streaming, and yields
// one ReadResult per record: a PaperInput, or the file, line and reason of a record that cannot be
// read (the rest go on). Formats are auto-detected unless forced; readers live in a registry.
import { createReadStream, existsSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { getFormatReader, registerFormatReader, registeredFormats } from './format-registry';
import { readJsonArray } from './json-array.reader';
import { readJsonl } from './jsonl.reader';
import { readPage } from './page.reader';
import type { InputFormat, ReadResult } from './read-result.types';

export type { ReadResult, InputFormat, FormatReader } from './read-result.types';
export { toPaperInput, isMapFailure, paperIdFor } from './paper-input.mapper';
export { registerFormatReader } from './format-registry';

export interface ReadPapersOptions {
  /** Forces a format instead of auto-detection. */
  inputFormat?: InputFormat;
  /** Stream used for `-` (default process.stdin); for tests. */
  stdin?: Readable;
}

registerFormatReader({ format: 'page', read: readPage });
registerFormatReader({ format: 'jsonl', read: readJsonl });
registerFormatReader({ format: 'json', read: readJsonArray });

let pwcLoaded = false;
/** The Papers with Code readers live in ./pwc (owned by ingest); loaded lazily, they self-register. */
function loadPwcReaders(): void {
  if (pwcLoaded) return;
  pwcLoaded = true;
  const dir = path.join(__dirname, 'pwc');
  if (!existsSync(path.join(dir, 'index.js')) && !existsSync(path.join(dir, 'index.ts'))) return;
  // Optional module, resolved at run time (a plain require: the path is computed).
  require(dir);
}

const SNIFF_BYTES = 65_536;

/**
 * The first bytes of `stream` (up to SNIFF_BYTES) for format detection, and a stream that yields
 * the whole input again (head + rest), still streaming.
 */
async function peek(stream: Readable): Promise<{ head: Buffer; rest: Readable }> {
  const it = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    chunks.push(b);
    size += b.length;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}

/** Auto-detection from the first bytes and the file name. */
export function detectFormat(head: string, file: string): string {
  for (const r of registeredFormats()) if (r.detect?.(head, file)) return r.format;
  const lower = file.toLowerCase().replace(/\.gz$/, '');
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) return 'jsonl';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  return 'page';
}

function open(source: string, stdin: Readable | undefined): { stream: Readable; file: string } {
  if (source === '-') return { stream: stdin ?? process.stdin, file: '<stdin>' };
  const raw = createReadStream(source);
  if (source.toLowerCase().endsWith('.gz')) {
    const gunzip = createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    return { stream: raw.pipe(gunzip), file: source };
  }
  return { stream: raw, file: source };
}

/**
 * Reads every source in order. A source that cannot be opened yields one failed ReadResult
 * (line 0) and reading goes on with the next source.
 */
export async function* readPapers(
  sources: string[],
  options: ReadPapersOptions = {},
): AsyncIterable<ReadResult> {
  if (options.inputFormat === 'pwc' || sources.length > 0) loadPwcReaders();
  for (const source of sources) {
    const opened = open(source, options.stdin);
    const file = opened.file;
    let format: string;
    let stream: Readable;
    try {
      const { head, rest } = await peek(opened.stream);
      stream = rest;
      format = options.inputFormat ?? detectFormat(head.toString('utf8'), file);
    } catch (e) {
      opened.stream.destroy();
      yield { ok: false, file, line: 0, reason: `cannot read: ${(e as Error).message}` };
      continue;
    }
    const reader = getFormatReader(format);
    if (!reader) {
      stream.destroy();
      yield { ok: false, file, line: 0, reason: `no reader for input format "${format}"` };
      continue;
    }
    try {
      yield* reader.read(stream, file);
    } catch (e) {
      yield { ok: false, file, line: 0, reason: `read failed: ${(e as Error).message}` };
    } finally {
      stream.destroy();
    }
  }
}
