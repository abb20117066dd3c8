// Streams one Papers with Code dump (a large JSON array, optionally gzip-compressed) element by
// element (readJsonArrayElements), mapping each to a PwcRecord; a bad element is reported and skipped.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { readJsonArrayElements } from '../json-array-elements';
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
 * element's fields. `line` is the line the element starts on; for a leaderboard row of
 * `evaluation-tables.json` (many rows to an element), the line of the row, and for a reject the
 * line of the value its JSON path names (of its nearest existing ancestor for a missing field).
 */
export async function* readPwcDump(
  input: Readable,
  file: string,
  kind?: PwcDumpKind,
): AsyncIterable<PwcReadResult> {
  const stream = readJsonArrayElements(input);
  let dumpKind = kind ?? pwcKindOfFile(file);
  const dump = dumpName(file);
  let index = 0;
  for await (const item of stream.elements) {
    index = item.key + 1;
    const line = item.line;
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
        const at = item.lineOf(r.path);
        if (r.ok) yield { ok: true, record: r.record, file, line: at };
        else yield { ok: false, file, line: at, reason: `array element ${index}: ${r.path}: ${r.reason}` };
      }
      continue;
    }
    const mapped = mapPwcRecord(dumpKind, item.value, dump);
    if ('reason' in mapped)
      yield { ok: false, file, line, reason: `array element ${index}: ${mapped.reason}` };
    else yield { ok: true, record: mapped, file, line };
  }
  const failure = stream.failure();
  if (failure) {
    yield {
      ok: false,
      file,
      line: stream.line(),
      reason: `invalid JSON array after element ${index}: ${failure.message} (rest of file skipped)`,
    };
  }
}

/** Reads a dump file by path. */
export function readPwcFile(file: string, kind?: PwcDumpKind): AsyncIterable<PwcReadResult> {
  return readPwcDump(openDump(file), file, kind);
}
