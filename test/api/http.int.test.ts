// The HTTP server against the real Neo4j: routes, GraphQL over HTTP (GET/POST, media types), CSRF
// prevention, APQ, CORS, body limit, GraphiQL routes, the ingestPapers mutation with API keys,
// readiness, graceful shutdown, and graphql-http's server audit (zero failed MUST audits).
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { auditServer } from 'graphql-http';
import { Executor } from '../../src/db/executor';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { IngestService } from '../../src/ingest/ingest.service';
import { runServer, type RunningServer, type ServerOptions } from '../../src/server/http-server';
import { FIXTURE_CLEANUP } from './api-fixture.queries';
import { prepareDatabase, silentLogger, TEST_API_KEY, testExecutor } from './api-test-env';

jest.setTimeout(180_000);

const INGEST_IDS = ['httptest-0001', 'httptest-0002'];

let executor: Executor;
let ingest: IngestService;
let server: RunningServer;
let base: string;

async function start(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return runServer({
    executor: overrides.executor ?? testExecutor(),
    schema: await buildPapergraphSchema(),
    canWrite: (h) => h === `Bearer ${TEST_API_KEY}`,
    ingest,
    logger: silentLogger,
    port: 0,
    corsOrigins: ['http://allowed.example'],
    maxBodyBytes: 4096,
    ...overrides,
  });
}

beforeAll(async () => {
  executor = testExecutor();
  await prepareDatabase(executor);
  ingest = new IngestService(executor, { threads: 0 });
  server = await start();
  base = server.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await server?.close();
  await ingest?.close();
  if (executor) {
    await executor.write(FIXTURE_CLEANUP, { paperIds: INGEST_IDS, ids: [] });
    await executor.close();
  }
});

async function post(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | null; json: unknown }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), json: await res.json() };
}

describe('HTTP: routes', () => {
  it('binds to loopback by default and answers /healthz and /readyz', async () => {
    expect(server.host).toBe('127.0.0.1');
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('answers /readyz 503 and /healthz 200 when the database is unreachable', async () => {
    const dead = new Executor({ uri: 'bolt://127.0.0.1:1' }, { connectionTimeoutMs: 500, maxRetryTimeMs: 0 });
    const other = await start({ executor: dead });
    const otherBase = other.url.replace(/\/graphql$/, '');
    try {
      const ready = await fetch(`${otherBase}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'database unavailable' }]);
      const health = await fetch(`${otherBase}/healthz`);
      expect(health.status).toBe(200);
      const query = await fetch(`${otherBase}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ method(id: "method:x") { id } }' }),
      });
      const body = (await query.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['DATABASE_UNAVAILABLE']);
      expect(body.errors[0].message).toMatch(/not reachable/);
    } finally {
      await other.close();
    }
  });

  it('answers DATABASE_BUSY (not DATABASE_UNAVAILABLE) when every pooled connection is in use', async () => {
    // A pool of one, held by an open transaction until the query has failed: its acquisition must time out.
    const small = new Executor(
      { uri: executor.uri },
      { connectionTimeoutMs: 2_000, maxRetryTimeMs: 0, maxConnectionPoolSize: 1 },
    );
    const other = await start({ executor: small });
    let release = () => {};
    let held = () => {};
    const heldPromise = new Promise<void>((resolve) => (held = resolve));
    const tx = small.writeTransaction(async (t) => {
      await t.run('RETURN 1');
      held();
      await new Promise<void>((resolve) => (release = resolve));
    });
    try {
      await heldPromise;
      const query = await fetch(other.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ method(id: "method:x") { id } }' }),
      });
      const body = (await query.json()) as {
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.errors.map((e) => e.extensions)).toEqual([
        { code: 'DATABASE_BUSY', reason: 'CONNECTION_POOL_FULL', retryable: true },
      ]);
      expect(body.errors[0].message).toMatch(/is up but busy.*Retry in a moment/);
    } finally {
      release();
      await tx;
      await other.close();
    }
  });

  it('returns 404 with a GraphQL-shaped error for unknown paths', async () => {
    const res = await fetch(`${base}/nope`);
    expect([res.status, await res.json()]).toEqual([
      404,
      {
        errors: [
          {
            message: 'No route /nope: the API is at /graphql (GraphiQL at /graphiql).',
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      },
    ]);
  });
});

