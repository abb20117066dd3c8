// Cypher for `Query.path`: one shortestPath over any relationship type, undirected. Labels come from
// the ids' type prefixes (a closed map); the length bound is a validated integer (1..10).
import type { NodeTypeName } from '../../read-model/models';

/** Params: `from`, `to` (node `id` properties). Returns at most one row `{ nodes, rels: [{ rel, start, end }] }`. */
export function shortestPathQuery(fromLabel: NodeTypeName, toLabel: NodeTypeName, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 10)
    throw new RangeError(`maxLength ${maxLength} out of range`);
  return `
MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to})
MATCH p = shortestPath((a)-[*..${maxLength}]-(b))
RETURN nodes(p) AS nodes, [r IN relationships(p) | {rel: r, start: startNode(r), end: endNode(r)}] AS rels`;
}
