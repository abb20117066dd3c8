// Looks ahead from a root field (`paper`, `papers`, `method`, ...) at the fields its client selected on
// the returned nodes, and plans which of them the root statement can fetch too (loaders/prefetch.ts):
// every nested connection backed by a neighbor relation (`Paper.methods` -> `paper.methods`) and
// `Method.lineage`. Arguments are coerced exactly as execution will coerce them (getArgumentValues,
// defaults included) and the page / selection flags computed as the field resolvers compute them, so
// the primed loader keys are the ones the resolvers will ask for. A field whose arguments are invalid
// is left out: its resolver reports the error as before.
import {
  getArgumentValues,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { LineageDirectionName } from '../../../loaders/lineage.queries';
import { RELATIONS, type RelationName } from '../../../loaders/neighbors.queries';
import type { PrefetchItem, PrefetchPlan } from '../../../loaders/prefetch';
import { normalizeName } from '../../names/normalize';
import { checkRange } from './argument-limits';
import { pageRequest } from './connection';
import { neighborRequest } from './neighbors';
import { connectionNodeType, lineageNodeProperties, resultRowProperties } from './node-properties';
import { connectionNodeSelections, isSelectedUnder } from './selection';

/** At most this many nested fields per level are folded into one root statement; the rest use their loaders. */
export const MAX_PREFETCH_ITEMS = 8;

/** Levels below the root that are prefetched (the root's connections, and theirs); deeper ones use loaders. */
export const MAX_PREFETCH_DEPTH = 2;

/** Where the planned type's nodes sit under the root field. */
export type PrefetchAt = 'object' | 'connection';

function collectFields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  set: SelectionSetNode | undefined,
  into: Map<string, FieldNode[]>,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === 'InlineFragment' ? selection : info.fragments[selection.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    if (condition && condition !== type.name) {
      const conditionType = info.schema.getType(condition);
      if (!conditionType || !isAbstractType(conditionType) || !info.schema.isSubType(conditionType, type))
        continue;
    }
    collectFields(info, type, fragment.selectionSet, into);
  }
}

/** The selection sets holding the planned nodes: the field's own, or its `edges.node` and `nodes`. */
function nodeSelections(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  at: PrefetchAt,
): (SelectionSetNode | undefined)[] {
  return at === 'object'
    ? fieldNodes.map((node) => node.selectionSet)
    : connectionNodeSelections(fieldNodes, info.fragments);
}

function planField(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: FieldNode[],
  depth: number,
): PrefetchItem | null {
  const name = nodes[0].name.value;
  const field = type.getFields()[name];
  if (!field) return null;
  const relation = `${type.name.toLowerCase()}.${name}`;
  try {
    const args = getArgumentValues(field, nodes[0], info.variableValues);
    if (relation in RELATIONS) {
      const nodeType = connectionNodeType(field.type);
      return {
        kind: 'neighbors',
        relation: relation as RelationName,
        items:
          nodeType && depth > 1
            ? planFor(info, nodeType, nodeSelections(info, nodes, 'connection'), depth - 1)
            : [],
        key: neighborRequest(info, nodes, field.type, args),
      };
    }
    if (type.name === 'Dataset' && name === 'leaderboard') {
      const metric = args.metric as string;
      if (!normalizeName(metric)) return null;
      const page = pageRequest(
        args.first as number | null | undefined,
        args.after as string | null | undefined,
      );
      return {
        kind: 'leaderboard',
        key: {
          metric,
          task: (args.task as string | null | undefined) ?? null,
          skip: page.skip,
          limit: page.limit,
          // the same projection the field's resolver asks for (so the primed key is the one it loads)
          props: resultRowProperties(info, nodes),
        },
      };
    }
    if (type.name === 'Method' && name === 'lineage') {
      return {
        kind: 'lineage',
        key: {
          direction: args.direction as LineageDirectionName,
          maxDepth: checkRange('maxDepth', args.maxDepth as number | null | undefined),
          evidence: isSelectedUnder(nodes, info.fragments, ['edges', 'evidence']),
          first:
            args.first === null || args.first === undefined
              ? null
              : checkRange('first', args.first as number),
          props: lineageNodeProperties(info, nodes),
        },
      };
    }
  } catch {
    return null; // invalid arguments: the field's resolver reports them
  }
  return null;
}

function planFor(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  sets: (SelectionSetNode | undefined)[],
  depth: number,
): PrefetchPlan {
  const fields = new Map<string, FieldNode[]>();
  for (const set of sets) collectFields(info, type, set, fields);
  const plan: PrefetchItem[] = [];
  for (const nodes of fields.values()) {
    if (plan.length >= MAX_PREFETCH_ITEMS) break;
    const item = planField(info, type, nodes, depth);
    if (item) plan.push(item);
  }
  return plan;
}

/** The prefetch plan of a root field whose nodes (of object type `typeName`) sit `at` its result. */
export function planPrefetch(info: GraphQLResolveInfo, typeName: string, at: PrefetchAt): PrefetchPlan {
  const type = info.schema.getType(typeName);
  if (!type || !isObjectType(type)) return [];
  return planFor(info, type, nodeSelections(info, info.fieldNodes, at), MAX_PREFETCH_DEPTH);
}
