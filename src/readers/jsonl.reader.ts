// `jsonl` format: one JSON record per line, read with readline so a multi-GB file streams.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { isMapFailure, toPaperInput } from './paper-input.mapper';
import type { ReadResult } from './read-result.types';

/** Longest accepted line; longer lines are rejected without being parsed (memory stays bounded by readline). */
const MAX_LINE_CHARS = 2_000_000;

export async function* readJsonl(input: Readable, file: string): AsyncIterable<ReadResult> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const t = text.trim();
    if (t === '') continue;
    if (t.length > MAX_LINE_CHARS) {
      yield { ok: false, file, line, reason: `line too long (${t.length} characters)` };
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
    } catch (e) {
      yield { ok: false, file, line, reason: `invalid JSON: ${(e as Error).message}` };
      continue;
    }
    const mapped = toPaperInput(raw);
    if (isMapFailure(mapped)) yield { ok: false, file, line, reason: mapped.reason };
    else yield { ok: true, paper: mapped, file, line };
  }
}
