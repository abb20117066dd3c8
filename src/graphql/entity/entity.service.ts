// Entity lookups (by id, by name or alias) and top-level lists for methods, datasets, tasks, concepts.
import type { Executor } from '../../db/executor';
import type { Plain } from '../../db/values';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { normalizeName } from '../../names/normalize';
import type { Loaders } from '../../../loaders/create-loaders';
import { toConnection, type PageRequest } from '../common/connection';
import { asList, asMap, toEntity } from '../../read-model/graph-mappers';
import { filterParams, type Direction, type ListFilter } from '../common/list-filter';
import type { ConnectionModel, EntityModel, EntityTypeName } from '../../read-model/models';
import { NO_PREFETCH, prefetchParams, primePrefetched, type PrefetchPlan } from '../../../loaders/prefetch';
import {
  entityByIdQuery,
  entityByNameQuery,
  entityListQuery,
  PAPER_LINKS,
  type EntityOrderField,
} from './entity.queries';

export class EntityService {
  constructor(
    private readonly executor: Executor,
    private readonly loaders: Loaders,
  ) {}

  /**
   * `Query.method(id, name)` and friends: by id, else by name or alias under the contract's
   * normalization. Unknown gives null; a name shared by several entities is BAD_USER_INPUT. The
   * planned nested fields come in the same statement (by id without a plan: the batched node loader).
   */
  async lookup(
    type: EntityTypeName,
    id: string | null | undefined,
    name: string | null | undefined,
    plan: PrefetchPlan = NO_PREFETCH,
  ): Promise<EntityModel | null> {
    const field = type.toLowerCase();
    if (id == null && name == null) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `\`${field}\` needs \`id\` or \`name\`.`);
    }
    if (id != null && plan.length === 0) {
      const node = await this.loaders.node.load(id);
      const found = node && node.__typename === type ? (node as EntityModel) : null;
      if (found && name != null && !this.matchesName(found, name)) return null;
      return found;
    }
    if (id != null) {
      const rows = await this.executor.read(
        entityByIdQuery(type, plan),
        { id, ...prefetchParams(plan) },
        { operation: `${field}.byId` },
      );
      if (rows.length === 0) return null;
      const found = this.primed(type, rows[0].n, rows[0].pf, plan);
      return name != null && !this.matchesName(found, name) ? null : found;
    }
    const key = normalizeName(name ?? '');
    if (key.length === 0) return null;
    const rows = await this.executor.read(
      entityByNameQuery(type, plan),
      { key, quotedKey: `"${key}"`, ...prefetchParams(plan) },
      { operation: `${field}.byName` },
    );
    if (rows.length === 0) return null;
    if (rows.length > 1) {
      const candidates = rows.map((row) => String(asMap(row.n).id));
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `The name "${name}" matches several ${field}s: ${candidates.join(', ')}. Look it up by \`id\` instead.`,
        { details: { candidates } },
      );
    }
    return this.primed(type, rows[0].n, rows[0].pf, plan);
  }

  /** The entity of a lookup row, primed into the node loader with its prefetched fields. */
  private primed(
    type: EntityTypeName,
    n: Plain | undefined,
    pf: Plain | undefined,
    plan: PrefetchPlan,
  ): EntityModel {
    const entity = toEntity(type, asMap(n));
    this.loaders.node.prime(entity.id, entity);
    primePrefetched(this.loaders, plan, entity.key, pf);
    return entity;
  }

  async list(
    type: EntityTypeName,
    filter: ListFilter | null | undefined,
    order: { field: EntityOrderField; direction: Direction },
    page: PageRequest,
  ): Promise<ConnectionModel<EntityModel>> {
    const links = PAPER_LINKS[type];
    const roleTypes = filter?.role ? links[filter.role] : [...links.INTRODUCED, ...links.USED];
    const paperFiltered = Boolean(
      filter?.role ||
      filter?.yearFrom != null ||
      filter?.yearTo != null ||
      filter?.usesMethod ||
      filter?.evaluatesOn ||
      filter?.addressesTask,
    );
    const rows = await this.executor.read(
      entityListQuery(type, order.field, order.direction),
      { ...filterParams(filter), roleTypes, paperFiltered, skip: page.skip, limit: page.limit },
      { operation: `${type.toLowerCase()}s.list` },
    );
    const row = rows[0] ?? { total: 0, page: [] };
    const items = asList(row.page).map((value) => {
      const item = asMap(value);
      return { node: toEntity(type, asMap(item.node)), data: { paperCount: Number(item.paperCount) } };
    });
    return toConnection(items, Number(row.total), page);
  }

  private matchesName(entity: EntityModel, name: string): boolean {
    const key = normalizeName(name);
    return [entity.name, ...entity.aliases].some((n) => normalizeName(n) === key);
  }
}
