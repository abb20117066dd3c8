// Cypher of the result loaders: a dataset's leaderboard (also prefetched by a dataset lookup, see
// prefetch.ts) and a paper's results. Every parameter is a `$parameter`; nothing comes from request
// text (property names of a selection come from a fixed table and are checked).
import { checkPropertyNames } from './neighbors.queries';

/**
 * Which properties resultRow reads of a result and of its paper, method, dataset, task and metric
 * (`null`: all of them; `result` and `metric` absent: all of them too; `[]`: the node is not read).
 */
export interface ResultRowProps {
  result?: readonly string[] | null;
  metric?: readonly string[] | null;
  paper: readonly string[] | null;
  method: readonly string[] | null;
  dataset: readonly string[] | null;
  task: readonly string[] | null;
}

/** `v {.*}`, or only the properties `props` (their names checked) when given. */
function projection(v: string, props: readonly string[] | null | undefined): string {
  const fields = props ? checkPropertyNames(props).map((p) => `.${p}`) : ['.*'];
  return `${v} {${fields.join(', ')}}`;
}

/** The first node of a pattern as a projection, or `null` when `props` is `[]` (not read). */
function linked(pattern: string, v: string, props: readonly string[] | null | undefined): string {
  return props?.length === 0 ? 'null' : `head([${pattern} | ${projection(v, props)}])`;
}

/**
 * A Result as one row map: its properties and the paper, dataset, metric, method and task it links
 * to (read by toResult in src/read-model/graph-mappers.ts, which knows each one's type: no labels are
 * read). `r` is the Result variable; with `props`, only those properties of each, and none of a node
 * the client did not select (what a leaderboard's client selected: every value decoded is CPU in the
 * server, ~16 KB for a 20-entry page read whole).
 */
export function resultRow(r: string, props: ResultRowProps | null = null): string {
  return `{r: ${projection(r, props?.result)},
    p: ${linked(`(rp:Paper)-[:REPORTS]->(${r})`, 'rp', props?.paper)},
    d: ${linked(`(${r})-[:ON_DATASET]->(rd:Dataset)`, 'rd', props?.dataset)},
    mt: ${linked(`(${r})-[:BY_METRIC]->(rmt:Metric)`, 'rmt', props?.metric)},
    m: ${linked(`(${r})-[:OF_METHOD]->(rm:Method)`, 'rm', props?.method)},
    t: ${linked(`(${r})-[:FOR_TASK]->(rt:Task)`, 'rt', props?.task)}}`;
}

/**
 * The metric a name stands for, as `mt` (the metric whose id is `metric:<key>` first, else the first
 * by id among those with the key); reads `<key>.metricKey` and `<key>.quotedKey` (a Lucene phrase).
 * Leaves no row when no metric has the name. The common case - the name is the metric's own - is one
 * unique-index seek; only another alias asks the full-text index.
 */
export function metricByKeyClauses(key: string): string {
  return `
CALL {
  WITH ${key}
  MATCH (exact:Metric {id: 'metric:' + ${key}.metricKey}) WHERE ${key}.metricKey IN exact.keys
  RETURN exact AS mt
  UNION
  WITH ${key}
  WITH ${key} WHERE NOT EXISTS {
    MATCH (exact:Metric {id: 'metric:' + ${key}.metricKey}) WHERE ${key}.metricKey IN exact.keys
  }
  CALL db.index.fulltext.queryNodes('metric_keys', ${key}.quotedKey) YIELD node
  WHERE ${key}.metricKey IN node.keys
  WITH node ORDER BY node.id LIMIT 1
  RETURN node AS mt
}`;
}

/**
 * The results on dataset `d` by metric `mt` (and task `<task>` unless null) as `r`. Walks from the
 * dataset and checks the metric per result: a dataset's results are bounded by its leaderboards, a
 * popular metric's are not (the planner, left alone, may start from the metric: it cannot see degrees).
 * The check is a pattern comprehension over the result's own BY_METRIC relationship, not an EXISTS
 * subquery: the planner keeps the walk from the dataset either way, and a subquery per result (a
 * SemiApply) cost ~2.5 ms of the 1,000-result leaderboard's ~10 ms (bench:api, 2026-12-02 15:34).
 */
