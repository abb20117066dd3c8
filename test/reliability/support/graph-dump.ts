// A canonical dump of the whole graph - every node (labels + sorted properties) and every
// relationship (type, both endpoints' keys, sorted properties) - and its sha256, to prove a run of
// hostile requests left the graph byte-for-byte unchanged. A node's key is its `id` property when it
// has one, else its canonical content (bookkeeping nodes).
import { createHash } from 'node:crypto';
import type { Executor } from '../../../src/db/executor';
import type { Plain } from '../../../src/db/values';
import { DUMP_NODES, DUMP_RELS } from './reliability.queries';

export function canonical(value: Plain | undefined): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface GraphDump {
  nodes: string[];
  relationships: string[];
  sha256: string;
}

export async function dumpGraph(executor: Executor): Promise<GraphDump> {
  const nodeRows = await executor.read(DUMP_NODES);
  const relRows = await executor.read(DUMP_RELS);
  const keyOf = new Map<string, string>();
  const nodes = nodeRows.map((row) => {
    const labels = [...(row.labels as string[])].sort();
    const props = row.props as { [k: string]: Plain };
    const line = `(${labels.join(':')} ${canonical(props)})`;
    keyOf.set(String(row.eid), typeof props.id === 'string' ? `${labels.join(':')}#${props.id}` : line);
    return line;
  });
  const relationships = relRows.map(
    (row) =>
      `[${keyOf.get(String(row.a))}]-[:${String(row.type)} ${canonical(row.props)}]->[${keyOf.get(String(row.b))}]`,
  );
  nodes.sort();
  relationships.sort();
  const sha256 = createHash('sha256')
    .update(nodes.join('\n'))
    .update('\n--\n')
    .update(relationships.join('\n'))
    .digest('hex');
  return { nodes, relationships, sha256 };
}
