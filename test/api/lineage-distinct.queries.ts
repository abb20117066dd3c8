// Cypher of the distinct-node lineage test: the lineage as the path-by-path expansion computed it
// before the breadth-first walk (every BUILDS_ON relationship on every path within `maxDepth` hops, at
// each depth it is reached, then the smallest depth per pair) - the oracle the API's answers must
// equal - and a PROFILE-able form of it. The hop bound is an integer from the test.

function pathRows(direction: 'ANCESTORS' | 'DESCENDANTS', maxDepth: number): string {
  return direction === 'ANCESTORS'
    ? `
  WITH m
  MATCH path = (m)-[:BUILDS_ON*1..${maxDepth}]->(:Method)
  UNWIND range(0, length(path) - 1) AS i
  RETURN relationships(path)[i] AS r, i + 1 AS depth`
    : `
  WITH m
  MATCH path = (:Method)-[:BUILDS_ON*1..${maxDepth}]->(m)
  UNWIND range(0, length(path) - 1) AS i
  RETURN relationships(path)[i] AS r, length(path) - i AS depth`;
}

/** Params `id`. Rows `{ child, parent, depth, relations }` in the lineage's order. */
export function pathLineage(direction: 'ANCESTORS' | 'DESCENDANTS' | 'BOTH', maxDepth: number): string {
  const rows =
    direction === 'BOTH'
      ? `${pathRows('ANCESTORS', maxDepth)}\n  UNION\n${pathRows('DESCENDANTS', maxDepth)}`
      : pathRows(direction, maxDepth);
  return `
MATCH (m:Method {id: $id})
CALL {${rows}
}
WITH startNode(r) AS child, endNode(r) AS parent, r, depth
WITH child, parent, min(depth) AS depth, collect(DISTINCT r.relation) AS relations
ORDER BY depth, toLower(child.name), toLower(parent.name)
RETURN child.id AS child, parent.id AS parent, depth, relations`;
}
