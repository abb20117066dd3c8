// `papergraph start` (npm start): local Neo4j unless NEO4J_URI is set, migrate, sample corpus, serve.
import { Command } from 'commander';

export interface StartDeps {
  runCommand(args: string[]): Promise<void>;
}

export function registerStartCommand(program: Command, _deps: StartDeps): void {
  program
    .command('start')
    .description(
      'Start everything: local Neo4j (unless NEO4J_URI is set), migrations, sample corpus, GraphQL server.',
    )
    .action(() => {
      process.stderr.write('papergraph start: not implemented yet\n');
      process.exitCode = 1;
    });
}
