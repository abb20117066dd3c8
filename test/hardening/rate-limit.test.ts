import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientAddress, enforceRateLimit, rateLimitClient, RateLimiter } from '../../src/server/rate-limit';

describe('Rates: token bucket', () => {
  it('allows a burst of `limit`, then refuses with Retry-After until a token refills', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 3000 }, 100, () => now);
    expect([1, 2, 3].map(() => limiter.take('ip:a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('ip:a')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect(limiter.take('ip:b').allowed).toBe(true); // other clients have their own bucket
    now = 999;
    expect(limiter.take('ip:a').allowed).toBe(false);
    now = 2000; // 2 s at 1 token/s refilled ~2 tokens
    expect(limiter.take('ip:a').allowed).toBe(true);
    expect(limiter.take('ip:a').allowed).toBe(true);
    expect(limiter.take('ip:a').allowed).toBe(false);
  });

  it('computes Retry-After from the refill rate', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000 }, 100, () => 0);
    limiter.take('k');
    limiter.take('k');
    expect(limiter.take('k').retryAfterSeconds).toBe(30);
  });

  it('keeps at most maxClients buckets, dropping the least recently used', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 }, 10, () => now);
    limiter.take('hot');
    for (let i = 0; i < 10_000; i += 1) {
      now += 1;
      limiter.take(`ip:${i}`);
      if (i % 5 === 0) limiter.take('hot'); // keeps `hot` recently used
      expect(limiter.size).toBeLessThanOrEqual(10);
    }
    expect(limiter.take('hot').allowed).toBe(false); // its (empty) bucket survived the churn
  });

  it('names clients by key when valid, else by address; trusts X-Forwarded-For only when told', () => {
    expect(rateLimitClient('write-1', '127.0.0.1')).toBe('key:write-1');
    expect(rateLimitClient(null, '127.0.0.1')).toBe('ip:127.0.0.1');
    const req = {
      headers: { 'x-forwarded-for': '10.0.0.1, 10.0.0.2' },
      socket: { remoteAddress: '127.0.0.1' },
    };
    expect(clientAddress(req as never, false)).toBe('127.0.0.1');
    expect(clientAddress(req as never, true)).toBe('10.0.0.2');
  });
});

describe('Rates: HTTP answer', () => {
  let server: Server;
  let url: string;
  // A frozen clock: with a real one a slow machine refills part of a token between the requests and
  // Retry-After drops below 30 s (or a token comes back after 30 s).
  const limiter = new RateLimiter({ limit: 2, windowMs: 60_000 }, 10_000, () => 0);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!enforceRateLimit(limiter, rateLimitClient(null, clientAddress(req, false)), res)) return;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 429 with Retry-After and a RATE_LIMITED GraphQL body after the burst', async () => {
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    const refused = await fetch(url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Rate limit exceeded: at most 2 requests per 60s for this client. Retry after 30s.',
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 },
        },
      ],
    });
  });

  it('does nothing when rate limiting is off (no limiter)', () => {
    const res = { setHeader: jest.fn(), writeHead: jest.fn(), end: jest.fn() };
    expect(enforceRateLimit(null, 'ip:x', res as never)).toBe(true);
    expect(res.writeHead).not.toHaveBeenCalled();
  });
});