describe('HTTP: GraphQL over HTTP', () => {
  const query = 'query One($id: ID!) { method(id: $id) { id } }';

  it('answers POST application/json', async () => {
    expect(await post({ query, variables: { id: 'method:none' } })).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      json: { data: { method: null } },
    });
  });

  it('answers with application/graphql-response+json when asked, 400 for invalid queries', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    expect(await post({ query, variables: { id: 'method:none' } }, accept)).toEqual({
      status: 200,
      type: 'application/graphql-response+json; charset=utf-8',
      json: { data: { method: null } },
    });
    const invalid = await post({ query: '{ method(id: 1) { nope } }' }, accept);
    expect(invalid.status).toBe(400);
    expect(invalid.type).toBe('application/graphql-response+json; charset=utf-8');
  });

  it('answers GET queries (with a preflight header) and refuses GET mutations', async () => {
    const params = new URLSearchParams({ query, variables: JSON.stringify({ id: 'method:none' }) });
    const ok = await fetch(`${base}/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect([ok.status, await ok.json()]).toEqual([200, { data: { method: null } }]);
    const mutation = new URLSearchParams({ query: 'mutation { ingestPapers(papers: []) { ingested } }' });
    const refused = await fetch(`${base}/graphql?${mutation}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(refused.status).toBe(405);
  });

  it('blocks CSRF-able requests (simple GET without a preflight header, text/plain POST)', async () => {
    const params = new URLSearchParams({ query });
    const get = await fetch(`${base}/graphql?${params}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const form = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query }),
    });
    expect(form.status).toBe(400);
  });

  it('supports automatic persisted queries', async () => {
    const text = '{ stats { labels { label } } }';
    const sha256Hash = createHash('sha256').update(text).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await post({ extensions });
    expect(miss.json).toEqual({
      errors: [
        expect.objectContaining({
          message: 'PersistedQueryNotFound',
          extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
        }),
      ],
    });
    const labels = {
      stats: {
        labels: ['Paper', 'Method', 'Dataset', 'Task', 'Concept', 'Repo'].map((label) => ({ label })),
      },
    };
    expect((await post({ query: text, extensions })).json).toEqual({ data: labels });
    expect((await post({ extensions })).json).toEqual({ data: labels });
    const params = new URLSearchParams({ extensions: JSON.stringify(extensions) });
    const get = await fetch(`${base}/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: labels });
  });

  it('refuses bodies over the size limit with 413 and malformed JSON with 400', async () => {
    const big = await post({ query: `{ stats { labels { label } } } #${'x'.repeat(5000)}` });
    expect([big.status, big.json]).toEqual([
      413,
      { errors: [{ message: 'Request body larger than 4096 bytes.', extensions: { code: 'BAD_REQUEST' } }] },
    ]);
    const bad = await post('{"query": ');
    expect([bad.status, bad.json]).toEqual([
      400,
      { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] },
    ]);
  });

  it('sends CORS headers only to configured origins and answers preflights', async () => {
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://allowed.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const allowed = await post({ query: '{ node(id: "x:y") { id } }' }, { origin: 'http://allowed.example' });
    expect(allowed.status).toBe(200);
    const other = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ query: '{ node(id: "x:y") { id } }' }),
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HTTP: GraphiQL', () => {
  it('serves the page at /graphiql and on a browser GET of /graphql, with its assets from this host only', async () => {
    for (const url of [`${base}/graphiql`, `${base}/graphql`]) {
      const res = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources).toEqual([
        'data:,',
        '/graphiql/assets/graphiql.min.css',
        '/graphiql/assets/react.production.min.js',
        '/graphiql/assets/react-dom.production.min.js',
        '/graphiql/assets/graphiql.min.js',
        '/graphiql/assets/graphiql-init.js',
      ]);
    }
    for (const asset of [
      'graphiql.min.css',
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'graphiql-init.js',
    ]) {
      const res = await fetch(`${base}/graphiql/assets/${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
    expect((await fetch(`${base}/graphiql/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});

describe('HTTP: ingestPapers mutation', () => {
  const mutation = `mutation Ingest($papers: [PaperInput!]!) {
    ingestPapers(papers: $papers) { ingested skipped rejected results { index id status reason } }
  }`;
  const papers = [
    {
      id: INGEST_IDS[0],
      title: 'An HTTP test paper',
      abstract: 'We study something with a method.',
      published: '1960-01-02',
    },
    { id: INGEST_IDS[1], title: 'Another HTTP test paper', abstract: 'A second abstract.' },
    { id: 'httptest-0003', title: '', abstract: '' },
  ];

  it('is UNAUTHENTICATED without a valid API key', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: TEST_API_KEY },
    ];
    for (const headers of attempts) {
      const res = await post({ query: mutation, variables: { papers } }, headers);
      expect(res.json).toEqual({
        data: null,
        errors: [
          {
            message:
              'ingestPapers needs an API key: send `Authorization: Bearer <key>` with a key from PAPERGRAPH_API_KEYS.',
            locations: [{ line: 2, column: 5 }],
            path: ['ingestPapers'],
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
    }
    const written = await executor.read('MATCH (p:Paper) WHERE p.id IN $ids RETURN p.id AS id', {
      ids: INGEST_IDS,
    });
    expect(written).toEqual([]);
  });

  it('ingests with a key, reports per-paper results including rejects, and the papers are then queryable', async () => {
    const auth = { authorization: `Bearer ${TEST_API_KEY}` };
    const res = await post({ query: mutation, variables: { papers } }, auth);
    expect(res.json).toEqual({
      data: {
        ingestPapers: {
          ingested: 2,
          skipped: 0,
          rejected: 1,
          results: [
            { index: 0, id: 'paper:httptest-0001', status: 'ingested', reason: null },
            { index: 1, id: 'paper:httptest-0002', status: 'ingested', reason: null },
            {
              index: 2,
              id: null,
              status: 'rejected',
              reason: expect.stringMatching(/title|abstract/),
            },
          ],
        },
      },
    });
    const again = await post({ query: mutation, variables: { papers: papers.slice(0, 2) } }, auth);
    expect((again.json as { data: { ingestPapers: { skipped: number } } }).data.ingestPapers.skipped).toBe(2);
    const read = await post({
      query: 'query($id: ID!) { paper(id: $id) { id title published year } }',
      variables: { id: INGEST_IDS[0] },
    });
    expect(read.json).toEqual({
      data: {
        paper: {
          id: 'paper:httptest-0001',
          title: 'An HTTP test paper',
          published: '1960-01-02',
          year: 1960,
        },
      },
    });
  });
});

describe('HTTP: graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections and closes the driver', async () => {
    const own = testExecutor();
    let release: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The request is held inside the server until the test has begun the shutdown (no sleep).
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow = await start({
      executor: own,
      requestGuards: [
        async () => {
          release();
          await gate;
          return true;
        },
      ],
    });
    const inFlight = fetch(slow.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ method(id: "method:none") { id } }' }),
    });
    await entered;
    const closed = slow.close();
    open();
    const res = await inFlight;
    expect([res.status, await res.json()]).toEqual([200, { data: { method: null } }]);
    await closed;
    await expect(fetch(`${slow.url.replace(/\/graphql$/, '')}/healthz`)).rejects.toThrow();
    await expect(own.verifyConnectivity()).rejects.toThrow();
  });
});

describe('HTTP: graphql-http server audit', () => {
  it('passes every MUST audit', async () => {
    // Apollo's CSRF prevention requires a preflight-forcing header on GET requests; a browser-less
    // client (like the audit) sends it, exactly as docs/API.md tells integrations to.
    const fetchFn: typeof fetch = (input, init) =>
      fetch(input, {
        ...init,
        headers: {
          ...Object.fromEntries(new Headers(init?.headers).entries()),
          'apollo-require-preflight': 'true',
        },
      });
    const results = await auditServer({ url: server.url, fetchFn });
    const failedMust = results.filter((r) => r.status !== 'ok' && r.name.startsWith('MUST'));
    expect(failedMust.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});
