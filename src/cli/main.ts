// The `papergraph` command line: builds the commander program, runs one command, and turns errors
// into a clean message on stderr plus an exit code (0 ok, 1 fatal; commands such as `extract` and
// `ingest` set 2 themselves when some records were rejected). Stack traces only with `--verbose`
// or `DEBUG=papergraph`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { packageRoot } from '../db/local-server/package-root';
import { isAppError } from '../errors/app-error';
import { registerCurateCommand } from './commands/curate.command';
import { registerDbCommand } from './commands/db.command';
import { registerExportCommand } from './commands/export.command';
import { registerExtractCommand } from './commands/extract.command';
import { registerImportCommand } from './commands/import.command';
import { registerIngestCommand } from './commands/ingest.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerServeCommand } from './commands/serve.command';
import { registerStartCommand } from './commands/start.command';

/** Exit codes of the public contract. */
export const EXIT_OK = 0;
export const EXIT_FATAL = 1;
export const EXIT_SOME_REJECTED = 2;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Builds a fresh program with every command registered (also used by `start` to run other commands). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('papergraph')
    .description('A knowledge graph of machine-learning research in Neo4j, served over GraphQL.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--verbose', 'print stack traces of errors (also: DEBUG=papergraph)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerExtractCommand(program);
  registerIngestCommand(program);
  registerCurateCommand(program);
  registerExportCommand(program);
  registerImportCommand(program);
  registerMigrateCommand(program);
  registerServeCommand(program);
  registerDbCommand(program);
  registerStartCommand(program, { runCommand });
  // Every subcommand inherits exitOverride so usage errors reach main() instead of process.exit().
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs one papergraph command (e.g. `['ingest', 'data/sample/papers.jsonl']`) in a fresh program. */
export async function runCommand(args: string[]): Promise<void> {
  await buildProgram().parseAsync(args, { from: 'user' });
}

function wantsStack(argv: string[]): boolean {
  const debug = (process.env.DEBUG ?? '').split(/[\s,]+/);
  return argv.includes('--verbose') || debug.includes('papergraph') || debug.includes('*');
}

/** Prints an error the way users should see it; returns the exit code. */
export function reportError(error: unknown, argv: string[]): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help/version text).
    return error.exitCode === 0 ? EXIT_OK : EXIT_FATAL;
  }
  const verbose = wantsStack(argv);
  if (isAppError(error)) {
    process.stderr.write(`papergraph: ${error.message} [${error.code}]\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`papergraph: unexpected error: ${message}\n`);
    if (!verbose) process.stderr.write('(run with --verbose or DEBUG=papergraph for the stack trace)\n');
  }
  if (verbose) {
    let current: unknown = error;
    for (let depth = 0; current instanceof Error && depth < 5; depth++) {
      process.stderr.write(`${depth === 0 ? '' : 'caused by: '}${current.stack ?? current.message}\n`);
      current = current.cause;
    }
  }
  return EXIT_FATAL;
}

/** Entry point used by bin/papergraph.js: `main(process.argv.slice(2))`. Sets process.exitCode. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    const code = typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
    return code;
  } catch (error) {
    const code = reportError(error, argv);
    process.exitCode = code;
    return code;
  }
}
