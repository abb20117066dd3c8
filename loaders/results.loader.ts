// Result loaders: leaderboards by (dataset, metric, task, page) and results by paper; each batch is
// one statement (a dataset lookup may prefetch its leaderboard and prime this loader: prefetch.ts).
import DataLoader from 'dataloader';
import type { Executor } from '../src/db/executor';
import type { Plain } from '../src/db/values';
import { normalizeName } from '../src/names/normalize';
import { resultLayerType } from '../src/read-model/ids';
import { asList, asMap, toMetric, toResult } from '../src/read-model/graph-mappers';
import type { MetricModel, ResultModel, ResultPageModel } from '../src/read-model/models';
import { PAPER_RESULTS, RESULT_LAYER_NODES, leaderboardsQuery, type ResultRowProps } from './results.queries';

export interface LeaderboardKey {
  /** The dataset's id. */
  id: string;
  /** The metric as the client named it (matched under the one name normalization). */
  metric: string;
  task: string | null;
  skip: number;
  limit: number;
  /**
   * The properties read of each result's paper, method, dataset and task (what the client selected,
   * src/graphql/common/node-properties.ts resultRowProperties); absent or null: all of them.
   */
  props?: ResultRowProps | null;
}

export interface ResultLoaders {
  leaderboard: DataLoader<LeaderboardKey, ResultPageModel, string>;
  /** A paper's results, by bare paper id. */
  paper: DataLoader<string, ResultModel[]>;
  /** `Query.node` for `metric:<key>` and `result:<key>` ids (null for unknown or other ids). */
  node: DataLoader<string, MetricModel | ResultModel | null>;
}

const EMPTY: ResultPageModel = { total: 0, items: [] };

/** The statement parameter of a leaderboard key (also the prefetch parameter). */
export function leaderboardParam(key: LeaderboardKey): {
  dataset: string;
  metricKey: string;
  quotedKey: string;
  task: string | null;
  skip: number;
  limit: number;
} {
  const metricKey = normalizeName(key.metric);
  return {
    dataset: key.id,
    metricKey,
    quotedKey: `"${metricKey}"`,
    task: key.task,
    skip: key.skip,
    limit: key.limit,
  };
}

/** One leaderboard's `total` and `page` (rows of resultRow) as a page model. */
export function toResultPage(total: Plain | undefined, page: Plain | undefined): ResultPageModel {
  return { total: Number(total ?? 0), items: asList(page).map(toResult) };
}

/** The projection part of a leaderboard key: keys with the same one share a statement. */
function propsKey(props: ResultRowProps | null | undefined): string {
  return JSON.stringify(props ?? null);
}

export function leaderboardCacheKey(key: LeaderboardKey): string {
  return JSON.stringify([
    key.id,
    normalizeName(key.metric),
    key.task,
    key.skip,
    key.limit,
    propsKey(key.props),
  ]);
}

export function createResultLoaders(executor: Executor): ResultLoaders {
  return {
    leaderboard: new DataLoader<LeaderboardKey, ResultPageModel, string>(
      async (keys) => {
        const out: ResultPageModel[] = keys.map(() => EMPTY);
        // one statement per projection (a request rarely has more than one)
        const groups = new Map<
          string,
          { props: ResultRowProps | null; keys: ReturnType<typeof withIndex>[] }
        >();
        const withIndex = (k: LeaderboardKey, i: number) => ({ ...leaderboardParam(k), i });
        keys.forEach((k, i) => {
          const param = withIndex(k, i);
          // a name without letters or digits matches no metric: nothing to ask
          if (param.metricKey === '') return;
          const g = propsKey(k.props);
          if (!groups.has(g)) groups.set(g, { props: k.props ?? null, keys: [] });
          groups.get(g)!.keys.push(param);
        });
        for (const group of groups.values()) {
          const rows = await executor.read(
            leaderboardsQuery(group.props),
            { keys: group.keys },
            { operation: 'loader.leaderboard' },
          );
          for (const row of rows) out[Number(row.i)] = toResultPage(row.total, row.page);
        }
        return out;
      },
      { cacheKeyFn: leaderboardCacheKey },
    ),
    paper: new DataLoader<string, ResultModel[]>(async (ids) => {
      const rows = await executor.read(
        PAPER_RESULTS,
        { ids: [...ids] },
        { operation: 'loader.paperResults' },
      );
      const byId = new Map(rows.map((r) => [String(r.id), asList(r.results).map(toResult)]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
    node: new DataLoader<string, MetricModel | ResultModel | null>(async (ids) => {
      const metrics = ids.filter((id) => resultLayerType(id) === 'Metric');
      const results = ids.filter((id) => resultLayerType(id) === 'Result');
      if (metrics.length + results.length === 0) return ids.map(() => null);
      const rows = await executor.read(
        RESULT_LAYER_NODES,
        { metrics, results },
        { operation: 'loader.resultNodes' },
      );
      const byId = new Map<string, MetricModel | ResultModel>(
        rows.map((r) => [String(r.id), r.row ? toResult(r.row) : toMetric(asMap(r.mt))]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
