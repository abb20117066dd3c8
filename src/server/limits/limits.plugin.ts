// Apollo plugin enforcing the operation cost budget (needs the variables, so it runs at
// `didResolveOperation`: after validation, before any resolver) and restoring the codes of the
// limit validation rules, which Apollo re-labels GRAPHQL_VALIDATION_FAILED.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { LimitsConfig } from '../../config/limits-config';
import { createAliasLimitRule } from './alias-limit.rule';
import { createDepthLimitRule } from './depth-limit.rule';
import { effectiveErrorCode, LIMIT_CODES, queryTooComplex } from './limit-error';
import { estimateOperationCost } from './operation-cost';

/** The validation rules to pass as Apollo's `validationRules` (depth and aliases). */
export function limitValidationRules(
  config: Pick<LimitsConfig, 'maxDepth' | 'maxAliases'>,
): ValidationRule[] {
  return [createDepthLimitRule(config.maxDepth), createAliasLimitRule(config.maxAliases)];
}

/** Options for Apollo's constructor that belong to the limits (spread them into `new ApolloServer`). */
export function limitServerOptions(config: LimitsConfig): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  introspection: boolean;
  allowBatchedHttpRequests: boolean;
} {
  return {
    validationRules: limitValidationRules(config),
    parseOptions: { maxTokens: config.maxTokens },
    introspection: config.introspection,
    allowBatchedHttpRequests: config.maxBatch > 1,
  };
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

export function createLimitsPlugin(config: LimitsConfig): ApolloServerPlugin<BaseContext> {
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
          restoreLimitCodes(requestContext);
        },
      };
    },
  };
}
