// What makes two GraphQL-over-HTTP requests the same read, whatever their method: the document (its
// sha256, which is also the automatic-persisted-query hash, so `{query}` and `{extensions.persistedQuery}`
// requests share entries), the operation name, the variables and the Accept header (the media type
// Apollo negotiates). `null` for a request that cannot be a cacheable read (no document, malformed
// parameters, a CSRF-able request that Apollo would refuse): it goes to Apollo unchanged.
import { createHash } from 'node:crypto';
import type { RequestKey } from './result-cache';

export interface HeaderGetter {
  get(name: string): string | undefined;
}

/** Content types a browser sends cross-site without a preflight (Apollo's CSRF prevention list). */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
/** Headers that force a preflight (Apollo's recommended csrfPrevention headers). */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/** Mirrors Apollo's CSRF prevention: a cache hit must never answer a request Apollo would block. */
export function passesCsrfPrevention(headers: HeaderGetter): boolean {
  const contentType = headers.get('content-type');
  if (contentType !== undefined) {
    const essence = contentType.split(';')[0].trim().toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.has(essence)) return true;
  }
  return PREFLIGHT_HEADERS.some((name) => (headers.get(name) ?? '').length > 0);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function parseJsonParam(raw: string | null): { ok: boolean; value: unknown } {
  if (raw === null) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The document's sha256: of the query text, else the persisted-query hash. `null` when there is none,
 * or when the text comes with a hash of another text (Apollo refuses that request, so a cached answer
 * must not be given to it).
 */
function documentId(query: unknown, extensions: unknown): string | null {
  const persisted = isObject(extensions) ? extensions.persistedQuery : undefined;
  const hash = isObject(persisted) ? persisted.sha256Hash : undefined;
  if (typeof query === 'string') {
    const own = createHash('sha256').update(query).digest('hex');
    return hash === undefined || hash === own ? own : null;
  }
  if (query !== undefined && query !== null) return null;
  return typeof hash === 'string' && SHA256_HEX.test(hash) ? hash : null;
}

/** The request's cache key (without the graph version), or `null` when it is not a cacheable read. */
export function requestKey(
  method: string,
  search: URLSearchParams,
  body: unknown,
  headers: HeaderGetter,
): RequestKey | null {
  if (!passesCsrfPrevention(headers)) return null;
  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  let extensions: unknown;
  if (method === 'GET') {
    const vars = parseJsonParam(search.get('variables'));
    const ext = parseJsonParam(search.get('extensions'));
    if (!vars.ok || !ext.ok) return null;
    query = search.get('query') ?? undefined;
    operationName = search.get('operationName') ?? undefined;
    variables = vars.value;
    extensions = ext.value;
  } else if (method === 'POST' && isObject(body)) {
    ({ query, operationName, variables, extensions } = body);
  } else return null;
  const doc = documentId(query, extensions);
  if (doc === null) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && !isObject(variables)) return null;
  return JSON.stringify([doc, operationName ?? null, variables ?? null, headers.get('accept') ?? '']);
}
