// The reliability suite's own Neo4j (NEO4J_TEST_PORT / NEO4J_TEST_HOME, default 7693 and
// .papergraph/neo4j-test-hardening), migrated and loaded with the bundled sample corpus.
import * as path from 'node:path';
import { Executor } from '../../../src/db/executor';
import { startLocalServer, stopLocalServer } from '../../../src/db/local-server';
import { migrate } from '../../../src/db/migrations';
import { ingestSampleIfEmpty } from '../../../src/ingest/sample';

export const ROOT = path.resolve(__dirname, '../../..');

export function testPort(): number {
  return Number(process.env.NEO4J_TEST_PORT ?? 7693);
}

export function testHome(): string {
  return path.resolve(ROOT, process.env.NEO4J_TEST_HOME ?? '.papergraph/neo4j-test-hardening');
}

/** How long a Neo4j start may take (NEO4J_TEST_START_TIMEOUT_MS): wide, a busy 2-core machine is slow. */
export const START_TIMEOUT_MS = Number(process.env.NEO4J_TEST_START_TIMEOUT_MS ?? 300_000);

export function testUri(port = testPort()): string {
  return `bolt://127.0.0.1:${port}`;
}

export function testExecutor(port = testPort(), queryTimeoutMs?: number): Executor {
  return new Executor(
    { uri: testUri(port) },
    { maxRetryTimeMs: 2_000, connectionTimeoutMs: 3_000, queryTimeoutMs },
  );
}

/** Starts (or reuses) an instance, migrates it and loads the sample corpus when it has no papers. */
export async function startLoadedInstance(port: number, home: string): Promise<void> {
  await startLocalServer({ port, home, heap: '1g', pagecache: '256m', startTimeoutMs: START_TIMEOUT_MS });
  const executor = testExecutor(port);
  try {
    await migrate(executor);
    await ingestSampleIfEmpty(executor);
  } finally {
    await executor.close();
  }
}

export async function stopInstance(home: string): Promise<void> {
  await stopLocalServer({ home });
}
