// Cypher for `Method.lineage`: a breadth-first walk over BUILDS_ON (child -> parent) that reaches each
// method once, at its smallest hop count, and reads the relationships of the methods it reached. The
// hop bound is a validated integer (1..10) and the direction a closed enum: neither is request text.

import { checkPropertyNames, relationshipMap } from './neighbors.queries';

export type LineageDirectionName = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

// An edge's depth is one more than the hops between the method and the edge's near end (its child for
// ancestors, its parent for descendants), the smallest over all paths - what the lineage reports. So
// the walk needs each near end once with its smallest hop count, not every path to it: `min(length())`
// over a variable-length match to distinct ends is planned as Neo4j's breadth-first pruning expand
// (VarLengthExpand(Pruning,BFS)), which visits a method once. A path-by-path expansion would meet a
// method once per path to it - 2^k times behind k diamonds - and repeat its relationships as often.
// Depth 1 is the method's own relationships: nothing to walk.
function ancestors(maxDepth: number): string {
  if (maxDepth === 1) return '\n  WITH m\n  MATCH (m)-[r:BUILDS_ON]->(:Method)\n  RETURN r, 1 AS depth';
  return `
  WITH m
  MATCH reach = (m)-[:BUILDS_ON*0..${maxDepth - 1}]->(near)
  WITH near, min(length(reach)) AS hops
  MATCH (near)-[r:BUILDS_ON]->(:Method)
  RETURN r, hops + 1 AS depth`;
}

function descendants(maxDepth: number): string {
  if (maxDepth === 1) return '\n  WITH m\n  MATCH (m)<-[r:BUILDS_ON]-(:Method)\n  RETURN r, 1 AS depth';
  return `
  WITH m
  MATCH reach = (near)-[:BUILDS_ON*0..${maxDepth - 1}]->(m)
  WITH near, min(length(reach)) AS hops
  MATCH (near)<-[r:BUILDS_ON]-(:Method)
  RETURN r, hops + 1 AS depth`;
}

function checkMaxDepth(maxDepth: number): void {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10)
    throw new RangeError(`maxDepth ${maxDepth} out of range`);
}

/** Rows `(r, depth)`: every BUILDS_ON relationship within `maxDepth` hops in `direction`, at its smallest depth. */
function lineageRows(direction: LineageDirectionName, maxDepth: number): string {
  checkMaxDepth(maxDepth);
  return direction === 'ANCESTORS'
    ? ancestors(maxDepth)
    : direction === 'DESCENDANTS'
      ? descendants(maxDepth)
      : `${ancestors(maxDepth)}\n  UNION\n${descendants(maxDepth)}`;
}

/**
 * After `CALL { lineageRows }`: one row per (child, parent) pair with its smallest depth and all its
 * relationships, in the lineage order; `carry` lists variables kept alongside (e.g. `lkey, `).
 */
function pairsInOrder(carry: string): string {
  return `WITH ${carry}startNode(r) AS child, endNode(r) AS parent, r, depth
WITH ${carry}child, parent, min(depth) AS depth, collect(DISTINCT r) AS rels
ORDER BY depth, toLower(child.name), toLower(parent.name)`;
}

/** The method properties toEntity reads (or only `props`), and the relationship properties aggregateRelationships reads. */
const ALL_METHOD_PROPS = ['id', 'name', 'aliases', 'fullName', 'description', 'url', 'collections'];
function method(v: string, props: readonly string[] | null): string {
  return `${v} { ${checkPropertyNames(props ?? ALL_METHOD_PROPS)
    .map((p) => `.${p}`)
    .join(', ')} }`;
}
const RELS = `[x IN rels | ${relationshipMap('CASE WHEN lkey.evidence THEN x.evidence END')}]`;

/**
 * With `m` (the method) and `lkey` (`{ evidence }`) in scope, yields one row whose column `as` is the
 * lineage's edges: `[{ child, parent, depth, rels }]` - one entry per (child, parent) pair with its
 * smallest depth from the method and all its relationships, as property maps (only what the mappers
 * read). Shared by the standalone statement and the prefetching subqueries (loaders/prefetch.queries.ts).
 */
export function lineageClauses(
  direction: LineageDirectionName,
  maxDepth: number,
  as: string,
  props: readonly string[] | null = null,
): string {
  return `
CALL {${lineageRows(direction, maxDepth)}
}
${pairsInOrder('lkey, ')}
RETURN collect({child: ${method('child', props)}, parent: ${method('parent', props)}, depth: depth, rels: ${RELS}}) AS ${as}`;
}

/**
 * The first `lkey.first` edges of a lineage in its order (depth, child name, parent name), plus one
 * more when there are more (the caller reports `truncated`). With `m` and `lkey` (`{ evidence,
 * first }`) in scope, yields column `as` as lineageClauses does. The lineage is grown one depth at a
 * time and stops at the first depth d whose lineage (all edges within d hops) already holds more than
 * `first` edges: deeper edges all sort after it, so the page is the page of the whole lineage. A
 * method with hundreds of children answers a first page from its direct edges alone.
 */
export function lineagePageClauses(
  direction: LineageDirectionName,
  maxDepth: number,
  as: string,
  firstParam: string,
  props: readonly string[] | null = null,
): string {
  checkMaxDepth(maxDepth);
  // Level d is a CALL that always yields one row: the lineage within d hops, or an empty list without
  // expanding anything when level d - 1 already holds more than `first` edges (a COLLECT {} with
  // aggregations inside a CASE is rejected by Neo4j, hence the guard row). Every level keeps only its
  // first `first + 1` edges: a top-k, exact since only they and "more than first" are ever used.
  const level = (d: number): string => {
    const guard =
      d === 1 ? 'WITH m' : `WITH m, lkey, l${d - 1}\n  WITH m WHERE size(l${d - 1}) <= toInteger(lkey.first)`;
    return `CALL {
  ${guard}
  CALL {${lineageRows(direction, d)}
  }
  ${pairsInOrder('').replace(/\n/g, '\n  ')}
  LIMIT toInteger(${firstParam}) + 1
  RETURN collect({child: child, parent: parent, depth: depth, rels: rels}) AS within${d}
}`;
  };
  const levels: string[] = [`${level(1)}\nWITH m, lkey, within1 AS l1`];
  for (let d = 2; d <= maxDepth; d++)
    levels.push(
      `${level(d)}\nWITH m, lkey, CASE WHEN size(l${d - 1}) > toInteger(lkey.first) THEN l${d - 1} ELSE within${d} END AS l${d}`,
    );
  return `
${levels.join('\n')}
UNWIND l${maxDepth} AS e
WITH lkey, e.child AS child, e.parent AS parent, e.depth AS depth, e.rels AS rels
RETURN collect({child: ${method('child', props)}, parent: ${method('parent', props)}, depth: depth, rels: ${RELS}}) AS ${as}`;
}

/**
 * Params: `id`, `evidence` (return each relationship's evidence JSON), `first` (paged: the page size;
 * up to `first + 1` edges come back, see lineagePageClauses). Returns at most one row `{ edges }`
 * (see lineageClauses); none when the method is unknown.
 */
export function lineageQuery(
  direction: LineageDirectionName,
  maxDepth: number,
  paged = false,
  props: readonly string[] | null = null,
): string {
  return `
MATCH (m:Method {id: $id})
WITH m, {evidence: $evidence, first: $first} AS lkey${
    paged
      ? lineagePageClauses(direction, maxDepth, 'edges', '$first', props)
      : lineageClauses(direction, maxDepth, 'edges', props)
  }`;
}
