// Graph statistics.
import type { Executor } from '../../db/executor';
import { asList, asMap } from '../../read-model/graph-mappers';
import { STATS } from './stats.queries';

export interface StatsModel {
  labels: { label: string; count: number }[];
  relationships: { type: string; count: number }[];
}

export class StatsService {
  constructor(private readonly executor: Executor) {}

  async stats(): Promise<StatsModel> {
    const rows = await this.executor.read(STATS, {}, { operation: 'stats' });
    const row = rows[0] ?? {};
    return {
      labels: asList(row.labels).map((v) => ({
        label: String(asMap(v).label),
        count: Number(asMap(v).count),
      })),
      relationships: asList(row.relationships).map((v) => ({
        type: String(asMap(v).type),
        count: Number(asMap(v).count),
      })),
    };
  }
}
