// The migration runner's pure parts: statement splitting, file loading, and history checks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import {
  AppliedMigration,
  checksumOf,
  defaultMigrationsDir,
  loadMigrations,
  pendingMigrations,
  splitStatements,
} from '../../src/db/migrations';

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-migrations-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function migrationError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.MIGRATION);
    return error as AppError;
  }
  throw new Error('expected a MIGRATION error');
}

describe('Migrations: splitStatements', () => {
  it.each([
    [
      'one statement per line',
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\n',
      ['CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)', 'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)'],
    ],
    [
      'a statement over several lines',
      'CREATE FULLTEXT INDEX s IF NOT EXISTS\nFOR (n:A) ON EACH [n.x]\nOPTIONS {};\n',
      ['CREATE FULLTEXT INDEX s IF NOT EXISTS\nFOR (n:A) ON EACH [n.x]\nOPTIONS {}'],
    ],
    [
      'comment lines dropped',
      '// header\nRETURN 1;\n  // indented comment\nRETURN 2;',
      ['RETURN 1', 'RETURN 2'],
    ],
    ['a ; inside a line does not split', "RETURN 'a;b' AS x;\n", ["RETURN 'a;b' AS x"]],
    ['a last statement without ;', 'RETURN 1;\nRETURN 2\n', ['RETURN 1', 'RETURN 2']],
    ['CRLF line ends and trailing blanks', 'RETURN 1;  \r\nRETURN 2;\r\n', ['RETURN 1', 'RETURN 2']],
    ['nothing but comments', '// nothing\n\n', []],
  ])('splits %s', (_name, text, expected) => {
    expect(splitStatements(text)).toEqual(expected);
  });
});

describe('Migrations: loadMigrations', () => {
  it('orders by numeric version, not by file name, and records checksum and description', () => {
    const dir = tempDir({
      'V10__Later_one.cypher': 'RETURN 10;',
      'V9__Earlier.cypher': 'RETURN 9;',
      'notes.txt': 'ignored',
    });
    const files = loadMigrations(dir);
    expect(files.map((f) => [f.version, f.description, f.file, f.statements])).toEqual([
      [9, 'Earlier', 'V9__Earlier.cypher', ['RETURN 9']],
      [10, 'Later one', 'V10__Later_one.cypher', ['RETURN 10']],
    ]);
    expect(files[0].checksum).toBe(checksumOf('RETURN 9;'));
  });

  it.each([
    [
      'a badly named file',
      { 'V1_missing_underscore.cypher': 'RETURN 1;' },
      /not named V<version>__<Description>/,
    ],
    [
      'two files with one version',
      { 'V1__A.cypher': 'RETURN 1;', 'V001__B.cypher': 'RETURN 1;' },
      /same version 1/,
    ],
    ['an empty migration', { 'V1__Empty.cypher': '// nothing\n' }, /has no statements/],
  ])('refuses %s', (_name, files, message) => {
    expect(migrationError(() => loadMigrations(tempDir(files))).message).toMatch(message);
  });

  it('loads the project migrations: named schema statements, every one idempotent (IF [NOT] EXISTS)', () => {
    const files = loadMigrations(defaultMigrationsDir());
    expect(files.map((f) => f.version)).toEqual(files.map((_f, i) => i + 1));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const statement of files.flatMap((f) => f.statements)) {
      expect(statement).toMatch(
        /^(CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX|RANGE INDEX|TEXT INDEX) [a-z_]+ IF NOT EXISTS|DROP (INDEX|CONSTRAINT) [a-z_]+ IF EXISTS)\b/,
      );
    }
  });
});

describe('Migrations: pendingMigrations', () => {
  const dir = tempDir({
    'V1__A.cypher': 'RETURN 1;',
    'V2__B.cypher': 'RETURN 2;',
    'V3__C.cypher': 'RETURN 3;',
  });
  const files = loadMigrations(dir);
  const applied = (versions: number[], edits: Record<number, string> = {}): AppliedMigration[] =>
    versions.map((v) => ({
      version: v,
      description: 'x',
      checksum: edits[v] ?? files[v - 1].checksum,
      appliedAt: null,
    }));

  it.each([
    ['everything on a new database', [], [1, 2, 3]],
    ['the files after the applied ones', [1], [2, 3]],
    ['nothing when up to date', [1, 2, 3], []],
  ])('returns %s', (_name, done, expected) => {
    expect(pendingMigrations(files, applied(done), dir).map((f) => f.version)).toEqual(expected);
  });

  it('refuses an applied file whose checksum changed, naming the file', () => {
    const error = migrationError(() => pendingMigrations(files, applied([1, 2], { 2: 'f'.repeat(64) }), dir));
    expect(error.message).toMatch(/V2__B\.cypher was edited after it was applied/);
  });

  it('refuses an applied migration whose file is missing', () => {
    expect(
      migrationError(() => pendingMigrations(files.slice(0, 2), applied([1, 2, 3]), dir)).message,
    ).toMatch(/V003 \(x\) was applied .* missing/);
  });

  it('refuses a new file that sorts before an applied one', () => {
    expect(migrationError(() => pendingMigrations(files, applied([1, 3]), dir)).message).toMatch(
      /V2__B\.cypher is new but version 3 is already applied/,
    );
  });
});
