// `papergraph ingest [FILE ...]`: extracts papers and writes them to Neo4j (idempotent, resumable).
// Rejects go to a file (`--rejects`, default `<input>.rejects.jsonl`), progress to stderr, and the
// last stdout line is the JSON summary. Exit 0 all ingested, 2 some rejected, 1 fatal.
import { Command, InvalidArgumentError, Option } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { Executor } from '../../db/executor';
import { migrate } from '../../db/migrations';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { DEFAULT_WRITE_CONCURRENCY, IngestService } from '../../ingest/ingest.service';
import { countLines, createProgressReporter } from '../../ingest/progress.reporter';
import { createRejectsWriter } from '../../ingest/rejects.writer';
import { INPUT_FORMATS, type InputFormat } from '../../readers/read-result.types';

interface IngestCommandOptions {
  inputFormat?: InputFormat;
  rejects?: string;
  batchSize: number;
  threads?: number;
  writeConcurrency: number;
  force?: boolean;
  progress: boolean;
  retries: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Extract papers and write them to Neo4j (idempotent; unchanged papers are skipped).')
    .argument('[files...]', 'input files (.gz accepted), or - for stdin')
    .addOption(
      new Option('--input-format <format>', 'force an input format instead of detecting it').choices([
        ...INPUT_FORMATS,
      ]),
    )
    .option('--rejects <path>', 'write rejected records here (default: <input>.rejects.jsonl; stdin: stderr)')
    .option('--batch-size <n>', 'papers per write transaction', positiveInt, 500)
    .option('--threads <n>', 'extraction worker threads (default: all cores; 0 = main thread)', positiveInt)
    .option(
      '--write-concurrency <n>',
      'batches whose papers and edges are written at once (2 helps pre-extracted input on an idle machine)',
      positiveInt,
      DEFAULT_WRITE_CONCURRENCY,
    )
    .option('--force', 're-extract and rewrite papers even when unchanged')
    .option('--retries <n>', 'attempts per database operation when Neo4j is unavailable', positiveInt, 6)
    .option('--no-progress', 'no progress bar or progress lines')
    .action(async (files: string[], options: IngestCommandOptions) => {
      const sources = files.length > 0 ? files : ['-'];
      if (sources.includes('-') && process.stdin.isTTY) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'No input files given and stdin is a terminal: pass FILE ... or pipe papers into `papergraph ingest -`.',
        );
      }
      const summary = await runIngest(sources, options);
      process.stdout.write(JSON.stringify(summary) + '\n');
      process.exitCode = summary.rejected > 0 ? 2 : 0;
    });
}

async function runIngest(sources: string[], options: IngestCommandOptions) {
  const executor = new Executor(neo4jConfigFromEnv(), { queryTimeoutMs: 120_000 });
  const rejects = createRejectsWriter(sources, options.rejects);
  const service = new IngestService(executor, {
    batchSize: Math.max(1, options.batchSize),
    threads: options.threads,
    writeConcurrency: Math.max(1, options.writeConcurrency),
    force: options.force,
    retry: {
      attempts: Math.max(1, options.retries),
      onRetry: (attempt, delay, error) =>
        process.stderr.write(
          `ingest: database unavailable (${error.message.split('.')[0]}); retry ${attempt} in ${delay} ms\n`,
        ),
    },
  });
  try {
    await executor.verifyConnectivity();
    await migrate(executor);
    const progress = options.progress
      ? createProgressReporter(sources, await countLines(sources))
      : undefined;
    try {
      return await service.ingestFiles(sources, {
        inputFormat: options.inputFormat,
        onReject: (r) => rejects.write(r),
        onProgress: (p) => progress?.update(p),
      });
    } finally {
      progress?.stop();
    }
  } finally {
    await rejects.close();
    await service.close();
    await executor.close();
    if (rejects.files.length > 0)
      process.stderr.write(`ingest: rejected records written to ${rejects.files.join(', ')}\n`);
  }
}