export function datasetResultsByMetric(task: string): string {
  return `
  MATCH (d)<-[:ON_DATASET]-(r:Result)
  WHERE mt IN [(r)-[:BY_METRIC]->(x) | x]
    AND (${task} IS NULL OR EXISTS { (r)-[:FOR_TASK]->(:Task {id: ${task}}) })`;
}

/**
 * The leaderboard of dataset `d` for key map `lb` (`metricKey`, `quotedKey`, `task`, `skip`,
 * `limit`): the best result of each entrant (its method; its paper when the method is unknown), best
 * first by the metric's direction (higher first unless the metric says lower is better: an unknown
 * direction ranks like a score), ties by the earlier date, then by result id. Ends with
 * `total` and `page` (rows of resultRow) in scope; an unknown metric gives total 0.
 * (The entrant's paper is the result's `paperId`: every Result is written with it and its REPORTS.)
 */
export function leaderboardClauses(props: ResultRowProps | null = null): string {
  return `
CALL {
  WITH d, lb${metricByKeyClauses('lb')}${datasetResultsByMetric('lb.task')}
  WITH r, CASE WHEN mt.higherIsBetter = false THEN 1 ELSE -1 END AS sign
  OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
  WITH r, sign * r.value AS rank, coalesce(m.id, 'paper:' + r.paperId) AS entrant
  ORDER BY rank, coalesce(r.date, '9999'), r.id
  // collect keeps the order: the head of each entrant's list is its best
  WITH entrant, head(collect([r, rank, coalesce(r.date, '9999'), r.id])) AS best
  ORDER BY best[1], best[2], best[3]
  RETURN collect(best[0]) AS ranked
}
CALL {
  WITH ranked, lb
  UNWIND range(toInteger(lb.skip), toInteger(lb.skip) + toInteger(lb.limit) - 1) AS i
  WITH ranked[i] AS r, i WHERE i < size(ranked)
  WITH r ORDER BY i
  RETURN collect(${resultRow('r', props)}) AS page
}
WITH lb, size(ranked) AS total, page`;
}

/**
 * Params: `keys` (leaderboard key maps with `i` and `dataset`), all read with the same `props`.
 * Returns rows `{ i, total, page }`.
 */
export function leaderboardsQuery(props: ResultRowProps | null = null): string {
  return `
UNWIND $keys AS lb
OPTIONAL MATCH (d:Dataset {id: lb.dataset})
WITH lb, d WHERE d IS NOT NULL${leaderboardClauses(props)}
RETURN lb.i AS i, total, page`;
}

/** leaderboardsQuery reading every property. */
export const LEADERBOARDS = leaderboardsQuery();

/** Params: `ids` (bare paper ids). Returns rows `{ id, results }`, at most 200 results a paper. */
export const PAPER_RESULTS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
CALL {
  WITH p
  MATCH (p)-[:REPORTS]->(r:Result)-[:ON_DATASET]->(d:Dataset)
  MATCH (r)-[:BY_METRIC]->(mt:Metric)
  WITH r ORDER BY toLower(d.name), toLower(mt.name), r.value DESC, r.id
  LIMIT 200
  RETURN collect(${resultRow('r')}) AS results
}
RETURN id, results`;

/**
 * Params: `metrics`, `results` (global ids). Returns rows `{ id, mt, row }` (`id` as asked): `mt` a
 * Metric's properties (a merged metric's id answers with the survivor), `row` a resultRow; the other
 * is null. Index seeks only.
 */
export const RESULT_LAYER_NODES = `
UNWIND $metrics AS asked
OPTIONAL MATCH (redirect:__Redirect {id: asked})
WITH asked, coalesce(redirect.into, asked) AS target
MATCH (mt:Metric {id: target})
RETURN asked AS id, mt {.*} AS mt, null AS row
UNION ALL
MATCH (r:Result) WHERE r.id IN $results
RETURN r.id AS id, null AS mt, ${resultRow('r')} AS row`;
