// `papergraph import FILE`: rebuilds a graph from `papergraph export` output (gzip by name, `-` for
// stdin) into an empty database (`--wipe` empties it first). Applies the migrations first. Rejected
// lines go to a rejects file (`--rejects`, default `<file>.rejects.jsonl`) with line and reason, the
// good ones land; progress on stderr; the last stdout line is a JSON summary. Exit 0 all imported,
// 2 some rejected, 1 fatal.
import { Command } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { Executor } from '../../db/executor';
import { migrate } from '../../db/migrations';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { GraphImporter, type ImportSummary } from '../../export/graph-importer';
import { createRejectsWriter } from '../../ingest/rejects.writer';
import { progressLogger } from './progress-log';

interface ImportCommandOptions {
  rejects?: string;
  wipe?: boolean;
  batchSize: number;
  progress: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Rebuild the graph from a `papergraph export` file into an empty database.')
    .argument('<file>', 'an export file (.gz accepted), or - for stdin')
    .option('--wipe', 'delete every domain and curation node of the target graph first')
    .option('--rejects <path>', 'write rejected lines here (default: <file>.rejects.jsonl; stdin: stderr)')
    .option(
      '--batch-size <n>',
      'records per write transaction',
      (v) => Math.max(1, Number.parseInt(v, 10) || 1000),
      1000,
    )
    .option('--no-progress', 'no progress lines')
    .addHelpText(
      'after',
      '\nWrites to NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). Refuses a graph that already holds\ndomain or curation nodes unless --wipe is given. Procedure: docs/OPERATIONS.md "Backup, restore and moving\nto another Neo4j".',
    )
    .action(async (file: string, options: ImportCommandOptions) => {
      if (file === '-' && process.stdin.isTTY)
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'stdin is a terminal: pass FILE or pipe an export into `papergraph import -`.',
        );
      const summary = await runImport(file, options);
      process.stdout.write(JSON.stringify(summary) + '\n');
      process.exitCode = summary.rejected > 0 ? 2 : 0;
    });
}

export async function runImport(
  file: string,
  options: { rejects?: string; wipe?: boolean; batchSize?: number; progress?: boolean },
): Promise<ImportSummary> {
  const executor = new Executor(neo4jConfigFromEnv(), { queryTimeoutMs: 300_000 });
  const rejects = createRejectsWriter([file], options.rejects);
  const log = options.progress === false ? undefined : progressLogger('import');
  try {
    await executor.verifyConnectivity();
    await migrate(executor);
    const summary = await new GraphImporter(executor).import(file, {
      wipe: options.wipe,
      batchSize: options.batchSize,
      onReject: (r) => rejects.write(r),
      onProgress: (p) => log?.(p.records, p.total, `${p.rejected} rejected`),
    });
    log?.(
      summary.nodes + summary.relationships + summary.curation,
      0,
      `written; ${summary.rejected} rejected`,
      true,
    );
    return summary;
  } finally {
    await rejects.close();
    await executor.close();
    if (rejects.files.length > 0)
      process.stderr.write(`import: rejected lines written to ${rejects.files.join(', ')}\n`);
  }
}
