// Paper lookups and the top-level paper list.
import type { Executor } from '../../db/executor';
import type { Plain } from '../../db/values';
import type { Loaders } from '../../../loaders/create-loaders';
import { toConnection, type PageRequest } from '../common/connection';
import { NO_PREFETCH, prefetchParams, primePrefetched, type PrefetchPlan } from '../../../loaders/prefetch';
import { asList, asMap, requireNodeModel, toPaper } from '../../read-model/graph-mappers';
import { paperGlobalId, paperKeyFromId } from '../../read-model/ids';
import { filterParams, type Direction, type ListFilter } from '../common/list-filter';
import type { ConnectionModel, PaperModel } from '../../read-model/models';
import {
  paperByIdQuery,
  paperListQuery,
  paperSegmentCountQuery,
  paperSegments,
  type PaperOrderField,
  type PaperTotal,
} from './paper.queries';

const ROLE_TYPES = {
  INTRODUCED: { method: ['INTRODUCES'], dataset: ['INTRODUCES'], any: ['INTRODUCES'] },
  USED: { method: ['USES'], dataset: ['EVALUATES_ON'], any: ['USES', 'EVALUATES_ON'] },
  ALL: { method: ['INTRODUCES', 'USES'], dataset: ['INTRODUCES', 'EVALUATES_ON'], any: null },
} as const;

export interface PaperListOptions {
  /** Count the whole list (default yes). */
  needTotal?: boolean;
  /** Read the papers' abstracts (default yes). */
  abstract?: boolean;
  /** Nested fields fetched in the same statement. */
  plan?: PrefetchPlan;
}

export class PaperService {
  constructor(
    private readonly executor: Executor,
    private readonly loaders: Loaders,
  ) {}

  /**
   * `Query.paper(id)`: `paper:<id>` or the bare id; unknown gives null. With a non-empty plan, the
   * paper and its planned nested fields are one statement; without, the node loader (batched).
   */
  async byId(id: string, plan: PrefetchPlan = NO_PREFETCH): Promise<PaperModel | null> {
    const key = paperKeyFromId(id);
    if (plan.length === 0) {
      const node = await this.loaders.node.load(paperGlobalId(key));
      return node && node.__typename === 'Paper' ? node : null;
    }
    const rows = await this.executor.read(
      paperByIdQuery(plan),
      { id: key, ...prefetchParams(plan) },
      { operation: 'paper.byId' },
    );
    if (rows.length === 0) return null;
    const node = requireNodeModel(rows[0].n);
    if (node.__typename !== 'Paper') return null;
    this.loaders.node.prime(node.id, node);
    primePrefetched(this.loaders, plan, node.key, rows[0].pf);
    return node;
  }

  /**
   * `Query.papers`: one page, read segment by segment (see paperListQuery); usually one statement.
   * The total is counted only when `needTotal` (the client selected `totalCount` or `pageInfo.hasNextPage`),
   * from the label count store when there is no filter. Abstracts are read only when `abstract` (papers
   * without theirs are not primed into the node loader); the plan's nested fields come in the same statement.
   */
  async list(
    filter: ListFilter | null | undefined,
    order: { field: PaperOrderField; direction: Direction },
    page: PageRequest,
    options: PaperListOptions = {},
  ): Promise<ConnectionModel<PaperModel>> {
    const { needTotal = true, abstract = true, plan = NO_PREFETCH } = options;
    const types = ROLE_TYPES[filter?.role ?? 'ALL'];
    const params = {
      ...filterParams(filter),
      methodTypes: [...types.method],
      datasetTypes: [...types.dataset],
      roleTypes: types.any ? [...types.any] : null,
    };
    const unfiltered = types.any === null && Object.values(filterParams(filter)).every((v) => v === null);
    let total: PaperTotal = needTotal ? (unfiltered ? 'LABEL' : 'FILTERED') : 'NONE';
    let count: number | null = null;
    let skip = page.skip;
    let remaining = page.limit;
    const nodes: Plain[] = [];
    const segments = paperSegments(order.field, order.direction);
    for (const [index, segment] of segments.entries()) {
      if (remaining <= 0 && total === 'NONE') break;
      const rows = await this.executor.read(
        paperListQuery(order.field, order.direction, segment, total, plan),
        { ...params, ...prefetchParams(plan), abstract, skip, limit: Math.max(remaining, 0) },
        { operation: 'papers.list' },
      );
      const row = rows[0] ?? { total: null, page: [] };
      if (total !== 'NONE') count = Number(row.total ?? 0);
      total = 'NONE';
      const got = asList(row.page);
      nodes.push(...got);
      remaining -= got.length;
      if (remaining <= 0 || index === segments.length - 1) break;
      if (got.length > 0 || skip === 0) {
        skip = 0;
        continue;
      }
      // Nothing left in this segment after `skip`: skip past its size into the next one.
      const sized = await this.executor.read(paperSegmentCountQuery(segment), params, {
        operation: 'papers.list',
      });
      skip = Math.max(skip - Number(sized[0]?.total ?? 0), 0);
    }
    const items = nodes.map((value) => {
      const entry = asMap(value);
      const node = toPaper(asMap(entry.n));
      if (abstract) this.loaders.node.prime(node.id, node);
      primePrefetched(this.loaders, plan, node.key, entry.pf);
      return { node };
    });
    return toConnection(items, count ?? 0, page);
  }
}
