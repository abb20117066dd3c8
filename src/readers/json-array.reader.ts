// `json` format: one JSON array of records, streamed element by element (readJsonArrayElements: the
// array is never held in memory). `line` is the 1-based line the element starts on.
import type { Readable } from 'node:stream';
import { readJsonArrayElements } from './json-array-elements';
import { isMapFailure, toPaperInput } from './paper-input.mapper';
import type { ReadResult } from './read-result.types';

export async function* readJsonArray(input: Readable, file: string): AsyncIterable<ReadResult> {
  const stream = readJsonArrayElements(input);
  // Elements parsed before a syntax error are still yielded; the error is reported after them.
  let index = 0;
  for await (const item of stream.elements) {
    index = item.key + 1;
    const mapped = toPaperInput(item.value);
    if (isMapFailure(mapped))
      yield { ok: false, file, line: item.line, reason: `array element ${index}: ${mapped.reason}` };
    else yield { ok: true, paper: mapped, file, line: item.line };
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
