// Executes operations with graphql-jit: an operation that runs again is compiled once into a
// JavaScript function, where graphql-js interprets the document on every request (argument coercion,
// path and info objects, completion by type for every field of every item). Apollo keeps parsing,
// validation (our limits included), plugins, error formatting and HTTP; it hands us the validated
// document through its gateway hook, the one place Apollo Server 5 accepts another executor.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Compiling costs about as much as parsing and validating (1-3 ms for our largest queries, ~20 ms for
 * the introspection query), so a one-off query runs interpreted and only the second run of the same
 * document compiles: front ends and integrations send the same few documents over and over.
 */
export const COMPILE_ON_RUN = 2;

/** Operations tracked per document; past it the document's entries start over (a bound, not a cache policy). */
const MAX_OPERATIONS_PER_DOCUMENT = 16;

interface Compiled {
  query: CompiledQuery;
  variables: readonly VariableDefinitionNode[];
}

interface OperationState {
  runs: number;
  /** The compiled operation, `null` when graphql-jit declined it (it then keeps running interpreted). */
  compiled?: Compiled | null;
}

export interface JitExecutorStats {
  compiled: number;
  interpreted: number;
}

/**
 * graphql-jit reports errors with a GraphQLError look-alike whose `extensions` is undefined when the
 * cause has none; Apollo and our formatError expect graphql-js's class (`extensions` always an
 * object). Rebuild each error as graphql-js would have: same message, path, locations and cause.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

export interface JitExecutor {
  run(
    document: DocumentNode,
    operationName: string | null,
    contextValue: unknown,
    variables: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult>;
  /** How many runs went through a compiled operation and how many through graphql-js (tests read it). */
  readonly stats: JitExecutorStats;
}

export function createJitExecutor(schema: GraphQLSchema, compileOnRun = COMPILE_ON_RUN): JitExecutor {
  // Keyed by the parsed document: Apollo hands the same object for the same query text (its
  // document cache), and a document it evicts takes its compiled operations with it.
  const byDocument = new WeakMap<DocumentNode, Map<string, OperationState>>();
  const stats: JitExecutorStats = { compiled: 0, interpreted: 0 };

  const compiledFor = (document: DocumentNode, operationName: string | null): Compiled | null => {
    let operations = byDocument.get(document);
    if (!operations) {
      operations = new Map();
      byDocument.set(document, operations);
    }
    const key = operationName ?? '';
    let state = operations.get(key);
    if (!state) {
      if (operations.size >= MAX_OPERATIONS_PER_DOCUMENT) operations.clear();
      state = { runs: 0 };
      operations.set(key, state);
    }
    state.runs++;
    if (state.compiled === undefined && state.runs >= compileOnRun) {
      const result = compileQuery(schema, document, operationName ?? undefined, {
        // Resolver errors keep their own stack; capturing another per error is wasted work.
        disablingCapturingStackErrors: true,
      });
      const operation = getOperationAST(document, operationName);
      state.compiled =
        isCompiledQuery(result) && operation
          ? { query: result, variables: operation.variableDefinitions ?? [] }
          : null;
    }
    return state.compiled ?? null;
  };

  return {
    stats,
    async run(document, operationName, contextValue, variables) {
      const compiled = compiledFor(document, operationName);
      if (!compiled) {
        stats.interpreted++;
        return execute({ schema, document, contextValue, variableValues: variables, operationName });
      }
      // Variables are checked by graphql-js first: a bad value gets its exact error (Apollo answers it
      // 400 BAD_USER_INPUT by that error's shape); graphql-jit's own check then sees valid input.
      // maxErrors: graphql-js's execute() reports at most 50 as well.
      const checked = getVariableValues(schema, compiled.variables, variables ?? {}, { maxErrors: 50 });
      if (checked.errors) return { errors: checked.errors };
      stats.compiled++;
      const result = await compiled.query.query(undefined, contextValue, variables ?? {});
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
    },
  };
}

/** What Apollo Server takes in place of `schema`: a fixed schema, executed by `executor`. */
export function jitGateway(schema: GraphQLSchema, executor: JitExecutor): GatewayInterface {
  const gatewayExecutor: GatewayExecutor = (requestContext) =>
    executor.run(
      requestContext.document,
      requestContext.operationName,
      requestContext.context,
      requestContext.request.variables,
    );
  return {
    load: () => Promise.resolve({ executor: gatewayExecutor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}
