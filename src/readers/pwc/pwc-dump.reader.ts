// Streams one Papers with Code dump (a large JSON array, optionally gzip-compressed) element by
// element with stream-json, mapping each to a PwcRecord; a bad element is reported and skipped.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { mapEvaluationTask } from './pwc-evaluation.mapper';
import { mapPwcRecord, pwcKindOfFile, pwcKindOfRecord } from './pwc-record.mapper';
import type { PwcDumpKind, PwcReadResult } from './pwc.types';

/** Opens a dump file (gunzipping `.gz`). */
export function openDump(file: string): Readable {
  const raw = createReadStream(file);
  if (!file.toLowerCase().endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

function dumpName(file: string): string {
  return 'pwc:' + (file.replace(/\\/g, '/').split('/').pop() ?? file).replace(/\.gz$/i, '');
}

/**
 * Reads a dump from `input`. The kind comes from `kind`, else the file name, else the first
 * element's fields. `line` is the line where the element ends.
 */
export async function* readPwcDump(
  input: Readable,
  file: string,
  kind?: PwcDumpKind,
): AsyncIterable<PwcReadResult> {
  let line = 1;
  input.on('data', (chunk: Buffer | string) => {
    const s = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) line++;
  });
  const pipeline = input.pipe(parser()).pipe(streamArray());
  input.on('error', (e) => pipeline.destroy(e));
  let dumpKind = kind ?? pwcKindOfFile(file);
  const dump = dumpName(file);
  let index = 0;
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      index = item.key + 1;
      dumpKind ??= pwcKindOfRecord(item.value);
      if (!dumpKind) {
        yield {
          ok: false,
          file,
          line,
          reason: `array element ${index}: not a Papers with Code dump record (unknown fields)`,
        };
        continue;
      }
      if (dumpKind === 'evaluations') {
        // one task record holds many leaderboard rows: each is a record, a bad part a reject with its path
        for (const r of mapEvaluationTask(item.value, `$[${item.key}]`, dump)) {
          if (r.ok) yield { ok: true, record: r.record, file, line };
          else yield { ok: false, file, line, reason: `array element ${index}: ${r.path}: ${r.reason}` };
        }
        continue;
      }
      const mapped = mapPwcRecord(dumpKind, item.value, dump);
      if ('reason' in mapped)
        yield { ok: false, file, line, reason: `array element ${index}: ${mapped.reason}` };
      else yield { ok: true, record: mapped, file, line };
    }
  } catch (e) {
    yield {
      ok: false,
      file,
      line,
      reason: `invalid JSON array after element ${index}: ${(e as Error).message} (rest of file skipped)`,
    };
  } finally {
    input.destroy();
  }
}

/** Reads a dump file by path. */
export function readPwcFile(file: string, kind?: PwcDumpKind): AsyncIterable<PwcReadResult> {
  return readPwcDump(openDump(file), file, kind);
}
