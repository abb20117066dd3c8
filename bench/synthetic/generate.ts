// CLI: writes the deterministic synthetic corpus as JSONL.
//   node dist/bench/synthetic/generate.js --papers 100000 [--seed 42] [--out FILE]  (stdout without --out)
import * as fs from 'node:fs';
import { generateCorpus } from './corpus.generator';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Writes `papers` synthetic papers to `file` as JSONL; resolves when flushed. */
export async function writeCorpus(file: string, papers: number, seed = 42): Promise<void> {
  const out = fs.createWriteStream(file);
  let buf = '';
  for (const p of generateCorpus({ papers, seed })) {
    buf += JSON.stringify(p) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

if (require.main === module) {
  const papers = Number(arg('papers', '1000'));
  const seed = Number(arg('seed', '42'));
  const file = arg('out');
  if (file) {
    void writeCorpus(file, papers, seed).then(() =>
      process.stderr.write(`wrote ${papers} papers to ${file}\n`),
    );
  } else {
    for (const p of generateCorpus({ papers, seed })) process.stdout.write(JSON.stringify(p) + '\n');
  }
}
