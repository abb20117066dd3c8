// `papergraph curate FILE`: applies curation operations from JSON lines (`{"op": "addAlias" |
// "removeAlias" | "mergeEntities" | "retractRelationship" | "assertLineage", ...the mutation's
// arguments}`), in file order, each in its own transaction; idempotent (a repeated file changes
// nothing). Rejects go to a file (`--rejects`, default `<input>.rejects.jsonl`), progress to stderr,
// and the last stdout line is the JSON summary. Exit 0 all applied, 2 some rejected, 1 fatal.
import * as os from 'node:os';
import { Command } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { applyCurationLine, readCurationLines, type CurationSummary } from '../../curation/curation-batch';
import { CurationService } from '../../curation/curation.service';
import { Executor } from '../../db/executor';
import { migrate } from '../../db/migrations';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { createRejectsWriter } from '../../ingest/rejects.writer';

interface CurateCommandOptions {
  rejects?: string;
  actor?: string;
  progress: boolean;
}

const PROGRESS_EVERY = 100;

export function registerCurateCommand(program: Command): void {
  program
    .command('curate')
    .description(
      'Apply curation operations (JSON lines {"op": "addAlias"|"removeAlias"|"mergeEntities"|"retractRelationship"|"assertLineage", ...arguments}) to Neo4j; idempotent.',
    )
    .argument('<file>', 'JSON lines file (.gz accepted), or - for stdin')
    .option('--rejects <path>', 'write rejected lines here (default: <file>.rejects.jsonl; stdin: stderr)')
    .option('--actor <name>', 'who the audit log names (default: cli:<user>@<host>)')
    .option('--no-progress', 'no progress lines')
    .action(async (file: string, options: CurateCommandOptions) => {
      if (file === '-' && process.stdin.isTTY) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'stdin is a terminal: pass FILE or pipe operations into `papergraph curate -`.',
        );
      }
      const summary = await runCurate(file, options);
      process.stdout.write(JSON.stringify(summary) + '\n');
      process.exitCode = summary.rejected > 0 ? 2 : 0;
    });
}

export async function runCurate(file: string, options: CurateCommandOptions): Promise<CurationSummary> {
  const actor = options.actor?.trim() || `cli:${os.userInfo().username}@${os.hostname()}`;
  const executor = new Executor(neo4jConfigFromEnv(), { queryTimeoutMs: 120_000 });
  const rejects = createRejectsWriter([file], options.rejects);
  const service = new CurationService(executor);
  const summary: CurationSummary = { applied: 0, unchanged: 0, rejected: 0 };
  const started = Date.now();
  try {
    await executor.verifyConnectivity();
    await migrate(executor);
    let done = 0;
    for await (const line of readCurationLines(file)) {
      const outcome = await applyCurationLine(service, { actor }, line.text);
      if (outcome.status === 'rejected') {
        summary.rejected += 1;
        rejects.write({ file: line.file, line: line.line, reason: outcome.reason });
      } else summary[outcome.status] += 1;
      done += 1;
      if (options.progress && done % PROGRESS_EVERY === 0)
        process.stderr.write(
          `curate: ${done} operations (${summary.applied} applied, ${summary.unchanged} unchanged, ${summary.rejected} rejected)\n`,
        );
    }
    if (options.progress)
      process.stderr.write(`curate: ${done} operations in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return summary;
  } finally {
    await rejects.close();
    await executor.close();
    if (rejects.files.length > 0)
      process.stderr.write(`curate: rejected lines written to ${rejects.files.join(', ')}\n`);
  }
}
