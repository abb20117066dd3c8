// CORS for /graphql. Allowed origins come from PAPERGRAPH_CORS_ORIGINS (comma-separated origins, or
// `*`); none by default (same-origin only). Preflights answer 204; a disallowed origin gets no CORS
// headers (the browser then blocks the response). CSRF is prevented separately by Apollo.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type CorsOrigins = '*' | readonly string[];

export function parseCorsOrigins(raw: string | undefined): CorsOrigins {
  const items = (raw ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter((s) => s.length > 0);
  return items.includes('*') ? '*' : items;
}

const ALLOWED_HEADERS =
  'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/** Sets CORS headers; returns true when the request was a preflight and has been answered. */
export function applyCors(origins: CorsOrigins, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && (origins === '*' || origins.includes(origin));
  if (allowed) {
    res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
    if (origins !== '*') res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    if (allowed) {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '600');
    }
    res.statusCode = 204;
    res.end();
    return true;
  }
  return false;
}
