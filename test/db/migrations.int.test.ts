// `migrate` against a real Neo4j of this file's own (fresh data, a free port), because these tests
// rewrite the migration history that every other test file relies on.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readGraphVersion } from '../../src/db/graph-version';
import { defaultMigrationsDir, forceUnlock, loadMigrations, migrate } from '../../src/db/migrations';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import {
  cleanDatabase,
  OwnServer,
  startOwnServer,
  TEST_READ_TIMEOUT_MS,
  TEST_SERVER_START_TIMEOUT_MS,
} from '../support/neo4j';
import {
  CONSTRAINT_NAMES,
  COUNT_NODES,
  CREATE_DOMAIN,
  DROP_TEST_INDEX_A,
  DROP_TEST_INDEX_B,
  FORGET_MIGRATIONS_ABOVE,
  INDEXES,
  LOCKS,
  MIGRATIONS,
  PLANT_LOCK,
} from './db-test.queries';

jest.setTimeout(TEST_SERVER_START_TIMEOUT_MS + 60_000);

/** A copy of the project's migrations plus extra files (name -> content), in a temp folder. */
function migrationsDir(extra: Record<string, string> = {}, edit?: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-migrate-'));
  for (const name of fs.readdirSync(defaultMigrationsDir()))
    fs.copyFileSync(path.join(defaultMigrationsDir(), name), path.join(dir, name));
  for (const [name, content] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), content);
  edit?.(dir);
  return dir;
}

async function migrationError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(ErrorCode.MIGRATION);
  return error as AppError;
}

