// Every hardening limit of the HTTP/GraphQL server, read once from the environment with defaults and
// validated with a message that says how to fix a bad value. SECURITY.md lists each one; keep them in sync.
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export interface RateLimitSetting {
  /** Requests allowed per window (also the bucket size: a client may burst up to this many). */
  limit: number;
  /** Window length in ms; tokens refill continuously at `limit / windowMs`. */
  windowMs: number;
}

export interface LimitsConfig {
  /** Maximum field nesting of an operation, fragments expanded, introspection included. */
  maxDepth: number;
  /** Maximum cost of an operation (each field 1; a field with `first: n` counts its selection n times). */
  maxComplexity: number;
  /** `first` assumed by the cost estimate when a query omits it and the schema declares no default. */
  assumedFirst: number;
  /** Maximum number of aliased fields in a document. */
  maxAliases: number;
  /** Maximum lexical tokens in a query document, counted before parsing: bounds parse and validation work. */
  maxTokens: number;
  /** Maximum `first` on any connection or list. */
  maxFirst: number;
  /** Maximum `Method.lineage(maxDepth)`. */
  maxLineageDepth: number;
  /** Maximum `Query.path(maxLength)`. */
  maxPathLength: number;
  /** Maximum HTTP request body, bytes. */
  maxBodyBytes: number;
  /** Per-statement database time limit (Neo4j transaction timeout), ms. */
  queryTimeoutMs: number;
  /** How long the driver retries a failing statement (e.g. while Neo4j restarts), ms: bounds how long a request waits on a dead database. */
  dbRetryMs: number;
  /** How long to wait for a database connection, ms. */
  dbConnectTimeoutMs: number;
  /** Time a client has to send the request headers, ms (Node `server.headersTimeout`). */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, ms (Node `server.requestTimeout`). */
  requestTimeoutMs: number;
  /** Whether `__schema` / `__type` introspection is answered. */
  introspection: boolean;
  /** Per-key / per-address rate limit; `null` = off (the default). */
  rateLimit: RateLimitSetting | null;
  /** Most clients tracked by the rate limiter at once (bounds its memory). */
  rateLimitMaxClients: number;
  /** Take the client address from the last `X-Forwarded-For` entry (only behind a trusted proxy). */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: Readonly<LimitsConfig> = Object.freeze({
  maxDepth: 12,
  maxComplexity: 50_000,
  assumedFirst: 20,
  maxAliases: 30,
  maxTokens: 10_000,
  maxFirst: 100,
  maxLineageDepth: 10,
  maxPathLength: 10,
  maxBodyBytes: 1024 * 1024,
  queryTimeoutMs: 10_000,
  dbRetryMs: 2_000,
  dbConnectTimeoutMs: 3_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  introspection: true,
  rateLimit: null,
  rateLimitMaxClients: 10_000,
  trustProxy: false,
});

/** The environment variable of each setting (SECURITY.md's table is generated from the same names). */
export const LIMIT_ENV: Readonly<Record<keyof LimitsConfig, string>> = Object.freeze({
  maxDepth: 'PAPERGRAPH_MAX_DEPTH',
  maxComplexity: 'PAPERGRAPH_MAX_COMPLEXITY',
  assumedFirst: 'PAPERGRAPH_ASSUMED_FIRST',
  maxAliases: 'PAPERGRAPH_MAX_ALIASES',
  maxTokens: 'PAPERGRAPH_MAX_TOKENS',
  maxFirst: 'PAPERGRAPH_MAX_FIRST',
  maxLineageDepth: 'PAPERGRAPH_MAX_LINEAGE_DEPTH',
  maxPathLength: 'PAPERGRAPH_MAX_PATH_LENGTH',
  maxBodyBytes: 'PAPERGRAPH_MAX_BODY_BYTES',
  queryTimeoutMs: 'PAPERGRAPH_QUERY_TIMEOUT_MS',
  dbRetryMs: 'PAPERGRAPH_DB_RETRY_MS',
  dbConnectTimeoutMs: 'PAPERGRAPH_DB_CONNECT_TIMEOUT_MS',
  headersTimeoutMs: 'PAPERGRAPH_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'PAPERGRAPH_REQUEST_TIMEOUT_MS',
  introspection: 'PAPERGRAPH_INTROSPECTION',
  rateLimit: 'PAPERGRAPH_RATE_LIMIT',
  rateLimitMaxClients: 'PAPERGRAPH_RATE_LIMIT_MAX_CLIENTS',
  trustProxy: 'PAPERGRAPH_TRUST_PROXY',
});

function configError(message: string): AppError {
  return new AppError(ErrorCode.CONFIGURATION, message);
}

function intSetting(env: NodeJS.ProcessEnv, key: keyof LimitsConfig, min: number, max: number): number {
  const name = LIMIT_ENV[key];
  const raw = env[name]?.trim();
  const fallback = DEFAULT_LIMITS[key] as number;
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw))
    throw configError(`${name}="${raw}" is not a whole number; use e.g. ${name}=${fallback}.`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw configError(
      `${name}=${value} is out of range: use a value from ${min} to ${max} (default ${fallback}).`,
    );
  }
  return value;
}

