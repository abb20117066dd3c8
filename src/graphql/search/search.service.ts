// Ranked full-text search over papers, methods, datasets, tasks, concepts, repos and metrics.
import type { Executor } from '../../db/executor';
import { checkFirst } from '../common/connection';
import { asMap, requireNodeModel, toMetric } from '../../read-model/graph-mappers';
import type { MetricModel, NodeModel } from '../../read-model/models';
import type { KindLabel } from '../common/entity-types';
import { toLuceneQuery } from './lucene-query';
import { SEARCH } from './search.queries';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

/** Longest accepted search text: enough for any title, small enough to keep the Lucene query bounded. */
export const MAX_SEARCH_CHARS = 1_000;

export interface SearchHitModel {
  score: number;
  node: NodeModel | MetricModel;
}

export class SearchService {
  constructor(private readonly executor: Executor) {}

  async search(
    text: string,
    labels: KindLabel[] | null,
    first: number | null | undefined,
    abstract = true,
  ): Promise<SearchHitModel[]> {
    const limit = checkFirst(first);
    if (text.length > MAX_SEARCH_CHARS) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `search query is ${text.length} characters long; at most ${MAX_SEARCH_CHARS} are accepted - search for a few words instead.`,
      );
    }
    const query = toLuceneQuery(text);
    if (!query || limit === 0) return [];
    const rows = await this.executor.read(
      SEARCH,
      { query, labels, first: limit, abstract },
      { operation: 'search' },
    );
    return rows.map((row) => {
      const node = asMap(row.node);
      const isMetric = Array.isArray(node.__labels) && node.__labels.includes('Metric');
      return { score: Number(row.score), node: isMetric ? toMetric(node) : requireNodeModel(node) };
    });
  }
}
