// `papergraph migrate`: applies migrations/ in version order (see src/db/migrations.ts).
import { Command } from 'commander';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply migrations/ in order; idempotent; refuses an edited, already-applied migration.')
    .action(() => {
      process.stderr.write('papergraph migrate: not implemented yet\n');
      process.exitCode = 1;
    });
}
