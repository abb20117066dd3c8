// Estimates what an operation will cost before it runs: every field costs 1, and a field with a
// `first` argument (connections, search, related) counts its sub-selection `first` times, so nested
// pages multiply (`papers(first: 100) { ... methods(first: 100) { ... } }` costs about 100 x 100 x fields).
// `first` comes from the literal, the variables, the schema default, or `assumedFirst`; values above
// `maxFirst` are clamped here because the argument check already rejects them with BAD_USER_INPUT.
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostOptions {
  assumedFirst: number;
  maxFirst: number;
}

function rootType(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): GraphQLCompositeType | null | undefined {
  if (operation.operation === 'query') return schema.getQueryType();
  if (operation.operation === 'mutation') return schema.getMutationType();
  return schema.getSubscriptionType();
}

function fieldDef(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/**
 * Returns the estimated cost, or `null` when the variables do not coerce (execution will then
 * fail with a coded error before any resolver runs, so there is nothing to estimate).
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  options: CostOptions,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment's cost does not depend on where it is spread (multipliers apply from outside), so it
  // is computed once: fragment fan-out cannot make the estimate itself expensive.
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const costOfSet = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const def = fieldDef(schema, parent, selection.name.value);
        if (!def) continue;
        let multiplier = 1;
        if (def.args.some((a) => a.name === 'first')) {
          let first: unknown;
          try {
            first = getArgumentValues(def, selection, variables).first;
          } catch {
            first = undefined; // a bad value is the argument check's to report
          }
          const n = typeof first === 'number' && Number.isFinite(first) ? first : options.assumedFirst;
          multiplier = Math.max(0, Math.min(n, options.maxFirst));
        }
        const named = getNamedType(def.type);
        const child =
          selection.selectionSet && isCompositeType(named) ? costOfSet(selection.selectionSet, named) : 0;
        total += 1 + multiplier * child;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition)) total += costOfSet(selection.selectionSet, condition);
      } else {
        total += costOfFragment(selection.name.value);
      }
    }
    return total;
  };

  const costOfFragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return 0;
    const condition = schema.getType(fragment.typeCondition.name.value);
    if (!condition || !isCompositeType(condition)) return 0;
    visiting.add(name);
    const cost = costOfSet(fragment.selectionSet, condition);
    visiting.delete(name);
    memo.set(name, cost);
    return cost;
  };

  const root = rootType(schema, operation);
  return root ? costOfSet(operation.selectionSet, root) : null;
}
