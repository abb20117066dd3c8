// Cypher for `related` on entities: co-occurrence through papers (entities linked by the same
// papers), with the number of shared papers, per batch.

export type RelatedLabel = 'Method' | 'Dataset' | 'Task' | 'Concept';

const PAPER_LINKS = 'INTRODUCES|USES|EVALUATES_ON|ADDRESSES|MENTIONS';

/**
 * Params: `keys`: `[{ i, id, labels, limit }]` (`labels` null = all entity labels).
 * Returns rows `{ i, items: [{ node, n }] }`.
 */
export function relatedQuery(label: RelatedLabel): string {
  return `
UNWIND $keys AS key
MATCH (s:${label} {id: key.id})<-[:${PAPER_LINKS}]-(p:Paper)-[:${PAPER_LINKS}]->(t)
WHERE t <> s AND (t:Method OR t:Dataset OR t:Task OR t:Concept)
  AND (key.labels IS NULL OR any(l IN labels(t) WHERE l IN key.labels))
WITH key, t, count(DISTINCT p) AS n
ORDER BY key.i, n DESC, toLower(t.name), t.id
WITH key, collect({node: t, n: n}) AS items
RETURN key.i AS i, items[..toInteger(key.limit)] AS items`;
}
