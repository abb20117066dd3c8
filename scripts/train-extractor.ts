// `npm run train:extractor`: retrains the extractor's learned parts from the human annotations in
// `../shared/eval/train/` (or --eval-dir / PAPERGRAPH_EVAL_DIR) and writes them to data/models/.
// The product and `npm test` only read the written files; they never need the annotations.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { trainResults } from './train/results.train';
import { trainTagger } from './train/tagger.train';
import type { Source } from './train/tagger-data';

const ROOT = path.join(__dirname, '..', '..');
const DEFAULT_EVAL = process.env.PAPERGRAPH_EVAL_DIR ?? path.join(ROOT, '..', 'shared', 'eval');

/** Runs a trainer of scripts/train/ in its own Node process (it loads the model files as they are now). */
function trainInFreshProcess(script: string, evalDir: string, outFile: string): void {
  execFileSync(process.execPath, [path.join(__dirname, 'train', script), evalDir, outFile], {
    stdio: 'inherit',
  });
}

async function main(): Promise<void> {
  const program = new Command()
    .name('train-extractor')
    .description(
      'Retrain the mention tagger, then the lineage classifier and the claim scorer over its mentions, from the human annotations (writes data/models/tagger.json, lineage.v1.json and results.v1.json).',
    )
    .option('--eval-dir <dir>', 'folder holding train/ (the annotations)', DEFAULT_EVAL)
    .option('--out <file>', 'tagger model file to write', path.join(ROOT, 'data', 'models', 'tagger.json'))
    .option(
      '--lineage-out <file>',
      'lineage model file to write',
      path.join(ROOT, 'data', 'models', 'lineage.v1.json'),
    )
    .option(
      '--results-out <file>',
      'claim scorer file to write',
      path.join(ROOT, 'data', 'models', 'results.v1.json'),
    )
    .option('--tagger-only', 'retrain the tagger only')
    .option('--results-only', 'retrain the claim scorer only (over the shipped tagger and lineage models)')
    .option('--sources <list>', 'annotation sets to train on (scirex also available)', 'gsap,tdmsci,scierc')
    .option('--epochs <n>', 'training epochs', '10')
    .option('--min-count <n>', 'drop features seen fewer times in training', '2')
    .option('--scirex-cap <n>', 'at most this many SciREX training sections (0 = all)', '1500')
    .parse();
  const o = program.opts<{
    evalDir: string;
    out: string;
    sources: string;
    epochs: string;
    minCount: string;
    scirexCap: string;
    lineageOut: string;
    resultsOut: string;
    taggerOnly?: boolean;
    resultsOnly?: boolean;
  }>();
  if (!fs.existsSync(path.join(o.evalDir, 'train'))) {
    process.stderr.write(`train-extractor: ${path.join(o.evalDir, 'train')} not found (set --eval-dir)\n`);
    process.exit(1);
  }
  if (o.resultsOnly) {
    trainResults(o.evalDir, o.resultsOut);
    return;
  }
  await trainTagger({
    evalDir: o.evalDir,
    outFile: o.out,
    sources: o.sources.split(',').map((s) => s.trim()) as Source[],
    epochs: Number(o.epochs),
    minCount: Number(o.minCount),
    scirexCap: Number(o.scirexCap),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // The lineage classifier's dev-page pairs come from the extractor's mentions, so it trains after
  // the tagger, in a fresh process: this one loaded the shipped tagger file when it started (its
  // hash is part of EXTRACTOR_VERSION), and the lineage pairs must come from the file just written
  // (when --out is the shipped file).
  if (o.taggerOnly) return;
  trainInFreshProcess('lineage.train.js', o.evalDir, o.lineageOut);
  // The claim scorer's candidates carry the record's entities and lineage view: it trains last, in
  // a fresh process for the same reason. Its data is the CLEF results set (results/clef24-train.jsonl,
  // the clef-tune lines only).
  trainInFreshProcess('results.train.js', o.evalDir, o.resultsOut);
}

main().catch((error: unknown) => {
  process.stderr.write(`train-extractor: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
