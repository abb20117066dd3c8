// Cypher of the result reads that are not loaders: a dataset's SOTA history, a task's benchmarks, a
// method's results, metric lookups. Parameters only; the shared row shape comes from resultRow.
import { datasetResultsByMetric, metricByKeyClauses, resultRow } from '../../../loaders/results.queries';

/** Params: `id`. Returns at most one row `{ mt }`; a merged metric's id answers with the survivor. */
export const METRIC_BY_ID = `
OPTIONAL MATCH (redirect:__Redirect {id: $id})
WITH coalesce(redirect.into, $id) AS target
MATCH (mt:Metric {id: target})
RETURN mt {.*} AS mt`;

/** Params: `key` map (`metricKey`, `quotedKey`). Returns at most one row `{ mt }`. */
export const METRIC_BY_NAME = `
WITH $key AS key${metricByKeyClauses('key')}
RETURN mt {.*} AS mt`;

/**
 * Params: `dataset`, `key` (metric key map), `task` (id or null), `limit`. The dated results on the
 * dataset that beat every earlier one (by the metric's direction; same day: the better first, and
 * a later one must be strictly better), oldest first. Returns one row `{ history }` or none.
 */
export const SOTA_HISTORY = `
MATCH (d:Dataset {id: $dataset})
WITH d, $key AS key${metricByKeyClauses('key')}
CALL {
  WITH d, mt${datasetResultsByMetric('$task')}
    AND r.date IS NOT NULL
  WITH r, CASE WHEN mt.higherIsBetter = false THEN r.value ELSE -r.value END AS rank
  ORDER BY r.date, rank, r.id
  WITH collect({r: r, rank: rank}) AS dated
  RETURN reduce(acc = {best: null, out: []}, x IN dated |
    CASE WHEN acc.best IS NULL OR x.rank < acc.best THEN {best: x.rank, out: acc.out + [x.r]} ELSE acc END).out AS records
}
CALL {
  WITH records
  UNWIND range(0, size(records) - 1) AS i
  WITH records[i] AS r, i WHERE i < toInteger($limit)
  WITH r ORDER BY i
  RETURN collect(${resultRow('r')}) AS history
}
RETURN history`;

/**
 * Params: `task`, `limit`. The (dataset, metric) pairs of the task's results, most results first
 * (ties by dataset then metric id), each with its best result. Returns rows `{ d, mt, resultCount, best }`.
 */
export const TASK_BENCHMARKS = `
MATCH (t:Task {id: $task})<-[:FOR_TASK]-(r:Result)-[:ON_DATASET]->(d:Dataset)
MATCH (r)-[:BY_METRIC]->(mt:Metric)
WITH t, d, mt, count(r) AS resultCount
ORDER BY resultCount DESC, d.id, mt.id
LIMIT toInteger($limit)
CALL {
  WITH t, d, mt
  MATCH (t)<-[:FOR_TASK]-(r:Result)-[:ON_DATASET]->(d)
  MATCH (r)-[:BY_METRIC]->(mt)
  WITH r ORDER BY CASE WHEN mt.higherIsBetter = false THEN r.value ELSE -r.value END, coalesce(r.date, '9999'), r.id
  LIMIT 1
  RETURN ${resultRow('r')} AS best
}
RETURN d {.*, __labels: labels(d)} AS d, mt {.*} AS mt, resultCount, best
ORDER BY resultCount DESC, d.id, mt.id`;

/**
 * Params: `id` (method id), `dataset` (id or null), `skip`, `limit`. The method's results, newest
 * first (undated last), ties by result id. Returns one row `{ total, page }`.
 */
export const METHOD_RESULTS = `
MATCH (:Method {id: $id})<-[:OF_METHOD]-(r:Result)
WHERE ($dataset IS NULL OR EXISTS { (r)-[:ON_DATASET]->(:Dataset {id: $dataset}) })
WITH r ORDER BY coalesce(r.date, '') DESC, r.id
WITH collect(r) AS results
CALL {
  WITH results
  UNWIND range(toInteger($skip), toInteger($skip) + toInteger($limit) - 1) AS i
  WITH results[i] AS r, i WHERE i < size(results)
  WITH r ORDER BY i
  RETURN collect(${resultRow('r')}) AS page
}
RETURN size(results) AS total, page`;