describe('Migrations: migrate on a real Neo4j', () => {
  let server: OwnServer;
  const projectFiles = loadMigrations();
  const latest = projectFiles[projectFiles.length - 1].version;

  beforeAll(async () => {
    server = await startOwnServer('neo4j-test-migrations');
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    // Back to "project migrations applied": forget test versions, drop test indexes, no lock.
    await server.executor.write(FORGET_MIGRATIONS_ABOVE, { version: latest });
    await server.executor.write(DROP_TEST_INDEX_A);
    await server.executor.write(DROP_TEST_INDEX_B);
    await forceUnlock(server.executor);
  });

  it('applies every migration in version order on an empty database and records version, checksum, description', async () => {
    expect(await readGraphVersion(server.executor, TEST_READ_TIMEOUT_MS)).toBe('none');
    const applied: number[] = [];
    const result = await migrate(server.executor, undefined, { onApplied: (m) => applied.push(m.version) });
    // each applied migration bumped the graph version once (with its record), nothing else writes here
    expect(await readGraphVersion(server.executor, TEST_READ_TIMEOUT_MS)).toMatch(
      new RegExp(`^[0-9a-f-]{36}:${projectFiles.length}$`),
    );
    expect(result.upToDate).toBe(false);
    expect(result.current).toBe(latest);
    expect(applied).toEqual(projectFiles.map((f) => f.version));
    expect(await server.executor.read(MIGRATIONS)).toEqual(
      projectFiles.map((f) => ({ version: f.version, checksum: f.checksum, description: f.description })),
    );
    const [{ names }] = await server.executor.read(CONSTRAINT_NAMES);
    expect(names).toEqual(
      expect.arrayContaining([
        'paper_id_unique',
        'method_id_unique',
        'dataset_id_unique',
        'task_id_unique',
        'concept_id_unique',
        'repo_id_unique',
        '__graph_version_id_unique',
      ]),
    );
    const indexes = await server.executor.read(INDEXES);
    expect(indexes).toEqual(
      expect.arrayContaining([
        { name: 'entity_search', type: 'FULLTEXT', state: 'ONLINE' },
        { name: 'paper_year', type: 'RANGE', state: 'ONLINE' },
        { name: 'builds_on_paper_id', type: 'RANGE', state: 'ONLINE' },
      ]),
    );
    expect(await server.executor.read(LOCKS)).toEqual([]);
  });

  it('is a no-op the second time', async () => {
    const before = await server.executor.read(MIGRATIONS);
    const version = await readGraphVersion(server.executor, TEST_READ_TIMEOUT_MS);
    const result = await migrate(server.executor);
    expect(result).toEqual({ applied: [], current: latest, upToDate: true });
    expect(await server.executor.read(MIGRATIONS)).toEqual(before);
    expect(await readGraphVersion(server.executor, TEST_READ_TIMEOUT_MS)).toBe(version);
  });

  it('refuses an applied migration that was edited, and changes nothing', async () => {
    const before = await server.executor.read(MIGRATIONS);
    const dir = migrationsDir(
      { 'V900__Test_probe.cypher': 'CREATE INDEX test_probe_a IF NOT EXISTS FOR (n:TestProbe) ON (n.a);\n' },
      (d) => fs.appendFileSync(path.join(d, projectFiles[0].file), '// an innocent-looking edit\n'),
    );
    const error = await migrationError(migrate(server.executor, dir));
    expect(error.message).toContain(`${projectFiles[0].file} was edited after it was applied`);
    expect(await server.executor.read(MIGRATIONS)).toEqual(before);
    expect((await server.executor.read(INDEXES)).map((i) => i.name)).not.toContain('test_probe_a');
    expect(await server.executor.read(LOCKS)).toEqual([]);
  });

  it('refuses when an applied migration file is missing', async () => {
    const dir = migrationsDir({}, (d) => fs.rmSync(path.join(d, projectFiles[1].file)));
    expect((await migrationError(migrate(server.executor, dir))).message).toMatch(
      /was applied to this database but its file is missing/,
    );
  });

  it('applies a new migration, then refuses one that sorts before it', async () => {
    const dir = migrationsDir({
      'V902__Probe_b.cypher': 'CREATE INDEX test_probe_b IF NOT EXISTS FOR (n:TestProbe) ON (n.b);\n',
    });
    const version = await readGraphVersion(server.executor, TEST_READ_TIMEOUT_MS);
    const result = await migrate(server.executor, dir);
    expect(result.applied.map((m) => m.file)).toEqual(['V902__Probe_b.cypher']);
    expect(await readGraphVersion(server.executor, TEST_READ_TIMEOUT_MS)).not.toBe(version);
    expect((await server.executor.read(INDEXES)).map((i) => i.name)).toContain('test_probe_b');
    fs.writeFileSync(
      path.join(dir, 'V901__Probe_a.cypher'),
      'CREATE INDEX test_probe_a IF NOT EXISTS FOR (n:TestProbe) ON (n.a);\n',
    );
    expect((await migrationError(migrate(server.executor, dir))).message).toMatch(
      /V901__Probe_a\.cypher is new but version 902 is already applied/,
    );
  });

  it('does not record a migration whose statement fails, releases the lock, and applies it once fixed', async () => {
    const dir = migrationsDir({
      'V903__Broken.cypher':
        'CREATE INDEX test_probe_a IF NOT EXISTS FOR (n:TestProbe) ON (n.a);\nCREATE NONSENSE;\n',
    });
    await expect(migrate(server.executor, dir)).rejects.toBeInstanceOf(AppError);
    expect((await server.executor.read(MIGRATIONS)).map((m) => m.version)).not.toContain(903);
    expect(await server.executor.read(LOCKS)).toEqual([]);
    fs.writeFileSync(
      path.join(dir, 'V903__Broken.cypher'),
      'CREATE INDEX test_probe_a IF NOT EXISTS FOR (n:TestProbe) ON (n.a);\n',
    );
    expect((await migrate(server.executor, dir)).applied.map((m) => m.version)).toEqual([903]);
  });

  it('lets only one of several concurrent runs apply a migration; the others wait and find it applied', async () => {
    const dir = migrationsDir({
      'V904__Probe_a.cypher': 'CREATE INDEX test_probe_a IF NOT EXISTS FOR (n:TestProbe) ON (n.a);\n',
    });
    const results = await Promise.all([1, 2, 3].map(() => migrate(server.executor, dir)));
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 1]);
    expect((await server.executor.read(MIGRATIONS)).filter((m) => m.version === 904)).toHaveLength(1);
    expect(await server.executor.read(LOCKS)).toEqual([]);
  });

  it('refuses to run while another run holds the lock, and says how to remove a stale one', async () => {
    await server.executor.write(PLANT_LOCK);
    const error = await migrationError(migrate(server.executor, undefined, { lockTimeoutMs: 500 }));
    expect(error.message).toMatch(
      /Another migration run holds the lock \(owner crashed-run, since .*\).*papergraph migrate --unlock/,
    );
    expect(await forceUnlock(server.executor)).toBe(true);
    expect((await migrate(server.executor)).upToDate).toBe(true);
  });

  it('cleanDatabase deletes domain nodes and keeps the migration history', async () => {
    await server.executor.write(CREATE_DOMAIN);
    const history = await server.executor.read(MIGRATIONS);
    expect(await cleanDatabase(server.executor)).toBe(2);
    expect(await server.executor.read(COUNT_NODES)).toEqual([
      { label: '__GraphVersion', count: 1 },
      { label: '__Migration', count: history.length },
    ]);
  });
});
