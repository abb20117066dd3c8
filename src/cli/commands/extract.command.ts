// STUB: `papergraph extract` - replaced by the extraction work (reads papers, prints extraction records).
import { Command } from 'commander';

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'Read papers (files or stdin "-") and print one JSON extraction record per paper (no database).',
    )
    .argument('[files...]', 'input files, or - for stdin')
    .action(() => {
      process.stderr.write('papergraph extract: not implemented yet\n');
      process.exitCode = 1;
    });
}
