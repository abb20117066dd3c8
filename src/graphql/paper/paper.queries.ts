// Cypher for `paper(id)` and the top-level paper list. ORDER BY comes from a closed table; the rest is
// parameters. Both can fetch the nested fields a request selected in the same statement (a PrefetchPlan).
import { prefetchColumns, prefetchSubqueries, type PrefetchPlan } from '../../../loaders/prefetch';

export type PaperOrderField = 'YEAR' | 'TITLE';

/**
 * One ordered segment of the list. YEAR order is `coalesce(p.published, '') <dir>, p.id`, split in two
 * segments so the dated one can be read in `paper_published` index order (top-k, not a sort of the label):
 * DATED (`published > ''`, by `published <dir>, id`) and UNDATED (no or empty `published`, by `id`).
 * DESC lists DATED then UNDATED, ASC the reverse - the same order as the coalesce expression.
 * TITLE order is one segment (ALL).
 */
export type PaperSegment = 'DATED' | 'UNDATED' | 'ALL';

const SEGMENT_WHERE: Record<PaperSegment, string> = {
  DATED: `p.published > ''`,
  UNDATED: `coalesce(p.published, '') = ''`,
  ALL: 'true',
};

function orderBy(order: PaperOrderField, direction: 'ASC' | 'DESC', segment: PaperSegment): string {
  if (order === 'TITLE') return `toLower(p.title) ${direction}, p.id`;
  if (segment === 'DATED') return `p.published ${direction}, p.id`;
  if (segment === 'UNDATED') return 'p.id';
  return `coalesce(p.published, '') ${direction}, p.id`;
}

/** The segments of an order, in list order. */
export function paperSegments(order: PaperOrderField, direction: 'ASC' | 'DESC'): PaperSegment[] {
  if (order === 'TITLE') return ['ALL'];
  return direction === 'DESC' ? ['DATED', 'UNDATED'] : ['UNDATED', 'DATED'];
}

const PAPER_FILTER = `($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($usesMethod IS NULL OR EXISTS { MATCH (p)-[r:INTRODUCES|USES]->(:Method {id: $usesMethod}) WHERE type(r) IN $methodTypes })
  AND ($evaluatesOn IS NULL OR EXISTS { MATCH (p)-[r:INTRODUCES|EVALUATES_ON]->(:Dataset {id: $evaluatesOn}) WHERE type(r) IN $datasetTypes })
  AND ($addressesTask IS NULL OR EXISTS { (p)-[:ADDRESSES]->(:Task {id: $addressesTask}) })
  AND ($hasCode IS NULL OR EXISTS { (p)-[:HAS_CODE]->(:Repo) } = $hasCode)
  AND ($roleTypes IS NULL OR $usesMethod IS NOT NULL OR $evaluatesOn IS NOT NULL
       OR EXISTS { MATCH (p)-[r:INTRODUCES|USES|EVALUATES_ON]->() WHERE type(r) IN $roleTypes })`;

/** How the total is computed: not at all, from the label count (no filter), or by matching the filter. */
export type PaperTotal = 'NONE' | 'LABEL' | 'FILTERED';

const TOTAL: Record<Exclude<PaperTotal, 'NONE'>, string> = {
  LABEL: `CALL {
  MATCH (p:Paper)
  RETURN count(p) AS total
}`,
  FILTERED: `CALL {
  MATCH (p:Paper)
  WHERE ${PAPER_FILTER}
  RETURN count(p) AS total
}`,
};

/**
 * Params: `id` (bare paper id) + prefetchParams(plan). Returns at most one row `{ n, pf }`: the paper
 * node and its prefetched results (prefetchColumns).
 */
export function paperByIdQuery(plan: PrefetchPlan): string {
  return `
MATCH (p:Paper {id: $id})${prefetchSubqueries(plan, 'p')}
RETURN p AS n, ${prefetchColumns(plan)} AS pf`;
}

/**
 * Params: filterParams(...) + `methodTypes`, `datasetTypes`, `roleTypes` (null = no role filter),
 * `skip`, `limit`, `abstract` (read abstracts) + prefetchParams(plan). Returns one row
 * `{ total, page: [{ n, pf }] }` (`total` null
 * when `total` is NONE) with one page of one segment - each paper node with its prefetched results;
 * the count and the page are separate unit subqueries.
 */
export function paperListQuery(
  order: PaperOrderField,
  direction: 'ASC' | 'DESC',
  segment: PaperSegment,
  total: PaperTotal,
  plan: PrefetchPlan = [],
): string {
  // Prefetching runs after the page is cut (only for the page's papers); the page is then re-sorted
  // (a few rows) so its order never depends on how the subqueries stream their rows.
  const prefetch =
    plan.length === 0
      ? ''
      : `${prefetchSubqueries(plan, 'p')}
  WITH p, ${prefetchColumns(plan)} AS pf
  ORDER BY ${orderBy(order, direction, segment)}`;
  return `
${total === 'NONE' ? '' : TOTAL[total]}
CALL {
  MATCH (p:Paper)
  WHERE ${SEGMENT_WHERE[segment]} AND ${PAPER_FILTER}
  WITH p
  ORDER BY ${orderBy(order, direction, segment)}
  SKIP toInteger($skip) LIMIT toInteger($limit)${prefetch}
  RETURN collect({n: p {.*, abstract: CASE WHEN $abstract THEN p.abstract END, __labels: labels(p)}, pf: ${plan.length === 0 ? '[]' : 'pf'}}) AS page
}
RETURN ${total === 'NONE' ? 'null' : 'total'} AS total, page`;
}

/** Params as paperListQuery (no skip/limit). Returns one row `{ total }`: the size of one segment. */
export function paperSegmentCountQuery(segment: PaperSegment): string {
  return `
MATCH (p:Paper)
WHERE ${SEGMENT_WHERE[segment]} AND ${PAPER_FILTER}
RETURN count(p) AS total`;
}
