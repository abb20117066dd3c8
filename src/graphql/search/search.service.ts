// Ranked full-text search over papers, methods, datasets, tasks, concepts and repos.
import type { Executor } from '../../db/executor';
import { checkFirst } from '../common/connection';
import { requireNodeModel } from '../common/graph-mappers';
import type { NodeModel, NodeTypeName } from '../common/models';
import { toLuceneQuery } from './lucene-query';
import { SEARCH } from './search.queries';

export interface SearchHitModel {
  score: number;
  node: NodeModel;
}

export class SearchService {
  constructor(private readonly executor: Executor) {}

  async search(
    text: string,
    labels: NodeTypeName[] | null,
    first: number | null | undefined,
  ): Promise<SearchHitModel[]> {
    const limit = checkFirst(first);
    const query = toLuceneQuery(text);
    if (!query || limit === 0) return [];
    const rows = await this.executor.read(SEARCH, { query, labels, first: limit }, { operation: 'search' });
    return rows.map((row) => ({ score: Number(row.score), node: requireNodeModel(row.node) }));
  }
}
