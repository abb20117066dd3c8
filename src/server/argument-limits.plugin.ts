// Apollo plugin: range-checks `first`, `maxDepth` and `maxLength` across the whole operation (literals
// and variables) once the operation is resolved, before execution - so an out-of-range value is a
// BAD_USER_INPUT (HTTP 400) and no resolver, loader or Cypher statement runs.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { findArgumentLimitErrors } from '../graphql/common/argument-limits';

export function createArgumentLimitsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const errors = findArgumentLimitErrors(schema, document, operation, request.variables);
          // Apollo reports a GraphQLError thrown here as the response's errors (no data), with
          // the status from extensions.http.
          if (errors.length > 0) throw errors[0];
        },
      };
    },
  };
}
