// Helpers of the ingest integration tests: an executor on the test server, the schema (migrations),
// canonical dumps of what a test wrote (sorted, timestamps left out), and cleanup.
import type { Executor, Row } from '../../src/db/executor';
import { migrate } from '../../src/db/migrations';
import { assertReachable } from '../support/neo4j';
import type { Plain } from '../../src/db/values';
import {
  ALL_NODES,
  ALL_RELS,
  CLEANUP_PAPERS,
  CLEANUP_RELS,
  SCOPED_PAPERS,
  SCOPED_RELS,
} from './ingest-test.queries';

/** Properties that record when, not what: left out of canonical dumps. */
const VOLATILE = new Set(['ingestedAt']);

/** An executor on the integration tests' server (the one jest's global setup started). */
export { testExecutor } from '../support/neo4j';

/** Applies the schema (the project's migrations), after checking the test server answers. */
export async function applySchema(executor: Executor): Promise<void> {
  await assertReachable(executor);
  await migrate(executor);
}

function canonical(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => !VOLATILE.has(k))
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function nodeLine(labels: Plain, props: Plain): string {
  return `(${canonical(labels)} ${canonical(props)})`;
}

/** Sorted lines: one per node and per relationship, properties included (ingestedAt excluded). */
export async function scopedDump(executor: Executor, paperIds: string[]): Promise<string[]> {
  const papers = await executor.read(SCOPED_PAPERS, { ids: paperIds });
  const rels = await executor.read(SCOPED_RELS, { ids: paperIds });
  const lines = new Set<string>();
  for (const p of papers) lines.add(nodeLine(p.labels, p.props));
  const relLines: string[] = [];
  for (const r of rels) {
    lines.add(nodeLine(r.aLabels, r.aProps));
    lines.add(nodeLine(r.bLabels, r.bProps));
    const a = r.aProps as { id: string };
    const b = r.bProps as { id: string };
    relLines.push(`${a.id}-[${String(r.type)} ${canonical(r.props)}]->${b.id}`);
  }
  return [...[...lines].sort(), ...relLines.sort()];
}

/** The whole graph as sorted lines (for a test's own server). */
export async function fullDump(executor: Executor): Promise<string[]> {
  const nodes: Row[] = await executor.read(ALL_NODES);
  const rels: Row[] = await executor.read(ALL_RELS);
  return [
    ...nodes.map((n) => nodeLine(n.labels, n.props)).sort(),
    ...rels.map((r) => `${String(r.from)}-[${String(r.type)} ${canonical(r.props)}]->${String(r.to)}`).sort(),
  ];
}

export async function cleanup(executor: Executor, paperIds: string[]): Promise<void> {
  await executor.write(CLEANUP_RELS, { ids: paperIds });
  await executor.write(CLEANUP_PAPERS, { ids: paperIds });
}
