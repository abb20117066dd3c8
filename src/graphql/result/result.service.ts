// Result reads: metric lookups, SOTA history, task benchmarks and method results (one statement
// each); leaderboards and paper results go through the request's loaders (batched, prefetchable).
import type { Executor } from '../../db/executor';
import { normalizeName } from '../../names/normalize';
import { asList, asMap, toEntity, toMetric, toResult } from '../../read-model/graph-mappers';
import type { EntityModel, MetricModel, ResultModel, ResultPageModel } from '../../read-model/models';
import type { PageRequest } from '../common/connection';
import {
  METHOD_RESULTS,
  METRIC_BY_ID,
  METRIC_BY_NAME,
  SOTA_HISTORY,
  TASK_BENCHMARKS,
} from './result.queries';

/** The most results a SOTA history lists (a history that long is already a curve). */
export const MAX_SOTA_HISTORY = 500;

export interface BenchmarkModel {
  dataset: EntityModel;
  metric: MetricModel;
  task: EntityModel;
  resultCount: number;
  best: ResultModel | null;
}

function metricKey(name: string): { metricKey: string; quotedKey: string } {
  const key = normalizeName(name);
  return { metricKey: key, quotedKey: `"${key}"` };
}

export class ResultService {
  constructor(private readonly executor: Executor) {}

  /** `Query.metric(id, name)`: by id, else by name or alias; null when unknown. */
  async metric(id: string | null | undefined, name: string | null | undefined): Promise<MetricModel | null> {
    if (id != null) {
      const [row] = await this.executor.read(METRIC_BY_ID, { id }, { operation: 'metric.byId' });
      const found = row ? toMetric(asMap(row.mt)) : null;
      if (
        found &&
        name != null &&
        ![found.name, ...found.aliases].some((n) => normalizeName(n) === normalizeName(name))
      )
        return null;
      return found;
    }
    const key = metricKey(name ?? '');
    if (!key.metricKey) return null;
    const [row] = await this.executor.read(METRIC_BY_NAME, { key }, { operation: 'metric.byName' });
    return row ? toMetric(asMap(row.mt)) : null;
  }

  async sotaHistory(dataset: string, metric: string, task: string | null): Promise<ResultModel[]> {
    const key = metricKey(metric);
    if (!key.metricKey) return [];
    const [row] = await this.executor.read(
      SOTA_HISTORY,
      { dataset, key, task, limit: MAX_SOTA_HISTORY },
      { operation: 'dataset.sotaHistory' },
    );
    return row ? asList(row.history).map(toResult) : [];
  }

  async benchmarks(task: EntityModel, limit: number): Promise<BenchmarkModel[]> {
    if (limit === 0) return [];
    const rows = await this.executor.read(
      TASK_BENCHMARKS,
      { task: task.key, limit },
      { operation: 'task.benchmarks' },
    );
    return rows.map((row) => ({
      dataset: toEntity('Dataset', asMap(row.d)),
      metric: toMetric(asMap(row.mt)),
      task,
      resultCount: Number(row.resultCount),
      best: row.best ? toResult(row.best) : null,
    }));
  }

  async methodResults(method: string, dataset: string | null, page: PageRequest): Promise<ResultPageModel> {
    const [row] = await this.executor.read(
      METHOD_RESULTS,
      { id: method, dataset, skip: page.skip, limit: page.limit },
      { operation: 'method.results' },
    );
    return { total: Number(row?.total ?? 0), items: asList(row?.page).map(toResult) };
  }
}
