// `papergraph start` (what `npm start` runs): everything a first-time user needs, in order:
//   1. a local Neo4j (`db start` with the defaults: bolt://127.0.0.1:7687, .papergraph/neo4j) -
//      skipped when NEO4J_URI is set, which then names the server to use;
//   2. `migrate` (constraints and indexes; a no-op when up to date);
//   3. `ingest` of the bundled sample corpus (data/sample/) - only when the graph has no :Paper yet;
//   4. `serve` (GraphQL at /graphql, GraphiQL at /graphiql) until the process is stopped.
// Steps 3 and 4 run the registered `ingest` and `serve` commands through `runCommand`, so `start`
// behaves exactly like running them by hand and does not depend on their internals.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { Executor } from '../../db/executor';
import { startLocalServer } from '../../db/local-server';
import { packageRoot } from '../../db/local-server/package-root';
import { migrate } from '../../db/migrations';
import { createSpinner } from '../spinner';
import { HAS_PAPERS } from './start.queries';

export interface StartDeps {
  /** Runs another papergraph command in a fresh program, e.g. `['serve', '--port', '4000']`. */
  runCommand(args: string[]): Promise<void>;
}

interface StartFlags {
  port?: string;
  sample: boolean;
}

const SAMPLE_EXTENSIONS = new Set(['.jsonl', '.json', '.txt']);

/** The sample corpus files shipped in data/sample/ (empty when the folder is absent). */
export function sampleFiles(root: string = packageRoot()): string[] {
  const dir = path.join(root, 'data', 'sample');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(
      (name) => SAMPLE_EXTENSIONS.has(path.extname(name)) && !/reject/i.test(name) && !/^readme/i.test(name),
    )
    .sort()
    .map((name) => path.join(dir, name));
}

/** Runs a sub-command and returns the exit code it set (commands report partial failure with 2). */
async function runStep(deps: StartDeps, args: string[]): Promise<number> {
  process.exitCode = undefined;
  await deps.runCommand(args);
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return code;
}

export function registerStartCommand(program: Command, deps: StartDeps): void {
  program
    .command('start')
    .description(
      'Start everything: local Neo4j (unless NEO4J_URI is set), migrations, the sample corpus if the graph is empty, and the GraphQL server.',
    )
    .option('--port <n>', 'HTTP port of the GraphQL server (default: env PORT or 4000)')
    .option('--no-sample', 'do not ingest the bundled sample corpus')
    .action(async (flags: StartFlags) => {
      // 1. Neo4j: the user's (NEO4J_URI) or the local one.
      if (!(process.env.NEO4J_URI ?? '').trim()) {
        const spinner = createSpinner();
        try {
          const server = await startLocalServer({ onProgress: (m) => spinner.update(m) });
          spinner.stop(
            `Neo4j ${server.alreadyRunning ? 'already running' : 'started'} at ${server.uri} (home ${server.home}; stop it with \`npm run db:stop\`)`,
          );
          process.env.NEO4J_URI = server.uri; // ingest and serve read it
        } catch (error) {
          spinner.stop();
          throw error;
        }
      } else {
        process.stderr.write(`Using Neo4j at ${process.env.NEO4J_URI} (NEO4J_URI)\n`);
      }

      // 2. Migrations, and 3. whether the graph is empty.
      const executor = new Executor(neo4jConfigFromEnv());
      let hasPapers: boolean;
      try {
        await executor.verifyConnectivity();
        const result = await migrate(executor);
        process.stderr.write(
          result.upToDate
            ? `Migrations up to date (V${result.current})\n`
            : `Migrated to V${result.current} (${result.applied.map((m) => m.file).join(', ')})\n`,
        );
        const [row] = await executor.read(HAS_PAPERS, {}, { operation: 'start.hasPapers' });
        hasPapers = row?.hasPapers === true;
      } finally {
        await executor.close();
      }

      // 3. The sample corpus, only into an empty graph.
      if (flags.sample && !hasPapers) {
        const files = sampleFiles();
        if (files.length === 0) {
          process.stderr.write(
            'No sample corpus in data/sample/; the graph stays empty (load papers with `papergraph ingest FILE`).\n',
          );
        } else {
          process.stderr.write(
            `Graph is empty: ingesting the sample corpus (${files.map((f) => path.basename(f)).join(', ')})\n`,
          );
          const rejects = path.join(packageRoot(), '.papergraph', 'sample-rejects.jsonl');
          fs.mkdirSync(path.dirname(rejects), { recursive: true });
          const code = await runStep(deps, ['ingest', '--rejects', rejects, ...files]);
          if (code === 1)
            throw new AppError(
              ErrorCode.INTERNAL_SERVER_ERROR,
              'Ingesting the sample corpus failed (see above); fix it or skip it with `papergraph start --no-sample`.',
            );
          if (code === 2)
            process.stderr.write(`Some sample records were rejected (see ${rejects}); continuing.\n`);
        }
      }

      // 4. The GraphQL server; runs until the process is stopped.
      const code = await runStep(deps, ['serve', ...(flags.port ? ['--port', flags.port] : [])]);
      if (code !== 0) process.exitCode = code;
    });
}
