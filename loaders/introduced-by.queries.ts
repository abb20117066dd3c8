// Cypher for `introducedBy`: the earliest published INTRODUCES paper (ties: most confident), per batch.

export type IntroducedLabel = 'Method' | 'Dataset';

/** Params: `ids` (entity ids). Returns rows `{ id, p }` for entities that have an introducing paper. */
export function introducedByQuery(label: IntroducedLabel): string {
  return `
UNWIND $ids AS id
MATCH (t:${label} {id: id})<-[r:INTRODUCES]-(p:Paper)
WITH id, p, max(r.confidence) AS confidence
ORDER BY id, coalesce(p.published, '9999') ASC, confidence DESC, p.id
WITH id, collect(p)[0] AS p
RETURN id, p`;
}
