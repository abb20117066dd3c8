// Where rejected records go: one JSON line `{file, line, reason}` each. By default a file next to
// each input (`<input>.rejects.jsonl`, rewritten on each run); `--rejects PATH` collects them all in
// one file; stdin input without `--rejects` writes them to stderr.
import * as fs from 'node:fs';
import type { RejectRecord } from './ingest.types';

export interface RejectsWriter {
  write(reject: RejectRecord): void;
  /** Files that received at least one reject. */
  readonly files: string[];
  close(): Promise<void>;
}

export function defaultRejectsPath(input: string): string {
  return `${input}.rejects.jsonl`;
}

/**
 * `explicit`: the `--rejects` path (all rejects there). Otherwise each input gets its default file,
 * and stdin rejects go to `stderr`. Default files of this run's inputs are removed at start, so a
 * stale file from an earlier run never lingers; files are created on their first reject.
 */
export function createRejectsWriter(
  inputs: string[],
  explicit: string | undefined,
  stderr: NodeJS.WritableStream = process.stderr,
): RejectsWriter {
  const streams = new Map<string, fs.WriteStream>();
  const used: string[] = [];
  if (explicit) {
    fs.writeFileSync(explicit, '');
  } else {
    for (const input of inputs) if (input !== '-') fs.rmSync(defaultRejectsPath(input), { force: true });
  }
  const target = (file: string): string | undefined => {
    if (explicit) return explicit;
    if (file === '<stdin>' || file === '-' || file === '<input>') return undefined;
    return defaultRejectsPath(file);
  };
  return {
    get files() {
      return [...used];
    },
    write(reject) {
      const line = JSON.stringify({ file: reject.file, line: reject.line, reason: reject.reason }) + '\n';
      const path = target(reject.file);
      if (!path) {
        stderr.write(line);
        return;
      }
      let stream = streams.get(path);
      if (!stream) {
        stream = fs.createWriteStream(path, { flags: 'a' });
        streams.set(path, stream);
        used.push(path);
      }
      stream.write(line);
    },
    async close() {
      await Promise.all(
        [...streams.values()].map(
          (s) =>
            new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve()))),
        ),
      );
    },
  };
}
