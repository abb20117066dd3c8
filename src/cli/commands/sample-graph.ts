// The default sample graph that `papergraph start` loads into an empty graph, in two steps run as the
// registered commands (exactly what a person would type):
//   1. `ingest` of the sample corpus (data/sample/*.txt|json|jsonl: real titles and abstracts), so
//      every extracted edge is what the extractor finds in real text;
//   2. `curate` of the sample's curation files (data/sample/curated/*.jsonl: a few landmark lineage
//      facts the abstracts do not state, each with its paper's URL), so they are `source: curated`
//      edges with an audit entry, told apart from extracted ones in the API and the explorer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { packageRoot } from '../../db/local-server/package-root';
import { sampleCorpusFiles, sampleCurationFiles, sampleDir } from '../../ingest/sample';

/** Who the audit log names for the sample's curated edges. */
export const SAMPLE_CURATOR = 'papergraph start (sample landmarks)';

export interface SampleGraphDeps {
  /** Runs another papergraph command in a fresh program, e.g. `['ingest', FILE]`. */
  runCommand(args: string[]): Promise<void>;
  /** Progress and notes (stderr for `start`). */
  log(line: string): void;
}

export interface SampleGraphOptions {
  /** The sample folder (default data/sample of this package). */
  dir?: string;
  /** Where rejected records go (default .papergraph/ of this package). */
  rejectsDir?: string;
  /** Progress output of the sub-commands (default true). */
  progress?: boolean;
}

/** Runs a sub-command and returns the exit code it set (commands report partial failure with 2). */
export async function runStep(deps: Pick<SampleGraphDeps, 'runCommand'>, args: string[]): Promise<number> {
  process.exitCode = undefined;
  await deps.runCommand(args);
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return code;
}

/** Ingests the sample corpus, then applies its curated lineage. Fatal only when a step fails outright. */
export async function loadSampleGraph(
  deps: SampleGraphDeps,
  options: SampleGraphOptions = {},
): Promise<void> {
  const dir = options.dir ?? sampleDir();
  const rejectsDir = options.rejectsDir ?? path.join(packageRoot(), '.papergraph');
  const progress = options.progress === false ? ['--no-progress'] : [];
  const files = sampleCorpusFiles(dir);
  if (files.length === 0) {
    deps.log(
      'No sample corpus in data/sample/; the graph stays empty (load papers with `papergraph ingest FILE`).',
    );
    return;
  }
  fs.mkdirSync(rejectsDir, { recursive: true });
  deps.log(`Graph is empty: ingesting the sample corpus (${files.map((f) => path.basename(f)).join(', ')})`);
  const rejects = path.join(rejectsDir, 'sample-rejects.jsonl');
  const code = await runStep(deps, ['ingest', ...progress, '--rejects', rejects, ...files]);
  if (code === 1)
    throw new AppError(
      ErrorCode.INTERNAL_SERVER_ERROR,
      'Ingesting the sample corpus failed (see above); fix it or skip it with `papergraph start --no-sample`.',
    );
  if (code === 2) deps.log(`Some sample records were rejected (see ${rejects}); continuing.`);

  for (const file of sampleCurationFiles(dir)) {
    deps.log(`Curated lineage of the sample: ${path.relative(dir, file)}`);
    const curationRejects = path.join(rejectsDir, `sample-${path.basename(file, '.jsonl')}.rejects.jsonl`);
    const step = await runStep(deps, [
      'curate',
      ...progress,
      '--actor',
      SAMPLE_CURATOR,
      '--rejects',
      curationRejects,
      file,
    ]);
    if (step === 1)
      throw new AppError(
        ErrorCode.INTERNAL_SERVER_ERROR,
        `Applying ${path.basename(file)} failed (see above); skip the sample with \`papergraph start --no-sample\`.`,
      );
    if (step === 2) deps.log(`Some curated sample lines were rejected (see ${curationRejects}); continuing.`);
  }
}
