// Logs: the real CLI's stdout is structured JSON with request id, operation name, duration and
// outcome; no API key, no Authorization header value and no abstract text ever appears in it.
import { gql, waitFor } from './support/http-client';
import { testUri } from './support/neo4j-instance';
import { spawnServe, type ServeProcess } from './support/serve-process';

const KEY = 'pg_secret_key_5ad1e0c3b97f4e2a';
const WRONG = 'pg_wrong_key_0000aaaa1111bbbb';
const ABSTRACT =
  'We present Zanzibar Lattice Flow, an otherwise unremarkable method whose abstract text must never be logged.';

describe('Logs: structured, with no secrets or abstracts', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await spawnServe({ NEO4J_URI: testUri(), PAPERGRAPH_API_KEYS: KEY });
  }, 60_000);
  afterAll(() => serve?.stop());

  it('logs request id, operation name, duration and outcome; never keys, Authorization or abstracts', async () => {
    const mutation =
      'mutation LogProbe($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested } }';
    const papers = [{ id: 'log-probe-1', title: 'Log probe', abstract: ABSTRACT }];
    const denied = await gql(
      serve.url,
      mutation,
      { papers },
      { authorization: `Bearer ${WRONG}`, 'x-request-id': 'req-denied-1' },
    );
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(
      serve.url,
      'query BadVars($n: Int) { methods(first: $n) { totalCount } }',
      { n: ABSTRACT },
      { authorization: `Bearer ${KEY}` },
    );
    expect(bad.status).toBe(400);
    const ok = await gql(
      serve.url,
      'query Listing { papers(first: 2) { totalCount } }',
      {},
      { 'x-request-id': 'req-listing-1' },
    );
    expect(ok.headers.get('x-request-id')).toBe('req-listing-1');
    const written = await gql(serve.url, mutation, { papers }, { authorization: `Bearer ${KEY}` });
    expect(written.body.errors).toBeUndefined();
    // The log lines are written as each response ends; wait until the last request's line is in.
    await waitFor(
      async () =>
        serve.logs().filter((l) => l.kind === 'graphql' && l.operationName === 'LogProbe').length >= 2,
      60_000,
      50,
    );

    const logs = serve.logs();
    const graphql = logs.filter((l) => l.kind === 'graphql');
    expect(graphql).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          requestId: 'req-denied-1',
          operationName: 'LogProbe',
          outcome: 'error',
          errorCodes: ['UNAUTHENTICATED'],
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({
          requestId: 'req-listing-1',
          operationName: 'Listing',
          operationType: 'query',
          outcome: 'ok',
          status: 200,
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({ operationName: 'LogProbe', outcome: 'ok', keyId: 'write-1' }),
        expect.objectContaining({
          operationName: 'BadVars',
          outcome: 'error',
          errorCodes: ['BAD_USER_INPUT'],
        }),
      ]),
    );
    expect(logs.filter((l) => l.kind === 'http')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          requestId: 'req-listing-1',
          method: 'POST',
          path: '/graphql',
          status: 200,
          outcome: 'ok',
        }),
      ]),
    );
    const everything = serve.stdout.join('\n') + serve.stderr.join('');
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(WRONG);
    expect(everything).not.toMatch(/Bearer/i);
    expect(everything).not.toContain('Zanzibar');
    expect(everything).not.toContain('abstract text must never');
  }, 60_000);
});
