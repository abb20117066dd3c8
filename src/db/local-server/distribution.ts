// Resolves the Neo4j server jars once into a shared folder (`<dist>/lib`) with Maven
// (`mvn -f neo4j/pom.xml package`), reused by every local instance. Resolution goes to a temporary
// folder first and is renamed into place, so concurrent starts never see a half-copied lib.
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { packageRoot } from './package-root';
import { checkMaven } from './toolchain';

const MARKER = 'papergraph-dist.json';

export function defaultDistDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERGRAPH_NEO4J_DIST
    ? path.resolve(env.PAPERGRAPH_NEO4J_DIST)
    : path.join(packageRoot(), '.papergraph', 'neo4j-dist');
}

function pomPath(...parts: string[]): string {
  return path.join(packageRoot(), 'neo4j', ...parts);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** True when `<dist>/lib` was resolved from the current neo4j/pom.xml. */
export function isDistReady(distDir: string): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(distDir, MARKER), 'utf8')) as { pomSha256?: string };
    return (
      marker.pomSha256 === sha256(pomPath('pom.xml')) &&
      fs.readdirSync(path.join(distDir, 'lib')).some((f) => f.endsWith('.jar'))
    );
  } catch {
    return false;
  }
}

/** Runs `mvn -B -q -f <pom> -Dneo4j.home=<home> package`; rejects with Maven's output on failure. */
export function runMaven(pom: string, home: string): Promise<void> {
  checkMaven();
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', ['-B', '-q', '-f', pom, `-Dneo4j.home=${home}`, 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) =>
      reject(
        new AppError(ErrorCode.CONFIGURATION, `Could not run Maven: ${error.message}`, { cause: error }),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(
        new AppError(
          ErrorCode.CONFIGURATION,
          `Maven could not resolve the Neo4j jars (mvn exit ${code}; it needs Maven Central, https://repo.maven.apache.org, once). ` +
            `Last lines:\n${tail}`,
        ),
      );
    });
  });
}

/**
 * Makes sure `<distDir>/lib` holds the server jars of neo4j/pom.xml; resolves them with Maven when
 * missing or when the pom changed. Returns the lib folder and whether Maven ran.
 */
export async function ensureDistribution(distDir: string): Promise<{ lib: string; resolved: boolean }> {
  const lib = path.join(distDir, 'lib');
  if (isDistReady(distDir)) return { lib, resolved: false };
  fs.mkdirSync(distDir, { recursive: true });
  const staging = path.join(distDir, `.staging-${process.pid}-${Date.now()}`);
  try {
    await runMaven(pomPath('pom.xml'), staging);
    if (isDistReady(distDir)) return { lib, resolved: false }; // another process won the race
    const old = path.join(distDir, `.old-${process.pid}-${Date.now()}`);
    if (fs.existsSync(lib)) fs.renameSync(lib, old);
    fs.renameSync(path.join(staging, 'lib'), lib);
    fs.writeFileSync(
      path.join(distDir, MARKER),
      JSON.stringify(
        {
          pomSha256: sha256(pomPath('pom.xml')),
          resolvedAt: new Date().toISOString(),
          jars: fs.readdirSync(lib).length,
        },
        null,
        2,
      ) + '\n',
    );
    fs.rmSync(old, { recursive: true, force: true });
    return { lib, resolved: true };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Copies APOC core (+ its runtime deps) into `<home>/plugins` via neo4j/apoc/pom.xml, once per instance. */
export async function ensureApoc(home: string): Promise<boolean> {
  const plugins = path.join(home, 'plugins');
  if (fs.existsSync(plugins) && fs.readdirSync(plugins).some((f) => /^apoc-core-.*\.jar$/.test(f)))
    return false;
  await runMaven(pomPath('apoc', 'pom.xml'), home);
  return true;
}
