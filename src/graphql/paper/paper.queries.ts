// Cypher for the top-level paper list. ORDER BY comes from a closed table; the rest is parameters.

export type PaperOrderField = 'YEAR' | 'TITLE';

const ORDER: Record<PaperOrderField, (dir: 'ASC' | 'DESC') => string> = {
  YEAR: (dir) => `coalesce(p.published, '') ${dir}, p.id`,
  TITLE: (dir) => `toLower(p.title) ${dir}, p.id`,
};

const PAPER_FILTER = `($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($usesMethod IS NULL OR EXISTS { MATCH (p)-[r:INTRODUCES|USES]->(:Method {id: $usesMethod}) WHERE type(r) IN $methodTypes })
  AND ($evaluatesOn IS NULL OR EXISTS { MATCH (p)-[r:INTRODUCES|EVALUATES_ON]->(:Dataset {id: $evaluatesOn}) WHERE type(r) IN $datasetTypes })
  AND ($addressesTask IS NULL OR EXISTS { (p)-[:ADDRESSES]->(:Task {id: $addressesTask}) })
  AND ($hasCode IS NULL OR EXISTS { (p)-[:HAS_CODE]->(:Repo) } = $hasCode)
  AND ($roleTypes IS NULL OR $usesMethod IS NOT NULL OR $evaluatesOn IS NOT NULL
       OR EXISTS { MATCH (p)-[r:INTRODUCES|USES|EVALUATES_ON]->() WHERE type(r) IN $roleTypes })`;

/**
 * Params: filterParams(...) + `methodTypes`, `datasetTypes`, `roleTypes` (null = no role filter),
 * `skip`, `limit`. Returns one row `{ total, page: [paper] }`. The count and the page are separate
 * unit subqueries, so only one page of papers is sorted into memory (top-k), never the whole list.
 */
export function paperListQuery(order: PaperOrderField, direction: 'ASC' | 'DESC'): string {
  return `
CALL {
  MATCH (p:Paper)
  WHERE ${PAPER_FILTER}
  RETURN count(p) AS total
}
CALL {
  MATCH (p:Paper)
  WHERE ${PAPER_FILTER}
  WITH p
  ORDER BY ${ORDER[order](direction)}
  SKIP toInteger($skip) LIMIT toInteger($limit)
  RETURN collect(p) AS page
}
RETURN total, page`;
}
