// Java and Maven checks for the local Neo4j server, with messages that say how to fix a missing tool.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

export const MIN_JAVA_MAJOR = 17;

const INSTALL_HINT =
  'Install Java 17+ and Maven (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless maven`), ' +
  'or skip the local server: run Neo4j with `docker compose up` or point NEO4J_URI at an existing Neo4j 5.26.';

/** The java executable: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` from PATH. */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JAVA_HOME) {
    const candidate = path.join(env.JAVA_HOME, 'bin', 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

/** Parses the major version out of `java -version` output (`"17.0.15"` -> 17, `"1.8.0_402"` -> 8). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

/** Returns the java executable after checking it exists and is Java 17 or newer. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): { java: string; major: number } {
  const java = javaExecutable(env);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `Java was not found (${java}): the local Neo4j server needs Java ${MIN_JAVA_MAJOR}+. ${INSTALL_HINT}`,
    );
  }
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const major = parseJavaMajor(output);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `The local Neo4j 5.26 server needs Java ${MIN_JAVA_MAJOR}+, but \`${java} -version\` says: ${output.split('\n')[0] || 'nothing'}. ` +
        `Set JAVA_HOME to a Java ${MIN_JAVA_MAJOR}+ installation. ${INSTALL_HINT}`,
    );
  }
  return { java, major };
}

/** Throws a CONFIGURATION error with install instructions when `mvn` is not on PATH. */
export function checkMaven(): string {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `Maven (mvn) was not found: it downloads the Neo4j server jars from Maven Central on first start. ${INSTALL_HINT}`,
    );
  }
  return 'mvn';
}
