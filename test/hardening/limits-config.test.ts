import { DEFAULT_LIMITS, limitsConfigFromEnv, parseRateLimit } from '../../src/config/limits-config';

describe('Config: limits from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = limitsConfigFromEnv({});
    expect(config).toEqual(DEFAULT_LIMITS);
    expect(config.maxDepth).toBeLessThanOrEqual(12);
    expect(config.introspection).toBe(true);
    expect(config.rateLimit).toBeNull();
    expect(config.maxBodyBytes).toBe(1024 * 1024);
  });

  it('reads every variable', () => {
    const config = limitsConfigFromEnv({
      PAPERGRAPH_MAX_DEPTH: '8',
      PAPERGRAPH_MAX_COMPLEXITY: '1000',
      PAPERGRAPH_MAX_ALIASES: '5',
      PAPERGRAPH_MAX_FIRST: '50',
      PAPERGRAPH_MAX_LINEAGE_DEPTH: '5',
      PAPERGRAPH_MAX_PATH_LENGTH: '4',
      PAPERGRAPH_MAX_BODY_BYTES: '512kb',
      PAPERGRAPH_QUERY_TIMEOUT_MS: '2500',
      PAPERGRAPH_INTROSPECTION: 'false',
      PAPERGRAPH_RATE_LIMIT: '120/60s',
      PAPERGRAPH_TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      maxDepth: 8,
      maxComplexity: 1000,
      maxAliases: 5,
      maxFirst: 50,
      maxLineageDepth: 5,
      maxPathLength: 4,
      maxBodyBytes: 512 * 1024,
      queryTimeoutMs: 2500,
      introspection: false,
      rateLimit: { limit: 120, windowMs: 60_000 },
      trustProxy: true,
    });
  });

  it.each([
    ['120/60s', { limit: 120, windowMs: 60_000 }],
    ['10/1s', { limit: 10, windowMs: 1000 }],
    ['5/s', { limit: 5, windowMs: 1000 }],
    ['100/1m', { limit: 100, windowMs: 60_000 }],
    ['3 / 500ms', { limit: 3, windowMs: 500 }],
    ['off', null],
    ['', null],
  ])('parses PAPERGRAPH_RATE_LIMIT=%j', (raw, expected) => {
    expect(parseRateLimit(raw)).toEqual(expected);
  });

  it.each([
    [{ PAPERGRAPH_MAX_DEPTH: 'deep' }, /PAPERGRAPH_MAX_DEPTH="deep" is not a whole number/],
    [{ PAPERGRAPH_MAX_DEPTH: '1' }, /PAPERGRAPH_MAX_DEPTH=1 is out of range/],
    [{ PAPERGRAPH_MAX_BODY_BYTES: 'huge' }, /PAPERGRAPH_MAX_BODY_BYTES="huge" is not a size/],
    [{ PAPERGRAPH_MAX_BODY_BYTES: '1tb' }, /not a size/],
    [{ PAPERGRAPH_MAX_BODY_BYTES: '10' }, /out of range/],
    [{ PAPERGRAPH_INTROSPECTION: 'maybe' }, /PAPERGRAPH_INTROSPECTION="maybe" is not a boolean/],
    [{ PAPERGRAPH_RATE_LIMIT: 'fast' }, /PAPERGRAPH_RATE_LIMIT="fast" is not a rate/],
    [{ PAPERGRAPH_RATE_LIMIT: '10/10ms' }, /window must be from 100ms/],
    [{ PAPERGRAPH_RATE_LIMIT: '0/1s' }, /requests per window must be from 1/],
    [{ PAPERGRAPH_RATE_LIMIT: 'off' }, null],
    [
      { PAPERGRAPH_HEADERS_TIMEOUT_MS: '20000', PAPERGRAPH_REQUEST_TIMEOUT_MS: '10000' },
      /must be at least the headers timeout/,
    ],
  ])('validates %j', (env, message) => {
    if (message === null) {
      expect(limitsConfigFromEnv(env).rateLimit).toBeNull();
      return;
    }
    expect(() => limitsConfigFromEnv(env)).toThrow(
      expect.objectContaining({ code: 'CONFIGURATION', message: expect.stringMatching(message) }),
    );
  });
});
