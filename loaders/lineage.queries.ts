// Cypher for `Method.lineage`: ONE bounded variable-length match over BUILDS_ON (child -> parent).
// The hop bound is a validated integer (1..10) and the direction a closed enum: neither is request text.

export type LineageDirectionName = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

function ancestors(maxDepth: number): string {
  return `
  WITH m
  MATCH path = (m)-[:BUILDS_ON*1..${maxDepth}]->(:Method)
  UNWIND range(0, length(path) - 1) AS i
  RETURN relationships(path)[i] AS r, i + 1 AS depth`;
}

function descendants(maxDepth: number): string {
  return `
  WITH m
  MATCH path = (:Method)-[:BUILDS_ON*1..${maxDepth}]->(m)
  UNWIND range(0, length(path) - 1) AS i
  RETURN relationships(path)[i] AS r, length(path) - i AS depth`;
}

/** The method properties toEntity reads, and the relationship properties aggregateRelationships reads. */
const METHOD = (v: string): string =>
  `${v} { .id, .name, .aliases, .fullName, .description, .url, .collections }`;
const RELS = `[x IN rels | x { .source, .confidence, .paperId, .relation, .extractorVersion, .rule,
  evidence: CASE WHEN lkey.evidence THEN x.evidence END, __type: type(x) }]`;

/**
 * With `m` (the method) and `lkey` (`{ evidence }`) in scope, yields one row whose column `as` is the
 * lineage's edges: `[{ child, parent, depth, rels }]` - one entry per (child, parent) pair with its
 * smallest depth from the method and all its relationships, as property maps (only what the mappers
 * read). Shared by the standalone statement and the prefetching subqueries (loaders/prefetch.queries.ts).
 */
export function lineageClauses(direction: LineageDirectionName, maxDepth: number, as: string): string {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10)
    throw new RangeError(`maxDepth ${maxDepth} out of range`);
  const body =
    direction === 'ANCESTORS'
      ? ancestors(maxDepth)
      : direction === 'DESCENDANTS'
        ? descendants(maxDepth)
        : `${ancestors(maxDepth)}\n  UNION\n${descendants(maxDepth)}`;
  return `
CALL {${body}
}
WITH lkey, startNode(r) AS child, endNode(r) AS parent, r, depth
WITH lkey, child, parent, min(depth) AS depth, collect(DISTINCT r) AS rels
ORDER BY depth, toLower(child.name), toLower(parent.name)
RETURN collect({child: ${METHOD('child')}, parent: ${METHOD('parent')}, depth: depth, rels: ${RELS}}) AS ${as}`;
}

/**
 * Params: `id`, `evidence` (return each relationship's evidence JSON). Returns at most one row
 * `{ edges }` (see lineageClauses); none when the method is unknown.
 */
export function lineageQuery(direction: LineageDirectionName, maxDepth: number): string {
  return `
MATCH (m:Method {id: $id})
WITH m, {evidence: $evidence} AS lkey${lineageClauses(direction, maxDepth, 'edges')}`;
}
