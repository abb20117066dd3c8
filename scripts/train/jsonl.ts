// The one JSON-lines reader of the training and evaluation scripts: one record per non-blank line,
// streamed (the annotation files are tens of MB). A line that is not JSON names its file and line.
import * as fs from 'node:fs';
import * as readline from 'node:readline';

export async function* readJsonl<T>(file: string): AsyncGenerator<T> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as T;
    } catch (e) {
      throw new Error(`${file}:${n}: ${(e as Error).message}`);
    }
  }
}

/** All records of a (small) JSON-lines file at once, for synchronous callers. */
export function readJsonlSync<T>(file: string): T[] {
  const out: T[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as T);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
  return out;
}
