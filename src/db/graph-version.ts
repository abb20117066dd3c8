// Reading and bumping the graph version (graph-version.queries.ts). A write path either appends
// GRAPH_VERSION_BUMP to its statement or, in a transaction of several statements, calls
// bumpGraphVersion(tx) as the transaction's last statement.
import type { Executor, WriteTx } from './executor';
import { BUMP_GRAPH_VERSION, READ_GRAPH_VERSION } from './graph-version.queries';

/** `<epoch>:<counter>`, or `none` before the first versioned write; equal strings mean an unchanged graph. */
export type GraphVersion = string;

export const NO_GRAPH_VERSION: GraphVersion = 'none';

/** Bumps the version inside `tx`; call it last, after the transaction's writes (see GRAPH_VERSION_BUMP). */
export async function bumpGraphVersion(tx: WriteTx): Promise<void> {
  await tx.run(BUMP_GRAPH_VERSION);
}

/** The current version: one statement, one node. */
export async function readGraphVersion(executor: Executor, timeoutMs = 5_000): Promise<GraphVersion> {
  const [row] = await executor.read(READ_GRAPH_VERSION, {}, { operation: 'graphVersion.read', timeoutMs });
  if (!row || row.epoch === null || row.version === null) return NO_GRAPH_VERSION;
  return `${String(row.epoch)}:${String(row.version)}`;
}
