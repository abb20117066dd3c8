// Versioned schema migrations (`papergraph migrate`): applies migrations/V<n>__<Description>.cypher in
// version order, records each as (:__Migration {version, description, checksum, appliedAt}), guards
// concurrent runs with a (:__MigrationLock) node under a unique constraint, is a no-op when up to
// date, and refuses to run when an applied file was edited, deleted, or a new file sorts before it.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Executor } from './executor';
import { packageRoot } from './local-server/package-root';
import {
  ACQUIRE_LOCK,
  APPLIED_MIGRATIONS,
  AWAIT_INDEXES,
  BOOTSTRAP_STATEMENTS,
  FORCE_RELEASE_LOCK,
  RECORD_MIGRATION,
  RELEASE_LOCK,
} from './migrations.queries';

const FILE_PATTERN = /^V(\d+)__([A-Za-z0-9_]+)\.cypher$/;
const LOCK_NAME = 'migrate';
/**
 * Database time limit for the runner's own statements. Generous: on a server that just started (and
 * on a busy machine) the first writes wait for the bootstrap constraints' indexes to come online.
 */
const BOOKKEEPING_TIMEOUT_MS = 120_000;
const STATEMENT_TIMEOUT_MS = 300_000;

export interface MigrationFile {
  version: number;
  /** From the file name, underscores as spaces: `V001__Entity_constraints` -> "Entity constraints". */
  description: string;
  file: string;
  /** sha256 of the file's bytes. */
  checksum: string;
  statements: string[];
}

export interface AppliedMigration {
  version: number;
  description: string;
  checksum: string;
  appliedAt: string | null;
}

export interface MigrateResult {
  /** Migrations applied by this run, in order (empty when up to date). */
  applied: MigrationFile[];
  /** Highest applied version after this run (0 when there are none). */
  current: number;
  upToDate: boolean;
}

export interface MigrateOptions {
  /** How long to wait for another run's lock before failing (default 30 s). */
  lockTimeoutMs?: number;
  /** Called after each applied migration (CLI progress). */
  onApplied?: (migration: MigrationFile) => void;
}

export function defaultMigrationsDir(): string {
  return path.join(packageRoot(), 'migrations');
}

/**
 * Splits a migration into statements: `//` comment lines are dropped and a statement ends with a
 * `;` at the end of a line (so `;` inside a string on one line does not split it).
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('//')) continue;
    const end = /;\s*$/.test(line);
    current.push(end ? line.replace(/;\s*$/, '') : line);
    if (end) {
      const statement = current.join('\n').trim();
      if (statement) statements.push(statement);
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest) statements.push(rest);
  return statements;
}

export function checksumOf(content: Buffer | string): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

/** Reads and orders the migration files; rejects bad names and duplicate versions. */
export function loadMigrations(dir: string = defaultMigrationsDir()): MigrationFile[] {
  if (!fs.existsSync(dir))
    throw new AppError(ErrorCode.MIGRATION, `Migrations folder ${dir} does not exist.`);
  const files: MigrationFile[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.cypher')) continue;
    const match = FILE_PATTERN.exec(name);
    if (!match) {
      throw new AppError(
        ErrorCode.MIGRATION,
        `Migration file ${path.join(dir, name)} is not named V<version>__<Description>.cypher (e.g. V004__Add_year_index.cypher).`,
      );
    }
    const content = fs.readFileSync(path.join(dir, name));
    const statements = splitStatements(content.toString('utf8'));
    if (statements.length === 0)
      throw new AppError(ErrorCode.MIGRATION, `Migration ${name} has no statements.`);
    files.push({
      version: Number(match[1]),
      description: match[2].replace(/_/g, ' '),
      file: name,
      checksum: checksumOf(content),
      statements,
    });
  }
  files.sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    if (files[i].version === files[i - 1].version) {
      throw new AppError(
        ErrorCode.MIGRATION,
        `Migrations ${files[i - 1].file} and ${files[i].file} have the same version ${files[i].version}.`,
      );
    }
  }
  return files;
}

export async function appliedMigrations(executor: Executor): Promise<AppliedMigration[]> {
  const rows = await executor.read(
    APPLIED_MIGRATIONS,
    {},
    { operation: 'migrate.applied', timeoutMs: BOOKKEEPING_TIMEOUT_MS },
  );
  return rows.map((r) => ({
    version: Number(r.version),
    description: String(r.description),
    checksum: String(r.checksum),
    appliedAt: r.appliedAt === null ? null : String(r.appliedAt),
  }));
}

