// The CLI shell: help on every command, version, exit codes, and clean error output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { buildProgram, main } from '../../src/cli/main';
import { packageRoot } from '../../src/db/local-server/package-root';
import { DEFAULT_WRITE_CONCURRENCY } from '../../src/ingest/ingest.service';

async function run(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    process.exitCode = undefined;
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = undefined;
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Every command path in the program, e.g. ['db', 'start']. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

describe('CLI: papergraph', () => {
  const paths = commandPaths(buildProgram());

  it('has the commands of the contract', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining([
        'extract',
        'ingest',
        'curate',
        'export',
        'import',
        'migrate',
        'serve',
        'db',
        'db start',
        'db stop',
        'db status',
        'start',
      ]),
    );
  });

  it.each([[[] as string[]], ...paths.map((p) => [p])])(
    'prints help for "%s" with exit code 0',
    async (commandPath) => {
      const { code, stdout } = await run([...commandPath, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: papergraph${commandPath.length ? ` ${commandPath.join(' ')}` : ''}`);
    },
  );

  it('ingest takes the writer options (batch size, concurrent batch writes)', async () => {
    const { code, stdout } = await run(['ingest', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--batch-size <n>/);
    expect(stdout).toMatch(
      new RegExp(`--write-concurrency <n>.*\\(default: ${DEFAULT_WRITE_CONCURRENCY}\\)`, 's'),
    );
  });

  it('prints the package.json version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      version: string;
    };
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('exits 1 on an unknown command', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('prints a coded error without a stack trace', async () => {
    const { code, stderr } = await run(['migrate'], { NEO4J_URI: 'localhost:7687', DEBUG: undefined });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `papergraph: NEO4J_URI="localhost:7687" has scheme "localhost"; expected one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc. [CONFIGURATION]\n`,
    );
  });

  it.each([
    ['--verbose', ['db', 'start', '--port', '70000', '--verbose'], {}],
    ['DEBUG=papergraph', ['db', 'start', '--port', '70000'], { DEBUG: 'papergraph' }],
  ])('adds the stack trace with %s', async (_name, argv, env) => {
    const { code, stderr } = await run(argv, env);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^papergraph: --port must be an integer between 1 and 65535 \(got 70000\)\. \[CONFIGURATION\]\n/,
    );
    expect(stderr).toMatch(/\n\s+at .*local-server/);
  });
});
