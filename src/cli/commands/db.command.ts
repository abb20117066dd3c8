// `papergraph db start|stop|status`: the local Neo4j server without Docker (src/db/local-server.ts).
import { Command, Option } from 'commander';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import {
  installLocalServer,
  LocalServerOptions,
  localServerStatus,
  startLocalServer,
  stopLocalServer,
} from '../../db/local-server';
import { createSpinner } from '../spinner';

interface DbFlags {
  port?: string;
  home?: string;
  apoc?: boolean;
  pagecache?: string;
  heap?: string;
  timeout?: string;
  json?: boolean;
}

function parseIntFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError(ErrorCode.CONFIGURATION, `${name} must be a positive integer (got "${value}").`);
  return n;
}

function toOptions(flags: DbFlags): LocalServerOptions {
  const timeout = parseIntFlag('--timeout', flags.timeout);
  return {
    port: parseIntFlag('--port', flags.port),
    home: flags.home,
    apoc: flags.apoc,
    pagecache: flags.pagecache,
    heap: flags.heap,
    startTimeoutMs: timeout === undefined ? undefined : timeout * 1000,
  };
}

function instanceFlags(command: Command, portHelp: string): Command {
  return command
    .option('--port <n>', portHelp)
    .option(
      '--home <dir>',
      'instance folder: conf, data, logs (default .papergraph/neo4j, env PAPERGRAPH_NEO4J_HOME)',
    );
}

export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description(
      'Run a local Neo4j 5.26 server without Docker (Java 17+ and Maven; loopback only, auth disabled).',
    )
    .addHelpText(
      'after',
      '\nJars are resolved once from Maven Central into .papergraph/neo4j-dist (env PAPERGRAPH_NEO4J_DIST).\nWithout Java/Maven: use `docker compose up` or point NEO4J_URI at an existing Neo4j.',
    );

  instanceFlags(
    db
      .command('start')
      .description('Start the server in the background; returns once Bolt answers (no-op when running).'),
    'Bolt port on 127.0.0.1 (default 7687)',
  )
    .option('--apoc', 'also install APOC core into <home>/plugins (only the API benchmark needs it)')
    .addOption(
      new Option('--pagecache <size>', 'page cache size, e.g. 256m (env PAPERGRAPH_NEO4J_PAGECACHE)'),
    )
    .addOption(new Option('--heap <size>', 'max java heap, e.g. 1g (env PAPERGRAPH_NEO4J_HEAP)'))
    .option('--timeout <seconds>', 'how long to wait for Bolt', '120')
    .action(async (flags: DbFlags) => {
      const spinner = createSpinner();
      try {
        const result = await startLocalServer({ ...toOptions(flags), onProgress: (m) => spinner.update(m) });
        spinner.stop(
          result.alreadyRunning
            ? `Neo4j already running at ${result.uri} (pid ${result.pid}, home ${result.home})`
            : `Neo4j started at ${result.uri} in ${(result.elapsedMs / 1000).toFixed(1)} s (pid ${result.pid}, home ${result.home}, log ${result.logFile})`,
        );
      } catch (error) {
        spinner.stop();
        throw error;
      }
    });

  db.command('install')
    .description(
      'Resolve the Neo4j server jars with Maven into the shared dist folder, without starting a server (CI caches, offline use).',
    )
    .action(async () => {
      const spinner = createSpinner();
      try {
        spinner.update('resolving Neo4j jars with Maven');
        const dist = await installLocalServer();
        spinner.stop(
          dist.resolved ? `Neo4j jars resolved into ${dist.lib}` : `Neo4j jars already in ${dist.lib}`,
        );
      } catch (error) {
        spinner.stop();
        throw error;
      }
    });

  instanceFlags(
    db.command('stop').description('Stop the server (SIGTERM; SIGKILL with a warning after --timeout).'),
    'ignored: the instance is found by --home',
  )
    .option('--timeout <seconds>', 'how long to wait for a clean shutdown', '60')
    .action(async (flags: DbFlags) => {
      const timeout = parseIntFlag('--timeout', flags.timeout);
      const result = await stopLocalServer({
        home: flags.home,
        stopTimeoutMs: timeout === undefined ? undefined : timeout * 1000,
      });
      if (result.killed)
        process.stderr.write(
          `warning: Neo4j (pid ${result.pid}) did not stop in time and was killed (SIGKILL)\n`,
        );
      if (result.wasRunning) process.stdout.write(`Neo4j stopped (pid ${result.pid}, home ${result.home})\n`);
      else if (result.stalePidFile)
        process.stdout.write(
          `Neo4j was not running (removed a stale pid file for pid ${result.pid} in ${result.home})\n`,
        );
      else process.stdout.write(`Neo4j was not running (home ${result.home})\n`);
    });

  instanceFlags(
    db
      .command('status')
      .description(
        'Say where the server is, its pid, and whether Bolt answers (exit 0 when it answers, 1 otherwise).',
      ),
    "Bolt port (default: the running instance's, else 7687)",
  )
    .option('--json', 'print a JSON object instead')
    .action(async (flags: DbFlags) => {
      const status = await localServerStatus({ home: flags.home, port: parseIntFlag('--port', flags.port) });
      if (flags.json) {
        process.stdout.write(JSON.stringify(status) + '\n');
      } else {
        const lines = [
          `home:      ${status.home}`,
          `uri:       ${status.uri}`,
          `process:   ${status.running ? `running (pid ${status.pid})` : 'not running'}`,
          `bolt:      ${status.answering ? `answering (Neo4j ${status.version} ${status.edition})` : 'not answering'}`,
          `log:       ${status.logFile}`,
        ];
        process.stdout.write(lines.join('\n') + '\n');
      }
      if (!status.answering) process.exitCode = 1;
    });
}
