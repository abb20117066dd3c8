// STUB: `papergraph ingest` - replaced by the ingest work (extracts and writes papers to Neo4j).
import { Command } from 'commander';

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Extract papers and write them to Neo4j (idempotent).')
    .argument('[files...]', 'input files, or - for stdin')
    .action(() => {
      process.stderr.write('papergraph ingest: not implemented yet\n');
      process.exitCode = 1;
    });
}
