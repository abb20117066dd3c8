// Per-client token bucket rate limiter, off unless PAPERGRAPH_RATE_LIMIT is set (e.g. `120/60s`).
// A client is its API key when it presents a valid one (`key:<keyId>`), else its address (`ip:<addr>`),
// so rotating made-up keys does not buy fresh buckets. Each bucket holds `limit` tokens and refills
// continuously; a request takes one. The bucket map is bounded: when it is full, the least recently
// used client is dropped (it simply starts again with a full bucket).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimitSetting } from '../config/limits-config';
import { ErrorCode } from '../errors/error-code';

export interface RateDecision {
  allowed: boolean;
  /** Tokens left after this request (whole tokens). */
  remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;

  constructor(
    readonly setting: RateLimitSetting,
    readonly maxClients = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.ratePerMs = setting.limit / setting.windowMs;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(client: string): RateDecision {
    const now = this.now();
    let bucket = this.buckets.get(client);
    if (bucket) {
      this.buckets.delete(client); // re-inserted below: Map order is least -> most recently used
      bucket.tokens = Math.min(this.setting.limit, bucket.tokens + (now - bucket.updatedAt) * this.ratePerMs);
      bucket.updatedAt = now;
    } else {
      bucket = { tokens: this.setting.limit, updatedAt: now };
      while (this.buckets.size >= this.maxClients) {
        const oldest = this.buckets.keys().next().value as string;
        this.buckets.delete(oldest);
      }
    }
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const waitMs = (1 - bucket.tokens) / this.ratePerMs;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}

/** The client's address: the socket's peer, or the last X-Forwarded-For hop when behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const hops = value
      ?.split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    if (hops && hops.length > 0) return hops[hops.length - 1];
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The bucket name for a request: the valid key's id, else the address. */
export function rateLimitClient(keyId: string | null | undefined, address: string): string {
  return keyId ? `key:${keyId}` : `ip:${address}`;
}

/**
 * Applies the limiter to one HTTP request. Returns true when the request may go on; otherwise it has
 * answered 429 with `Retry-After` and a GraphQL-shaped body coded RATE_LIMITED.
 */
export function enforceRateLimit(limiter: RateLimiter | null, client: string, res: ServerResponse): boolean {
  if (!limiter) return true;
  const decision = limiter.take(client);
  res.setHeader('RateLimit-Limit', String(limiter.setting.limit));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  if (decision.allowed) return true;
  const { limit, windowMs } = limiter.setting;
  const body = JSON.stringify({
    errors: [
      {
        message: `Rate limit exceeded: at most ${limit} requests per ${windowMs / 1000}s for this client. Retry after ${decision.retryAfterSeconds}s.`,
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: decision.retryAfterSeconds },
      },
    ],
  });
  res.writeHead(429, {
    'Retry-After': String(decision.retryAfterSeconds),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
  return false;
}
