// Apollo plugin and validation rules for the operation limits, all enforced before any resolver:
//   - token count (graphql-js `maxTokens` parse option: GRAPHQL_PARSE_FAILED before any validation),
//   - depth and aliases (validation rules; Apollo re-labels their errors GRAPHQL_VALIDATION_FAILED,
//     so `willSendResponse` restores QUERY_TOO_COMPLEX),
//   - cost (needs the variables, so it runs at `didResolveOperation`),
//   - introspection on/off (graphql-js's NoSchemaIntrospectionCustomRule).
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { LimitsConfig } from '../../config/limits-config';
import { createAliasLimitRule } from './alias-limit.rule';
import { createDepthLimitRule } from './depth-limit.rule';
import { effectiveErrorCode, LIMIT_CODES, queryTooComplex } from './limit-error';
import { estimateOperationCost } from './operation-cost';

/** The validation rules to pass as Apollo's `validationRules`. */
export function limitValidationRules(
  config: Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'introspection'>,
): ValidationRule[] {
  const rules = [createDepthLimitRule(config.maxDepth), createAliasLimitRule(config.maxAliases)];
  if (!config.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/** Apollo's `parseOptions`: graphql-js stops parsing past `maxTokens`, bounding parse and validation work. */
export function limitParseOptions(config: Pick<LimitsConfig, 'maxTokens'>): { maxTokens: number } {
  return { maxTokens: config.maxTokens };
}

/** Estimated cost of each request (read by the request logger). */
export const operationCosts = new WeakMap<object, number>();

function restoreLimitCodes(requestContext: GraphQLRequestContextWillSendResponse<BaseContext>): void {
  const body = requestContext.response.body;
  const originals = requestContext.errors;
  if (body.kind !== 'single' || !originals || !body.singleResult.errors) return;
  const formatted = body.singleResult.errors;
  if (formatted.length !== originals.length) return;
  let changed = false;
  const next = formatted.map((error, i) => {
    const code = effectiveErrorCode(originals[i]);
    if (!LIMIT_CODES.has(code) || error.extensions?.code === code) return error;
    changed = true;
    return { ...error, extensions: { ...error.extensions, code } };
  });
  if (changed) body.singleResult.errors = next;
}

export function createLimitsPlugin<TContext extends BaseContext>(
  config: LimitsConfig,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { schema, document, operation, request } = requestContext;
          if (!operation) return;
          const cost = estimateOperationCost(schema, document, operation, request.variables, {
            assumedFirst: config.assumedFirst,
            maxFirst: config.maxFirst,
          });
          if (cost === null) return;
          operationCosts.set(request, cost);
          if (cost > config.maxComplexity) {
            throw queryTooComplex(
              `The operation would cost ${cost} (each field 1, a field with \`first: n\` counts its selection n times); the budget is ${config.maxComplexity} (PAPERGRAPH_MAX_COMPLEXITY). Ask for smaller pages or fewer nested lists.`,
              { limit: 'complexity', cost, maxComplexity: config.maxComplexity },
            );
          }
        },
        async willSendResponse(requestContext) {
          restoreLimitCodes(requestContext as GraphQLRequestContextWillSendResponse<BaseContext>);
        },
      };
    },
  };
}
