// JSON-lines files of `papergraph export` / `import`: written through a temporary file renamed into
// place on success (a failed export never leaves a half file under the final name), gzip when the
// name ends in `.gz`, with backpressure; read line by line (gunzip by name, `-` for stdin).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Writable } from 'node:stream';
import * as zlib from 'node:zlib';

export function isGzipName(file: string): boolean {
  return file.toLowerCase().endsWith('.gz');
}

export interface LineWriter {
  /** Writes one line (a newline is added); resolves when the stream can take more. */
  write(line: string): Promise<void>;
  /** Flushes, closes and renames the file into place. */
  finish(): Promise<void>;
  /** Removes the temporary file (after a failure). */
  abort(): Promise<void>;
}

export function createLineWriter(file: string): LineWriter {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const out = fs.createWriteStream(temp);
  const gzip = isGzipName(file) ? zlib.createGzip() : undefined;
  if (gzip) gzip.pipe(out);
  const head: Writable = gzip ?? out;
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure ??= error;
  };
  out.on('error', onError);
  gzip?.on('error', onError);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', () => (failure ? reject(failure) : resolve()));
    out.on('error', reject);
  });
  closed.catch(() => undefined);
  return {
    async write(line) {
      if (failure) throw failure;
      if (!head.write(line + '\n')) {
        await new Promise<void>((resolve, reject) => {
          const done = () => {
            head.off('drain', done);
            head.off('error', fail);
            resolve();
          };
          const fail = (error: Error) => {
            head.off('drain', done);
            reject(error);
          };
          head.once('drain', done);
          head.once('error', fail);
        });
      }
    },
    async finish() {
      head.end();
      await closed;
      fs.renameSync(temp, file);
    },
    async abort() {
      head.destroy();
      out.destroy();
      fs.rmSync(temp, { force: true });
    },
  };
}

/** The lines of a file (or stdin for `-`), numbered from 1, blank ones included as empty strings. */
export async function* readLines(file: string): AsyncIterable<{ line: number; text: string }> {
  const raw = file === '-' ? process.stdin : fs.createReadStream(file);
  const input = isGzipName(file) ? raw.pipe(zlib.createGunzip()) : raw;
  if (input !== raw) raw.on('error', (error: Error) => input.destroy(error));
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n += 1;
    yield { line: n, text };
  }
}