/** Which files still need applying; throws MIGRATION when the history and the folder disagree. */
export function pendingMigrations(
  files: MigrationFile[],
  applied: AppliedMigration[],
  dir: string,
): MigrationFile[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const done of applied) {
    const file = byVersion.get(done.version);
    if (!file) {
      throw new AppError(
        ErrorCode.MIGRATION,
        `Migration V${pad(done.version)} (${done.description}) was applied to this database but its file is missing from ${dir}. Restore the file (applied migrations are immutable) or use a database it was never applied to.`,
      );
    }
    if (file.checksum !== done.checksum) {
      throw new AppError(
        ErrorCode.MIGRATION,
        `Migration ${file.file} was edited after it was applied (checksum ${short(done.checksum)} in the database, ${short(file.checksum)} on disk). Applied migrations are immutable: revert the edit and put the change in a new migration with a higher version.`,
      );
    }
  }
  const appliedVersions = new Set(applied.map((a) => a.version));
  const latest = applied.reduce((max, a) => Math.max(max, a.version), 0);
  const pending = files.filter((f) => !appliedVersions.has(f.version));
  const outOfOrder = pending.find((f) => f.version < latest);
  if (outOfOrder) {
    throw new AppError(
      ErrorCode.MIGRATION,
      `Migration ${outOfOrder.file} is new but version ${latest} is already applied; give it a version above ${latest} so every database applies migrations in the same order.`,
    );
  }
  return pending;
}

/**
 * Applies pending migrations under the lock. Each statement runs in its own write transaction
 * (Neo4j does not mix schema and data changes in one); then the version is recorded. Statements
 * are `IF NOT EXISTS`, so a run interrupted half-way can be repeated.
 */
export async function migrate(
  executor: Executor,
  dir: string = defaultMigrationsDir(),
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const files = loadMigrations(dir);
  for (const statement of BOOTSTRAP_STATEMENTS)
    await executor.write(
      statement,
      {},
      { operation: 'migrate.bootstrap', timeoutMs: BOOKKEEPING_TIMEOUT_MS },
    );
  // The lock's atomicity rests on its constraint: wait until the constraint's index is online.
  await executor.write(
    AWAIT_INDEXES,
    { seconds: 120 },
    { operation: 'migrate.awaitIndexes', timeoutMs: BOOKKEEPING_TIMEOUT_MS + 10_000 },
  );
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  await acquireLock(executor, owner, options.lockTimeoutMs ?? 30_000);
  try {
    const applied = await appliedMigrations(executor);
    const pending = pendingMigrations(files, applied, dir);
    for (const migration of pending) {
      for (const statement of migration.statements) {
        await executor.write(
          statement,
          {},
          { operation: `migrate.V${pad(migration.version)}`, timeoutMs: STATEMENT_TIMEOUT_MS },
        );
      }
      await executor.write(
        RECORD_MIGRATION,
        {
          version: migration.version,
          description: migration.description,
          checksum: migration.checksum,
          file: migration.file,
          statements: migration.statements.length,
        },
        { operation: 'migrate.record', timeoutMs: BOOKKEEPING_TIMEOUT_MS },
      );
      options.onApplied?.(migration);
    }
    if (pending.length > 0)
      await executor.write(
        AWAIT_INDEXES,
        { seconds: 300 },
        { operation: 'migrate.awaitIndexes', timeoutMs: STATEMENT_TIMEOUT_MS + 10_000 },
      );
    const current = Math.max(0, ...applied.map((a) => a.version), ...pending.map((p) => p.version));
    return { applied: pending, current, upToDate: pending.length === 0 };
  } finally {
    await executor.write(
      RELEASE_LOCK,
      { name: LOCK_NAME, owner },
      { operation: 'migrate.unlock', timeoutMs: BOOKKEEPING_TIMEOUT_MS },
    );
  }
}

async function acquireLock(executor: Executor, owner: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await executor.write(
      ACQUIRE_LOCK,
      { name: LOCK_NAME, owner },
      { operation: 'migrate.lock', timeoutMs: BOOKKEEPING_TIMEOUT_MS },
    );
    if (row?.acquired === true) return;
    if (Date.now() >= deadline) {
      throw new AppError(
        ErrorCode.MIGRATION,
        `Another migration run holds the lock (owner ${String(row?.owner)}, since ${String(row?.acquiredAt)}). Wait for it to finish; if no migration is running (a run crashed), remove the stale lock with \`papergraph migrate --unlock\`.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Deletes the lock whatever its owner (for a crashed run); returns whether there was one. */
export async function forceUnlock(executor: Executor): Promise<boolean> {
  const [row] = await executor.write(
    FORCE_RELEASE_LOCK,
    { name: LOCK_NAME },
    { operation: 'migrate.forceUnlock', timeoutMs: BOOKKEEPING_TIMEOUT_MS },
  );
  return Number(row?.removed ?? 0) > 0;
}

function pad(version: number): string {
  return String(version).padStart(3, '0');
}

function short(checksum: string): string {
  return checksum.slice(0, 12);
}
