// Cypher of the result loaders: a dataset's leaderboard (also prefetched by a dataset lookup, see
// prefetch.ts) and a paper's results. Every parameter is a `$parameter`; nothing comes from request text.

/**
 * A Result as one row map: its properties and the paper, dataset, metric, method and task it links
 * to (read by toResult in src/read-model/graph-mappers.ts). `r` is the Result variable.
 */
export function resultRow(r: string): string {
  return `{r: ${r} {.*},
    p: head([(rp:Paper)-[:REPORTS]->(${r}) | rp {.*, __labels: labels(rp)}]),
    d: head([(${r})-[:ON_DATASET]->(rd:Dataset) | rd {.*, __labels: labels(rd)}]),
    mt: head([(${r})-[:BY_METRIC]->(rmt:Metric) | rmt {.*}]),
    m: head([(${r})-[:OF_METHOD]->(rm:Method) | rm {.*, __labels: labels(rm)}]),
    t: head([(${r})-[:FOR_TASK]->(rt:Task) | rt {.*, __labels: labels(rt)}])}`;
}

/**
 * The metric a name stands for, as `mt` (the metric whose id is `metric:<key>` first, else the first
 * by id among those with the key); reads `<key>.metricKey` and `<key>.quotedKey` (a Lucene phrase).
 * Leaves no row when no metric has the name.
 */
export function metricByKeyClauses(key: string): string {
  return `
CALL {
  WITH ${key}
  CALL db.index.fulltext.queryNodes('metric_keys', ${key}.quotedKey) YIELD node
  WHERE ${key}.metricKey IN node.keys
  WITH node ORDER BY (node.id = 'metric:' + ${key}.metricKey) DESC, node.id LIMIT 1
  RETURN node AS mt
}`;
}

/**
 * The leaderboard of dataset `d` for key map `lb` (`metricKey`, `quotedKey`, `task`, `skip`,
 * `limit`): the best result of each entrant (its method; its paper when the method is unknown), best
 * first by the metric's direction (higher first unless the metric says lower is better: an unknown
 * direction ranks like a score), ties by the earlier date, then by result id. Ends with
 * `total` and `page` (rows of resultRow) in scope; an unknown metric gives total 0.
 */
export function leaderboardClauses(): string {
  return `
CALL {
  WITH d, lb${metricByKeyClauses('lb')}
  MATCH (d)<-[:ON_DATASET]-(r:Result)-[:BY_METRIC]->(mt)
  WHERE lb.task IS NULL OR EXISTS { (r)-[:FOR_TASK]->(:Task {id: lb.task}) }
  MATCH (p:Paper)-[:REPORTS]->(r)
  OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
  WITH r, CASE WHEN mt.higherIsBetter = false THEN r.value ELSE -r.value END AS rank,
       coalesce(m.id, 'paper:' + p.id) AS entrant
  ORDER BY entrant, rank, coalesce(r.date, '9999'), r.id
  WITH entrant, head(collect({r: r, rank: rank})) AS best
  WITH best.r AS r, best.rank AS rank
  ORDER BY rank, coalesce(r.date, '9999'), r.id
  RETURN collect(r) AS ranked
}
CALL {
  WITH ranked, lb
  UNWIND range(toInteger(lb.skip), toInteger(lb.skip) + toInteger(lb.limit) - 1) AS i
  WITH ranked[i] AS r, i WHERE i < size(ranked)
  WITH r ORDER BY i
  RETURN collect(${resultRow('r')}) AS page
}
WITH lb, size(ranked) AS total, page`;
}

/** Params: `keys` (leaderboard key maps with `i` and `dataset`). Returns rows `{ i, total, page }`. */
export const LEADERBOARDS = `
UNWIND $keys AS lb
OPTIONAL MATCH (d:Dataset {id: lb.dataset})
WITH lb, d WHERE d IS NOT NULL${leaderboardClauses()}
RETURN lb.i AS i, total, page`;

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
