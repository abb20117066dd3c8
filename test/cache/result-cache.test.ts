// The result cache's bound and keys, and the cache settings: LRU by size within PAPERGRAPH_CACHE_MB,
// entries per graph version, one key for the same read over GET, POST and persisted queries, no key
// for requests Apollo would refuse as CSRF-able, and clear errors for bad settings.
import { createHash } from 'node:crypto';
import { cacheConfigFromEnv } from '../../src/config/cache-config';
import { AppError } from '../../src/errors/app-error';
import { passesCsrfPrevention, requestKey } from '../../src/server/cache/cacheable-request';
import { entityTag, etagOf, ResultCache } from '../../src/server/cache/result-cache';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] });
const response = (body: string) => ({ body, contentType: 'application/json', etag: entityTag(body) });

describe('ResultCache', () => {
  it('gives a stored response its entity tag when first asked, and the same one after', () => {
    const cache = new ResultCache(10_000);
    const body = '{"data":{"method":{"id":"method:x"}}}';
    cache.set('v1', 'k', { body, contentType: 'application/json' });
    const stored = cache.get('v1', 'k')!;
    expect(stored.etag).toBeUndefined(); // a POST answer never needs it
    expect(etagOf(stored)).toBe(entityTag(body));
    expect(cache.get('v1', 'k')!.etag).toBe(entityTag(body)); // kept with the entry
    expect(etagOf({ body: body + ' ', contentType: 'application/json' })).not.toBe(entityTag(body));
  });

  it('evicts the least recently used entries to stay within its byte bound', () => {
    const cache = new ResultCache(10_000);
    const body = 'x'.repeat(1_000); // ~2.2 kB each as counted
    for (const k of ['a', 'b', 'c', 'd']) cache.set('v1', k, response(body));
    expect(cache.get('v1', 'a')).toBeDefined(); // a is now the most recently used
    cache.set('v1', 'e', response(body));
    expect(cache.get('v1', 'b')).toBeUndefined();
    expect(cache.get('v1', 'a')).toBeDefined();
    expect(cache.get('v1', 'e')).toBeDefined();
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes);
    expect(stats.evictions).toBeGreaterThan(0);
  });

  it('never stores an entry larger than the whole bound', () => {
    const cache = new ResultCache(1_000);
    cache.set('v1', 'big', response('y'.repeat(5_000)));
    expect(cache.get('v1', 'big')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, stores: 0 });
  });

  it('keys entries by graph version and counts hits and misses', () => {
    const cache = new ResultCache(100_000);
    cache.set('v1', 'k', response('{"data":1}'));
    expect(cache.get('v2', 'k')).toBeUndefined();
    expect(cache.get('v1', 'k')?.body).toBe('{"data":1}');
    cache.clear();
    expect(cache.get('v1', 'k')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, stores: 1, entries: 0 });
  });

  it('tags bodies with a strong ETag that changes with the body', () => {
    expect(entityTag('a')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag('a')).not.toBe(entityTag('b'));
  });
});

describe('requestKey', () => {
  const query = 'query M($id: ID!) { method(id: $id) { name } }';
  const json = headers({ 'content-type': 'application/json', accept: 'application/json' });
  const preflight = headers({ 'apollo-require-preflight': 'true', accept: 'application/json' });
  const sha256Hash = createHash('sha256').update(query).digest('hex');

  it('gives the same read the same key over POST, GET and as a persisted query', () => {
    const post = requestKey('POST', new URLSearchParams(), { query, variables: { id: 'method:a' } }, json);
    const get = requestKey(
      'GET',
      new URLSearchParams({ query, variables: JSON.stringify({ id: 'method:a' }) }),
      undefined,
      preflight,
    );
    const apq = requestKey(
      'POST',
      new URLSearchParams(),
      { variables: { id: 'method:a' }, extensions: { persistedQuery: { version: 1, sha256Hash } } },
      json,
    );
    expect(post).not.toBeNull();
    expect(get).toBe(post);
    expect(apq).toBe(post);
  });

  it('gives other variables, operation names or media types other keys', () => {
    const key = (body: Record<string, unknown>, h = json) =>
      requestKey('POST', new URLSearchParams(), body, h);
    const base = key({ query, variables: { id: 'method:a' } });
    expect(key({ query, variables: { id: 'method:b' } })).not.toBe(base);
    expect(key({ query, variables: { id: 'method:a' }, operationName: 'M' })).not.toBe(base);
    expect(
      key(
        { query, variables: { id: 'method:a' } },
        headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json' }),
      ),
    ).not.toBe(base);
  });

  it('has no key for CSRF-able requests, malformed parameters or a missing document', () => {
    expect(requestKey('GET', new URLSearchParams({ query }), undefined, headers({}))).toBeNull();
    expect(passesCsrfPrevention(headers({ 'content-type': 'text/plain; charset=utf-8' }))).toBe(false);
    expect(
      requestKey('GET', new URLSearchParams({ query, variables: '{not json' }), undefined, preflight),
    ).toBeNull();
    expect(requestKey('POST', new URLSearchParams(), { variables: {} }, json)).toBeNull();
    expect(requestKey('POST', new URLSearchParams(), [{ query }], json)).toBeNull();
    expect(
      requestKey(
        'POST',
        new URLSearchParams(),
        { extensions: { persistedQuery: { sha256Hash: 'nope' } } },
        json,
      ),
    ).toBeNull();
  });

  it('has no key for a query text sent with the hash of another text (Apollo refuses it)', () => {
    const other = createHash('sha256').update(`${query} `).digest('hex');
    const body = (hash: string) => ({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(requestKey('POST', new URLSearchParams(), body(other), json)).toBeNull();
    expect(requestKey('POST', new URLSearchParams(), body(sha256Hash), json)).toBe(
      requestKey('POST', new URLSearchParams(), { query }, json),
    );
  });
});

describe('cacheConfigFromEnv', () => {
  it('defaults to 64 MB, a 1000 ms bound and no-cache', () => {
    expect(cacheConfigFromEnv({})).toEqual({
      maxBytes: 64 * 1024 * 1024,
      staleMs: 1000,
      cacheControl: 'no-cache',
    });
    expect(cacheConfigFromEnv({ PAPERGRAPH_CACHE_MB: '0' }).maxBytes).toBe(0);
    expect(cacheConfigFromEnv({ PAPERGRAPH_CACHE_CONTROL: 'public, max-age=60' }).cacheControl).toBe(
      'public, max-age=60',
    );
  });

  it.each([
    [{ PAPERGRAPH_CACHE_MB: '-1' }, /PAPERGRAPH_CACHE_MB="-1"/],
    [{ PAPERGRAPH_CACHE_MB: 'lots' }, /PAPERGRAPH_CACHE_MB="lots"/],
    [{ PAPERGRAPH_CACHE_STALE_MS: '1.5' }, /PAPERGRAPH_CACHE_STALE_MS="1.5"/],
  ])('refuses %p with a message naming the variable', (env, message) => {
    expect(() => cacheConfigFromEnv(env)).toThrow(AppError);
    expect(() => cacheConfigFromEnv(env)).toThrow(message);
  });

  it('refuses a public Cache-Control when reads need a key', () => {
    expect(() =>
      cacheConfigFromEnv({ PAPERGRAPH_CACHE_CONTROL: 'public, max-age=60' }, { readsRequireKey: true }),
    ).toThrow(/PAPERGRAPH_READ_KEYS/);
    expect(cacheConfigFromEnv({}, { readsRequireKey: true }).cacheControl).toBe('no-cache');
  });
});
