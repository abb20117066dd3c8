// Range limits on arguments that size database work (`first`, `maxDepth`, `maxLength`), checked
// for the whole operation before execution starts (see argument-limits.plugin.ts) and again in
// resolvers, so an out-of-range value is a BAD_USER_INPUT that never reaches Neo4j.
import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { limitsConfigFromEnv } from '../../config/limits-config';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

export interface ArgumentLimit {
  min: number;
  max: number;
  defaultValue: number;
}

// Caps from PAPERGRAPH_MAX_FIRST / PAPERGRAPH_MAX_LINEAGE_DEPTH / PAPERGRAPH_MAX_PATH_LENGTH
// (defaults 100 / 10 / 10; see SECURITY.md and src/config/limits-config.ts).
const caps = limitsConfigFromEnv();

export const ARGUMENT_LIMITS: Record<'first' | 'maxDepth' | 'maxLength', ArgumentLimit> = {
  first: { min: 0, max: caps.maxFirst, defaultValue: Math.min(20, caps.maxFirst) },
  maxDepth: { min: 1, max: caps.maxLineageDepth, defaultValue: Math.min(3, caps.maxLineageDepth) },
  maxLength: { min: 1, max: caps.maxPathLength, defaultValue: Math.min(6, caps.maxPathLength) },
};

export function checkRange(name: keyof typeof ARGUMENT_LIMITS, value: number | null | undefined): number {
  const { min, max, defaultValue } = ARGUMENT_LIMITS[name];
  const v = value ?? defaultValue;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `\`${name}\` must be between ${min} and ${max} (got ${v}).`,
      {
        details: { argument: name, min, max },
      },
    );
  }
  return v;
}

/** A limited argument of an operation: where it is and the type its value coerces to. */
interface LimitedArgument {
  node: ArgumentNode;
  name: keyof typeof ARGUMENT_LIMITS;
  type: GraphQLInputType;
}

/**
 * The limited arguments of an operation (and of the document's fragments), in document order, found
 * once per schema and parsed operation: Apollo hands the same document object for the same query text
 * (its document cache), so a repeated query skips the walk with type info (~0.1 ms of server CPU per
 * request on the benchmark's machine) and only coerces its values.
 */
const limitedArgumentsOf = new WeakMap<GraphQLSchema, WeakMap<object, LimitedArgument[]>>();

function limitedArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
): LimitedArgument[] {
  let bySchema = limitedArgumentsOf.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    limitedArgumentsOf.set(schema, bySchema);
  }
  const key = operation ?? document;
  const known = bySchema.get(key);
  if (known) return known;
  const found: LimitedArgument[] = [];
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((d) => d.kind === 'FragmentDefinition');
  const targets = operation ? [operation, ...fragments] : document.definitions;
  for (const definition of targets) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const name = node.name.value;
          if (!(name in ARGUMENT_LIMITS)) return;
          const argDef = typeInfo.getArgument();
          if (argDef) found.push({ node, name: name as keyof typeof ARGUMENT_LIMITS, type: argDef.type });
        },
      }),
    );
  }
  bySchema.set(key, found);
  return found;
}

/**
 * Checks every limited argument of the operation that will run, literal or variable.
 * Returns the errors (empty when all values are in range).
 */
export function findArgumentLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const { node, name, type } of limitedArguments(schema, document, operation)) {
    const value = valueFromAST(node.value, type, variables);
    if (typeof value !== 'number') continue;
    try {
      checkRange(name, value);
    } catch (error) {
      const appError = error as AppError;
      errors.push(
        new GraphQLError(appError.message, {
          nodes: [node],
          extensions: { code: ErrorCode.BAD_USER_INPUT, ...appError.details, http: { status: 400 } },
        }),
      );
    }
  }
  return errors;
}
