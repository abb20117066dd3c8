// Paper lookups and the top-level paper list.
import type { Executor } from '../../db/executor';
import type { Loaders } from '../../../loaders/create-loaders';
import { toConnection, type PageRequest } from '../common/connection';
import { asList, asMap, toPaper } from '../common/graph-mappers';
import { paperGlobalId, paperKeyFromId } from '../common/ids';
import { filterParams, type Direction, type ListFilter } from '../common/list-filter';
import type { ConnectionModel, PaperModel } from '../common/models';
import { paperListQuery, type PaperOrderField } from './paper.queries';

const ROLE_TYPES = {
  INTRODUCED: { method: ['INTRODUCES'], dataset: ['INTRODUCES'], any: ['INTRODUCES'] },
  USED: { method: ['USES'], dataset: ['EVALUATES_ON'], any: ['USES', 'EVALUATES_ON'] },
  ALL: { method: ['INTRODUCES', 'USES'], dataset: ['INTRODUCES', 'EVALUATES_ON'], any: null },
} as const;

export class PaperService {
  constructor(
    private readonly executor: Executor,
    private readonly loaders: Loaders,
  ) {}

  /** `Query.paper(id)`: `paper:<id>` or the bare id; unknown gives null. */
  async byId(id: string): Promise<PaperModel | null> {
    const node = await this.loaders.node.load(paperGlobalId(paperKeyFromId(id)));
    return node && node.__typename === 'Paper' ? node : null;
  }

  async list(
    filter: ListFilter | null | undefined,
    order: { field: PaperOrderField; direction: Direction },
    page: PageRequest,
  ): Promise<ConnectionModel<PaperModel>> {
    const types = ROLE_TYPES[filter?.role ?? 'ALL'];
    const rows = await this.executor.read(
      paperListQuery(order.field, order.direction),
      {
        ...filterParams(filter),
        methodTypes: [...types.method],
        datasetTypes: [...types.dataset],
        roleTypes: types.any ? [...types.any] : null,
        skip: page.skip,
        limit: page.limit,
      },
      { operation: 'papers.list' },
    );
    const row = rows[0] ?? { total: 0, page: [] };
    const items = asList(row.page).map((value) => ({ node: toPaper(asMap(value)) }));
    for (const item of items) this.loaders.node.prime(item.node.id, item.node);
    return toConnection(items, Number(row.total), page);
  }
}
