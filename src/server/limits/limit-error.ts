// Coded GraphQL errors for rejected operations: QUERY_TOO_COMPLEX (depth, cost, aliases, batch) with
// HTTP 400, raised before any resolver runs.
import { GraphQLError, type ASTNode } from 'graphql';
import { isAppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

/** Codes a limit rule may attach; the limits plugin restores them after Apollo's validation wrapper. */
export const LIMIT_CODES: ReadonlySet<string> = new Set([
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.BAD_USER_INPUT,
]);

export function queryTooComplex(
  message: string,
  details: Record<string, unknown> = {},
  nodes?: ASTNode[],
): GraphQLError {
  return new GraphQLError(message, {
    nodes,
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...details, http: { status: 400 } },
  });
}

/**
 * The code a client sees for an error: a resolver's AppError code, a limit rule's own code when
 * Apollo wrapped it as a validation failure, else the error's code (INTERNAL_SERVER_ERROR when none).
 */
export function effectiveErrorCode(error: GraphQLError): string {
  const inner = error.originalError;
  // resolver errors carry the AppError whose code formatError will show
  if (isAppError(inner)) return inner.code;
  const innerCode = inner instanceof GraphQLError ? inner.extensions?.code : undefined;
  if (typeof innerCode === 'string' && LIMIT_CODES.has(innerCode)) return innerCode;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}
