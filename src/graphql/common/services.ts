// The per-request set of services (cheap objects over the shared executor and the request's loaders).
import type { Executor } from '../../db/executor';
import type { Loaders } from '../../../loaders/create-loaders';
import { EntityService } from '../entity/entity.service';
import { LineageService } from '../lineage/lineage.service';
import { PaperService } from '../paper/paper.service';
import { PathService } from '../path/path.service';
import { ResultService } from '../result/result.service';
import { SearchService } from '../search/search.service';
import { StatsService } from '../stats/stats.service';
import { TrendingService } from '../trending/trending.service';

export interface Services {
  entities: EntityService;
  papers: PaperService;
  lineage: LineageService;
  path: PathService;
  results: ResultService;
  search: SearchService;
  trending: TrendingService;
  stats: StatsService;
}

export function createServices(executor: Executor, loaders: Loaders): Services {
  return {
    entities: new EntityService(executor, loaders),
    papers: new PaperService(executor, loaders),
    lineage: new LineageService(loaders),
    path: new PathService(executor, loaders),
    results: new ResultService(executor),
    search: new SearchService(executor),
    trending: new TrendingService(executor),
    stats: new StatsService(executor),
  };
}
