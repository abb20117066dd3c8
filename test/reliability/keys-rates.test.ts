// Keys and rates on the real server: mutations need a write key (UNAUTHENTICATED without or with a
// wrong one, the right one works); read keys are optional and, when set, every request needs a key;
// the rate limit answers 429 + Retry-After + RATE_LIMITED when configured and is absent by default.
import type { Executor } from '../../src/db/executor';
import { startApi, type Api } from './support/api-server';
import { codes, gql, status } from './support/http-client';
import { testExecutor } from './support/neo4j-instance';
import { DELETE_PROBE_PAPERS, PAPER_BY_ID } from './support/reliability.queries';

const WRITE = 'keys-test-write-key-8c2f1a9d';
const READ = 'keys-test-read-key-41b7e0c5';
const QUERY = '{ papers(first: 1) { totalCount } }';
const MUTATION =
  'mutation Ingest($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested results { id status } } }';
const PAPER = {
  id: 'keys-probe-1',
  title: 'Keys probe: a paper ingested through the API',
  abstract: 'We probe keys.',
};

describe('Keys and rates on the real server', () => {
  let executor: Executor;
  beforeAll(() => {
    executor = testExecutor();
  });
  afterAll(async () => {
    await executor.write(DELETE_PROBE_PAPERS, { ids: [PAPER.id] });
    await executor.close();
  });

  describe('default configuration with PAPERGRAPH_API_KEYS', () => {
    let api: Api;
    beforeAll(async () => {
      api = await startApi({ PAPERGRAPH_API_KEYS: `${WRITE},another-write-key-0000` });
    });
    afterAll(() => api.stop());

    it.each([
      ['no Authorization header', {}],
      ['a wrong key', { authorization: 'Bearer not-the-key' }],
      ['a prefix of the key', { authorization: `Bearer ${WRITE.slice(0, -1)}` }],
      ['the key as Basic auth', { authorization: `Basic ${WRITE}` }],
    ])('refuses the mutation with %s: UNAUTHENTICATED, nothing written', async (_name, headers) => {
      const res = await gql(api.url, MUTATION, { papers: [PAPER] }, headers);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(await executor.read(PAPER_BY_ID, { id: PAPER.id })).toEqual([]);
    });

    it('runs the mutation with the right key', async () => {
      const res = await gql(api.url, MUTATION, { papers: [PAPER] }, { authorization: `Bearer ${WRITE}` });
      expect(res.body).toEqual({
        data: { ingestPapers: { ingested: 1, results: [{ id: 'paper:keys-probe-1', status: 'ingested' }] } },
      });
      expect(await executor.read(PAPER_BY_ID, { id: PAPER.id })).toHaveLength(1);
    });

    it('leaves reads open and has no rate limit by default (300 rapid requests, all 200, no RateLimit headers)', async () => {
      // all 300 at once: the client timeout covers the last answer on a loaded 2-core machine
      const results = await Promise.all(
        Array.from({ length: 300 }, () => gql(api.url, QUERY, undefined, {}, 180_000)),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      expect(results[0].headers.get('ratelimit-limit')).toBeNull();
    });
  });

  describe('with PAPERGRAPH_READ_KEYS', () => {
    let api: Api;
    beforeAll(async () => {
      api = await startApi({ PAPERGRAPH_API_KEYS: WRITE, PAPERGRAPH_READ_KEYS: READ });
    });
    afterAll(() => api.stop());

    it('requires a key for reads: 401 UNAUTHENTICATED without one, data with a read or write key', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
        const res = await gql(api.url, QUERY, {}, headers);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      }
      for (const key of [READ, WRITE]) {
        const res = await gql(api.url, QUERY, {}, { authorization: `Bearer ${key}` });
        expect(res.status).toBe(200);
        expect(res.body.errors).toBeUndefined();
      }
      expect(await status(`${api.base}/healthz`)).toBe(200); // probes stay open
    });

    it('does not let a read key call mutations', async () => {
      const res = await gql(
        api.url,
        MUTATION,
        { papers: [{ ...PAPER, id: 'keys-probe-read' }] },
        { authorization: `Bearer ${READ}` },
      );
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(await executor.read(PAPER_BY_ID, { id: 'keys-probe-read' })).toEqual([]);
    });
  });

  // 5 per 24 h: a bucket refills one token every 4.8 h, so however slowly a loaded machine runs
  // these requests, no token comes back during the test (5/60s refilled one every 12 s).
  describe('with PAPERGRAPH_RATE_LIMIT=5/24h', () => {
    let api: Api;
    beforeAll(async () => {
      api = await startApi({ PAPERGRAPH_API_KEYS: WRITE, PAPERGRAPH_RATE_LIMIT: '5/24h' });
    });
    afterAll(() => api.stop());

    it('answers 429 with Retry-After and RATE_LIMITED after 5 requests, per address and per key', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await gql(api.url, QUERY)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const refused = await gql(api.url, QUERY);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(refused.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^Rate limit exceeded/),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
          },
        ],
      });
      // a valid key has its own bucket; an invented key does not
      expect((await gql(api.url, QUERY, {}, { authorization: 'Bearer invented' })).status).toBe(429);
      expect((await gql(api.url, QUERY, {}, { authorization: `Bearer ${WRITE}` })).status).toBe(200);
      expect(await status(`${api.base}/healthz`)).toBe(200);
    });
  });
});
