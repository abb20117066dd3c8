// `papergraph migrate`: applies migrations/ in version order against NEO4J_URI (src/db/migrations.ts).
import { Command } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { Executor } from '../../db/executor';
import { forceUnlock, migrate } from '../../db/migrations';

interface MigrateFlags {
  dir?: string;
  unlock?: boolean;
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply migrations/ in order; idempotent; refuses an edited, already-applied migration.')
    .option('--dir <dir>', "migrations folder (default: the package's migrations/)")
    .option('--unlock', 'remove a lock left by a crashed migrate run, then migrate')
    .addHelpText(
      'after',
      '\nConnects with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (default bolt://127.0.0.1:7687, no auth).',
    )
    .action(async (flags: MigrateFlags) => {
      const executor = new Executor(neo4jConfigFromEnv());
      try {
        await executor.verifyConnectivity(); // fails fast (no driver retries) when the server is down
        if (flags.unlock && (await forceUnlock(executor)))
          process.stderr.write('removed a stale migration lock\n');
        const result = await migrate(executor, flags.dir, {
          onApplied: (m) => process.stdout.write(`applied ${m.file} (${m.statements.length} statements)\n`),
        });
        process.stdout.write(
          result.upToDate
            ? `up to date (V${result.current}, ${executor.uri})\n`
            : `migrated to V${result.current} (${result.applied.length} applied, ${executor.uri})\n`,
        );
      } finally {
        await executor.close();
      }
    });
}