function boolSetting(env: NodeJS.ProcessEnv, key: keyof LimitsConfig): boolean {
  const name = LIMIT_ENV[key];
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return DEFAULT_LIMITS[key] as boolean;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw configError(`${name}="${raw}" is not a boolean; use true or false.`);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 * 1024,
  m: 1024 * 1024,
};

/** Parses a byte size: `1048576`, `512kb`, `1mb` (binary units). */
export function parseByteSize(name: string, raw: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(raw.trim());
  const unit = match?.[2].toLowerCase() ?? '';
  if (!match || !(unit in SIZE_UNITS))
    throw configError(`${name}="${raw}" is not a size; use bytes or e.g. 512kb, 1mb.`);
  return Number(match[1]) * SIZE_UNITS[unit];
}

const WINDOW_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `PAPERGRAPH_RATE_LIMIT`: `<requests>/<window>` with window `60s`, `1m`, `500ms`, `1h` (a bare number is seconds). */
export function parseRateLimit(raw: string, name = LIMIT_ENV.rateLimit): RateLimitSetting | null {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'off' || text === '0') return null;
  const match = /^(\d+)\s*\/\s*(\d*)\s*(ms|s|m|h)?$/.exec(text);
  if (!match)
    throw configError(
      `${name}="${raw}" is not a rate; use <requests>/<window>, e.g. 120/60s or 10/1s (or "off").`,
    );
  const limit = Number(match[1]);
  const windowMs = Number(match[2] || '1') * WINDOW_UNITS[match[3] ?? 's'];
  if (limit < 1 || limit > 1_000_000)
    throw configError(`${name}="${raw}": requests per window must be from 1 to 1000000.`);
  if (windowMs < 100 || windowMs > 86_400_000)
    throw configError(`${name}="${raw}": the window must be from 100ms to 24h.`);
  return { limit, windowMs };
}

/** Reads and validates every limit; throws a CONFIGURATION AppError naming the variable on a bad value. */
export function limitsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  const bodyRaw = env[LIMIT_ENV.maxBodyBytes]?.trim();
  const maxBodyBytes = bodyRaw ? parseByteSize(LIMIT_ENV.maxBodyBytes, bodyRaw) : DEFAULT_LIMITS.maxBodyBytes;
  if (maxBodyBytes < 1024 || maxBodyBytes > 64 * 1024 * 1024) {
    throw configError(`${LIMIT_ENV.maxBodyBytes}=${bodyRaw} is out of range: use 1kb to 64mb (default 1mb).`);
  }
  const rateRaw = env[LIMIT_ENV.rateLimit];
  const config: LimitsConfig = {
    maxDepth: intSetting(env, 'maxDepth', 2, 100),
    maxComplexity: intSetting(env, 'maxComplexity', 1, 100_000_000),
    assumedFirst: intSetting(env, 'assumedFirst', 1, 10_000),
    maxAliases: intSetting(env, 'maxAliases', 0, 10_000),
    maxTokens: intSetting(env, 'maxTokens', 100, 1_000_000),
    maxFirst: intSetting(env, 'maxFirst', 1, 10_000),
    maxLineageDepth: intSetting(env, 'maxLineageDepth', 1, 50),
    maxPathLength: intSetting(env, 'maxPathLength', 1, 50),
    maxBodyBytes,
    queryTimeoutMs: intSetting(env, 'queryTimeoutMs', 10, 3_600_000),
    dbRetryMs: intSetting(env, 'dbRetryMs', 0, 600_000),
    dbConnectTimeoutMs: intSetting(env, 'dbConnectTimeoutMs', 100, 600_000),
    headersTimeoutMs: intSetting(env, 'headersTimeoutMs', 100, 600_000),
    requestTimeoutMs: intSetting(env, 'requestTimeoutMs', 100, 3_600_000),
    introspection: boolSetting(env, 'introspection'),
    rateLimit: rateRaw === undefined ? null : parseRateLimit(rateRaw),
    rateLimitMaxClients: intSetting(env, 'rateLimitMaxClients', 10, 10_000_000),
    trustProxy: boolSetting(env, 'trustProxy'),
  };
  if (config.requestTimeoutMs < config.headersTimeoutMs) {
    throw configError(
      `${LIMIT_ENV.requestTimeoutMs}=${config.requestTimeoutMs} is shorter than ${LIMIT_ENV.headersTimeoutMs}=${config.headersTimeoutMs}; the request timeout must be at least the headers timeout.`,
    );
  }
  return config;
}
