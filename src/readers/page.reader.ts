// `page` format: a trending-papers page saved as text - header lines, then blocks of a title line
// followed by an abstract line (blank lines between). Streams line by line.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { collapseWhitespace, isMapFailure, toPaperInput } from './paper-input.mapper';
import type { ReadResult } from './read-result.types';

const MAX_TITLE_CHARS = 400;

/** Abstract lines are long prose; titles and header lines ("Subscribe", "Mar 14") are short. */
function looksLikeAbstract(s: string): boolean {
  return s.length >= 200 || (s.length >= 100 && /[.!?)\]"']$/.test(s));
}

export async function* readPage(input: Readable, file: string): AsyncIterable<ReadResult> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let pending: { text: string; line: number } | undefined; // a title line waiting for its abstract
  let papers = 0;
  for await (const raw of lines) {
    line++;
    const text = collapseWhitespace(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    if (text === '') continue;
    if (pending && looksLikeAbstract(text)) {
      const mapped = toPaperInput({ title: pending.text, abstract: text });
      if (isMapFailure(mapped)) yield { ok: false, file, line: pending.line, reason: mapped.reason };
      else {
        papers++;
        yield { ok: true, paper: mapped, file, line: pending.line };
      }
      pending = undefined;
      continue;
    }
    // A previous title candidate without an abstract was a header line (before the first paper)
    // or a title whose abstract is missing (after it).
    if (pending && papers > 0) {
      yield { ok: false, file, line: pending.line, reason: 'title line without an abstract line after it' };
    }
    if (text.length > MAX_TITLE_CHARS) {
      pending = undefined;
      yield { ok: false, file, line, reason: 'abstract line without a title line before it' };
    } else {
      pending = { text, line };
    }
  }
  if (pending && papers > 0) {
    yield { ok: false, file, line: pending.line, reason: 'title line without an abstract line after it' };
  }
}
