// The error codes of the public contract (`extensions.code` in GraphQL responses), shared by the
// CLI, the executor and the API.
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  RATE_LIMITED = 'RATE_LIMITED',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /**
   * Neo4j answers but cannot take this request now: every connection of the process's pool in use,
   * the server's transaction memory or transaction slots exhausted, a lock wait cut by the time limit.
   * Retry after a moment (`extensions.retryable`, `extensions.reason`).
   */
  DATABASE_BUSY = 'DATABASE_BUSY',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** Not a GraphQL code: configuration or environment problems reported by the CLI. */
  CONFIGURATION = 'CONFIGURATION',
  /** A migration was edited after it was applied, or another migrate run holds the lock. */
  MIGRATION = 'MIGRATION',
  /** Not a GraphQL code: writes kept changing the graph while `papergraph export` read it. */
  GRAPH_CHANGED = 'GRAPH_CHANGED',
}
