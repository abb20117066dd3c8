// `json` format: one JSON array of records, streamed element by element with stream-json (the
// array is never held in memory). `line` is the 1-based line where the element ends (tracked
// from the parser's token stream).
import type { Readable } from 'node:stream';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { isMapFailure, toPaperInput } from './paper-input.mapper';
import type { ReadResult } from './read-result.types';

export async function* readJsonArray(input: Readable, file: string): AsyncIterable<ReadResult> {
  // Count newlines as bytes pass into the parser, so each element is reported near its line.
  let line = 1;
  input.on('data', (chunk: Buffer | string) => {
    const s = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) line++;
  });
  const p = parser();
  const pipeline = streamArray();
  input.pipe(p).pipe(pipeline);
  // .pipe() does not forward errors: a syntax error must end the iteration, not crash the process.
  // Elements already parsed are still yielded; the error is reported after them.
  let failure: Error | undefined;
  const stop = (e: Error): void => {
    failure ??= e;
    input.unpipe(p);
    p.unpipe(pipeline);
    pipeline.end();
  };
  p.on('error', stop);
  input.on('error', stop);
  let index = 0;
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      index = item.key + 1;
      const mapped = toPaperInput(item.value);
      if (isMapFailure(mapped))
        yield { ok: false, file, line, reason: `array element ${index}: ${mapped.reason}` };
      else yield { ok: true, paper: mapped, file, line };
    }
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) {
    yield {
      ok: false,
      file,
      line,
      reason: `invalid JSON array after element ${index}: ${failure.message} (rest of file skipped)`,
    };
  }
}
