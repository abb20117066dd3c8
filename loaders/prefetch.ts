// Prefetching: a root query (a paper, a page of papers, an entity lookup) can fetch the nested
// connections and lineages its client selected in the SAME statement as the root nodes, then prime
// the request's loaders with them - the field resolvers then find their pages in the loader cache and
// run no statement of their own. The pages come from the same Cypher clauses as the loaders' own
// statements (neighborsPageClauses, lineageClauses) and are primed under the same cache keys, so a
// prefetched answer is exactly the answer the loader would have given. A field the plan did not cover
// (other arguments, deeper levels) still goes through its loader as before.
import type { Loaders } from './create-loaders';
import type { LineageKey } from './lineage.loader';
import { lineageClauses, lineagePageClauses } from './lineage.queries';
import { neighborKeyParam, neighborPageShape, toNeighborPage, type NeighborKey } from './neighbors.loader';
import { RELATIONS, neighborsPageClauses, prefetchPageClauses, type RelationName } from './neighbors.queries';
import { leaderboardParam, toResultPage, type LeaderboardKey } from './results.loader';
import { leaderboardClauses } from './results.queries';
import type { Plain } from '../src/db/values';
import { asList, asMap } from '../src/read-model/graph-mappers';

export type PrefetchItem =
  | {
      kind: 'neighbors';
      relation: RelationName;
      key: Omit<NeighborKey, 'id'>;
      /** Prefetched for each node of the page, in the same statement (one level deeper). */
      items?: PrefetchPlan;
    }
  | { kind: 'lineage'; key: Omit<LineageKey, 'id'> }
  | { kind: 'leaderboard'; key: Omit<LeaderboardKey, 'id'> };

/** What one root query fetches for each of its nodes, besides the nodes themselves. */
export type PrefetchPlan = readonly PrefetchItem[];

export const NO_PREFETCH: PrefetchPlan = [];

/** Column (and parameter) name of item i of a plan; nested plans extend their parent's: `pf0_1`. */
const column = (i: number, prefix = 'pf'): string => `${prefix}${i}`;

/**
 * One `CALL { ... }` per plan item for the node in variable `nodeVar`; item i yields column `pf<i>`
 * (read with prefetchColumns). Parameters come from prefetchParams.
 */
export function prefetchSubqueries(plan: PrefetchPlan, nodeVar: string, prefix = 'pf'): string {
  return plan
    .map((item, i) => {
      const name = column(i, prefix);
      if (item.kind === 'neighbors') {
        const nested = item.items?.length
          ? {
              subqueries: prefetchSubqueries(item.items, 't', `${name}_`),
              columns: prefetchColumns(item.items, `${name}_`),
            }
          : undefined;
        const clauses = RELATIONS[item.relation].derived
          ? neighborsPageClauses(item.relation, nested, name, item.key.rels ?? true)
          : prefetchPageClauses(item.relation, neighborPageShape(item.relation, item.key), name, nested);
        return `
CALL {
  WITH ${nodeVar}
  WITH ${nodeVar} AS s, $${name} AS key${clauses}
  RETURN {total: total, page: page} AS ${name}
}`;
      }
      if (item.kind === 'leaderboard') {
        return `
CALL {
  WITH ${nodeVar}
  WITH ${nodeVar} AS d, $${name} AS lb${leaderboardClauses(item.key.props ?? null)}
  RETURN {total: total, page: page} AS ${name}
}`;
      }
      return `
CALL {
  WITH ${nodeVar}
  WITH ${nodeVar} AS m, $${name} AS lkey${
    item.key.first === null
      ? lineageClauses(item.key.direction, item.key.maxDepth, name, item.key.props)
      : lineagePageClauses(item.key.direction, item.key.maxDepth, name, `$${name}.first`, item.key.props)
  }
}`;
    })
    .join('');
}

/** `[pf0, pf1, ...]`: the plan's results of one node as a Cypher list expression. */
export function prefetchColumns(plan: PrefetchPlan, prefix = 'pf'): string {
  return `[${plan.map((_, i) => column(i, prefix)).join(', ')}]`;
}

/** The statement parameters of the plan (`pf0`, `pf1`, ..., nested `pf0_0`, ...). */
export function prefetchParams(plan: PrefetchPlan, prefix = 'pf'): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  plan.forEach((item, i) => {
    const name = column(i, prefix);
    if (item.kind === 'neighbors') {
      params[name] = neighborKeyParam(item.relation, { id: '', ...item.key });
      if (item.items) Object.assign(params, prefetchParams(item.items, `${name}_`));
    } else if (item.kind === 'leaderboard') {
      params[name] = leaderboardParam({ id: '', ...item.key });
    } else {
      params[name] = { evidence: item.key.evidence, first: item.key.first };
    }
  });
  return params;
}

/** Primes the loaders with one node's prefetched results (`values`: its prefetchColumns list). */
export function primePrefetched(
  loaders: Loaders,
  plan: PrefetchPlan,
  id: string,
  values: Plain | undefined,
): void {
  const list = asList(values);
  plan.forEach((item, i) => {
    if (list[i] === undefined || list[i] === null) return;
    if (item.kind === 'neighbors') {
      const page = asMap(list[i]);
      const result = toNeighborPage(item.relation, page.total, page.page, item.key.props ?? null);
      loaders.neighbors[item.relation].prime({ id, ...item.key }, result);
      if (item.items?.length) {
        const raw = asList(page.page);
        result.items.forEach((entry, j) =>
          primePrefetched(loaders, item.items ?? [], entry.node.key, asMap(raw[j]).pf),
        );
      }
    } else if (item.kind === 'leaderboard') {
      const page = asMap(list[i]);
      loaders.results.leaderboard.prime({ id, ...item.key }, toResultPage(page.total, page.page));
    } else {
      loaders.lineage.prime({ id, ...item.key }, asList(list[i]));
    }
  });
}
