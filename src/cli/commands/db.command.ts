// `papergraph db start|stop|status`: the local Neo4j server without Docker (see src/db/local-server.ts).
import { Command } from 'commander';

export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('Run a local Neo4j 5.26 server without Docker (Java 17+, Maven).');
  db.command('start')
    .description('Start the local Neo4j server.')
    .action(() => {
      process.stderr.write('papergraph db start: not implemented yet\n');
      process.exitCode = 1;
    });
}
