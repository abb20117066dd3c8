// Cypher for entity lookups and top-level entity lists. Labels, relationship types and ORDER BY
// come from closed tables below, selected by enums; everything else is a parameter.
import { prefetchColumns, prefetchSubqueries, type PrefetchPlan } from '../../../loaders/prefetch';
import type { EntityTypeName } from '../../read-model/models';

export type EntityOrderField = 'PAPER_COUNT' | 'YEAR' | 'NAME';

/**
 * Params: `key` (normalized name), `quotedKey` (`"<key>"`, a Lucene phrase: keys hold only letters
 * and digits) + prefetchParams(plan). Uses the keyword full-text index `entity_keys` over `keys` (a
 * range index cannot serve `$key IN n.keys`), then checks the key exactly. Returns rows `{ n, pf }`
 * (the node and its prefetched results), at most 20.
 */
export function entityByNameQuery(label: EntityTypeName, plan: PrefetchPlan = []): string {
  return `
CALL db.index.fulltext.queryNodes('entity_keys', $quotedKey) YIELD node AS n
WHERE n:${label} AND $key IN n.keys
WITH n ORDER BY n.id LIMIT 20${prefetchSubqueries(plan, 'n')}
RETURN n, ${prefetchColumns(plan)} AS pf ORDER BY n.id`;
}

/** Params: `id` + prefetchParams(plan). Returns at most one row `{ n, pf }`. */
export function entityByIdQuery(label: EntityTypeName, plan: PrefetchPlan): string {
  // an id merged into another entity (a `__Redirect`, src/curation/) answers with the survivor
  return `
OPTIONAL MATCH (redirect:__Redirect {id: $id})
WITH coalesce(redirect.into, $id) AS target
MATCH (n:${label} {id: target})${prefetchSubqueries(plan, 'n')}
RETURN n, ${prefetchColumns(plan)} AS pf`;
}

/** Paper -> entity relationship types per label, and which `role` selects which. */
export const PAPER_LINKS: Record<EntityTypeName, { all: string; INTRODUCED: string[]; USED: string[] }> = {
  Method: { all: 'INTRODUCES|USES', INTRODUCED: ['INTRODUCES'], USED: ['USES'] },
  Dataset: { all: 'INTRODUCES|EVALUATES_ON', INTRODUCED: ['INTRODUCES'], USED: ['EVALUATES_ON'] },
  Task: { all: 'ADDRESSES', INTRODUCED: ['ADDRESSES'], USED: ['ADDRESSES'] },
  Concept: { all: 'MENTIONS', INTRODUCED: ['MENTIONS'], USED: ['MENTIONS'] },
};

const HAS_CODE: Record<EntityTypeName, string> = {
  Method: 'EXISTS { (n)<-[:IMPLEMENTS]-(:Repo) }',
  Dataset: 'EXISTS { (n)<-[:INTRODUCES|EVALUATES_ON]-(:Paper)-[:HAS_CODE]->(:Repo) }',
  Task: 'EXISTS { (n)<-[:ADDRESSES]-(:Paper)-[:HAS_CODE]->(:Repo) }',
  Concept: 'EXISTS { (n)<-[:MENTIONS]-(:Paper)-[:HAS_CODE]->(:Repo) }',
};

const ORDER: Record<EntityOrderField, (dir: 'ASC' | 'DESC') => string> = {
  PAPER_COUNT: (dir) => `paperCount ${dir}, toLower(n.name), n.id`,
  YEAR: (dir) => `coalesce(firstYear, ${dir === 'ASC' ? 9999 : 0}) ${dir}, toLower(n.name), n.id`,
  NAME: (dir) => `toLower(n.name) ${dir}, n.id ${dir}`,
};

/**
 * Params: filterParams(...) + `roleTypes`, `paperFiltered`, `skip`, `limit`.
 * Returns one row `{ total, page: [{ node, paperCount }] }`.
 * Paper conditions (year range, usesMethod, evaluatesOn, addressesTask, role) apply to the same
 * linking paper; `paperCount` counts the papers that satisfy them.
 */
export function entityListQuery(
  label: EntityTypeName,
  order: EntityOrderField,
  direction: 'ASC' | 'DESC',
): string {
  return `
MATCH (n:${label})
OPTIONAL MATCH (n)<-[r:${PAPER_LINKS[label].all}]-(p:Paper)
WHERE type(r) IN $roleTypes
  AND ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($usesMethod IS NULL OR EXISTS { (p)-[:INTRODUCES|USES]->(:Method {id: $usesMethod}) })
  AND ($evaluatesOn IS NULL OR EXISTS { (p)-[:EVALUATES_ON]->(:Dataset {id: $evaluatesOn}) })
  AND ($addressesTask IS NULL OR EXISTS { (p)-[:ADDRESSES]->(:Task {id: $addressesTask}) })
WITH n, count(DISTINCT p) AS paperCount, min(p.year) AS firstYear
WHERE (NOT $paperFiltered OR paperCount > 0)
  AND ($hasCode IS NULL OR ${HAS_CODE[label]} = $hasCode)
WITH n, paperCount, firstYear
ORDER BY ${ORDER[order](direction)}
WITH collect({node: n, paperCount: paperCount}) AS matched
RETURN size(matched) AS total, matched[toInteger($skip)..toInteger($skip + $limit)] AS page`;
}
