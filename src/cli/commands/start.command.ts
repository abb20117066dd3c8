// `papergraph start` (what `npm start` runs): everything a first-time user needs, in order:
//   1. a local Neo4j (`db start` with the defaults: bolt://127.0.0.1:7687, .papergraph/neo4j) -
//      skipped when NEO4J_URI is set, which then names the server to use;
//   2. `migrate` (constraints and indexes; a no-op when up to date);
//   3. the sample graph, only when the graph has no :Paper yet: `ingest` of the bundled sample corpus
//      (data/sample/), then `curate` of its curated lineage (data/sample/curated/); see sample-graph.ts;
//   4. `serve` (GraphQL at /graphql, GraphiQL at /graphiql) until the process is stopped.
// Steps 3 and 4 run the registered `ingest`, `curate` and `serve` commands through `runCommand`, so `start`
// behaves exactly like running them by hand and does not depend on their internals.
import { Command } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { Executor } from '../../db/executor';
import { startLocalServer } from '../../db/local-server';
import { migrate } from '../../db/migrations';
import { createSpinner } from '../spinner';
import { loadSampleGraph, runStep } from './sample-graph';
import { HAS_PAPERS } from './start.queries';

export interface StartDeps {
  /** Runs another papergraph command in a fresh program, e.g. `['serve', '--port', '4000']`. */
  runCommand(args: string[]): Promise<void>;
}

interface StartFlags {
  port?: string;
  sample: boolean;
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

      // 3. The sample graph (corpus, then its curated lineage), only into an empty graph.
      if (flags.sample && !hasPapers)
        await loadSampleGraph({
          runCommand: deps.runCommand,
          log: (line) => process.stderr.write(line + '\n'),
        });

      // 4. The GraphQL server; runs until the process is stopped.
      const code = await runStep(deps, ['serve', ...(flags.port ? ['--port', flags.port] : [])]);
      if (code !== 0) process.exitCode = code;
    });
}
