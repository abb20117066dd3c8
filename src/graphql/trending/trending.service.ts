// Trending entities in a date window.
import type { Executor } from '../../db/executor';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { checkFirst } from '../common/connection';
import { requireNodeModel } from '../../read-model/graph-mappers';
import type { NodeModel } from '../../read-model/models';
import type { KindLabel } from '../common/entity-types';
import { TRENDING } from './trending.queries';

export interface TrendingModel {
  node: NodeModel;
  paperCount: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TrendingService {
  constructor(private readonly executor: Executor) {}

  async trending(
    from: string | null | undefined,
    to: string | null | undefined,
    labels: KindLabel[] | null,
    first: number | null | undefined,
  ): Promise<TrendingModel[]> {
    const limit = checkFirst(first);
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value != null && !ISO_DATE.test(value)) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `\`${name}\` must be a date YYYY-MM-DD (got "${value}").`,
        );
      }
    }
    if (labels?.includes('Paper')) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        '`trending` ranks entities and repos by paper count; PAPER is not a valid type here.',
      );
    }
    if (labels?.includes('Metric')) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        "`trending` ranks entities and repos by paper count; no paper links a metric directly, so METRIC is not a valid type here (a metric's results are on `Dataset.leaderboard`).",
      );
    }
    if (limit === 0) return [];
    const rows = await this.executor.read(
      TRENDING,
      { from: from ?? null, to: to ?? null, labels, first: limit },
      { operation: 'trending' },
    );
    return rows.map((row) => ({ node: requireNodeModel(row.node), paperCount: Number(row.n) }));
  }
}
