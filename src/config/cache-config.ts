// The API's result and HTTP cache settings, read once from the environment with defaults and
// validated with a message that says how to fix a bad value (README's configuration table lists them).
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export interface CacheConfig {
  /** Memory bound of the in-process result cache, bytes; 0 turns the cache off. */
  maxBytes: number;
  /** How long another process's write may stay unseen, ms: the graph version is read at most once per interval. */
  staleMs: number;
  /** `Cache-Control` of successful `GET /graphql` query responses (public reads). */
  cacheControl: string;
}

export const CACHE_ENV = Object.freeze({
  maxBytes: 'PAPERGRAPH_CACHE_MB',
  staleMs: 'PAPERGRAPH_CACHE_STALE_MS',
  cacheControl: 'PAPERGRAPH_CACHE_CONTROL',
});

export const DEFAULT_CACHE_MB = 64;
export const DEFAULT_CACHE_STALE_MS = 1_000;
/** Shared caches may store a read but must revalidate it (a cheap 304 through the ETag): never stale. */
export const DEFAULT_CACHE_CONTROL = 'no-cache';

function configError(message: string): AppError {
  return new AppError(ErrorCode.CONFIGURATION, message);
}

/**
 * Reads and validates the cache settings. `readsRequireKey` (PAPERGRAPH_READ_KEYS set): a `public`
 * Cache-Control would let a shared cache hand a keyed read to a client without a key, so it is refused.
 */
export function cacheConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  options: { readsRequireKey?: boolean } = {},
): CacheConfig {
  const mbRaw = env[CACHE_ENV.maxBytes]?.trim();
  const mb = mbRaw ? Number(mbRaw) : DEFAULT_CACHE_MB;
  if (!Number.isFinite(mb) || mb < 0 || mb > 65_536 || (mbRaw !== undefined && !/^\d+(\.\d+)?$/.test(mbRaw)))
    throw configError(
      `${CACHE_ENV.maxBytes}="${mbRaw}" is not a size in megabytes from 0 to 65536; use e.g. ${CACHE_ENV.maxBytes}=${DEFAULT_CACHE_MB} (0 turns the result cache off).`,
    );
  const staleRaw = env[CACHE_ENV.staleMs]?.trim();
  const staleMs = staleRaw ? Number(staleRaw) : DEFAULT_CACHE_STALE_MS;
  if (
    !Number.isInteger(staleMs) ||
    staleMs < 0 ||
    staleMs > 3_600_000 ||
    (staleRaw && !/^\d+$/.test(staleRaw))
  )
    throw configError(
      `${CACHE_ENV.staleMs}="${staleRaw}" is not a whole number of milliseconds from 0 to 3600000; use e.g. ${CACHE_ENV.staleMs}=${DEFAULT_CACHE_STALE_MS}.`,
    );
  const cacheControl = env[CACHE_ENV.cacheControl]?.trim() || DEFAULT_CACHE_CONTROL;
  if (/[\r\n]/.test(cacheControl))
    throw configError(`${CACHE_ENV.cacheControl} must be one header value (no line breaks).`);
  if (options.readsRequireKey && /(^|[\s,])(public|s-maxage)\b/i.test(cacheControl))
    throw configError(
      `${CACHE_ENV.cacheControl}="${cacheControl}" lets shared caches serve reads to clients without a key, but PAPERGRAPH_READ_KEYS requires one; use "private, no-cache" or leave it unset.`,
    );
  return { maxBytes: Math.round(mb * 1024 * 1024), staleMs, cacheControl };
}
