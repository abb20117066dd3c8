// Limits and bad HTTP input against the real server and the sample graph: each refused request gets
// a 4xx with a coded error before any database work, and the server is healthy afterwards.
import { request } from 'node:http';
import { connect } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { startApi, type Api } from './support/api-server';
import { codes, expectCoded, gql, status } from './support/http-client';

/** method(name) > [parents(first: 1) > nodes] x pairs > leaf: 1 + 2 * pairs + extra levels. */
function lineageQuery(pairs: number, leaf: string): string {
  let inner = leaf;
  for (let i = 0; i < pairs; i += 1) inner = `parents(first: 1) { nodes { ${inner} } }`;
  return `query Deep($name: String) { method(name: $name) { ${inner} } }`;
}

describe('Limits and bad HTTP input on the real server', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({
      PAPERGRAPH_HEADERS_TIMEOUT_MS: '1000',
      PAPERGRAPH_REQUEST_TIMEOUT_MS: '2000',
    });
  });
  afterAll(() => api.stop());

  afterEach(async () => {
    // healthy after every refusal: liveness, and a real query answers with data
    expect(await status(`${api.base}/healthz`)).toBe(200);
    const ok = await gql(api.url, '{ papers(first: 1) { totalCount } }');
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
  });

  it('rejects a 13-level query with QUERY_TOO_COMPLEX (400) and runs the 12-level one', async () => {
    const deep = await gql(api.url, `${lineageQuery(5, 'parents(first: 1) { totalCount }')}`, { name: 'x' });
    expect(deep.status).toBe(400);
    expect(deep.body.data).toBeUndefined();
    expect(deep.body.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
      depth: 13,
      maxDepth: 12,
    });
    const twelve = await gql(api.url, lineageQuery(5, 'name'), { name: 'x' });
    expect(twelve.status).toBe(200);
    expect(twelve.body).toEqual({ data: { method: null } });
  });

  it('answers the standard GraphiQL introspection query at the default limits', async () => {
    const res = await gql(
      api.url,
      getIntrospectionQuery({
        descriptions: true,
        inputValueDeprecation: true,
        schemaDescription: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const types = (res.body.data as { __schema: { types: { name: string }[] } }).__schema.types.map(
      (t) => t.name,
    );
    expect(types).toEqual(expect.arrayContaining(['Query', 'Method', 'Paper', 'Lineage']));
  });

  it('rejects first: 100 nested three levels with QUERY_TOO_COMPLEX before execution', async () => {
    const q =
      'query Big($n: Int) { methods(first: $n) { nodes { papers(first: $n) { nodes { methods(first: $n) { nodes { name } } } } } } }';
    const res = await gql(api.url, q, { n: 100 });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'complexity' });
  });

  it('rejects 1,000 aliases with QUERY_TOO_COMPLEX', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: stats { __typename }`).join(' ')} }`;
    const res = await gql(api.url, q);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('rejects deeply nested fragments with QUERY_TOO_COMPLEX', async () => {
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Method { parents(first: 1) { nodes { ...F${i + 1} } } }`,
    );
    fragments.push('fragment F20 on Method { name }');
    const res = await gql(api.url, `query Frag { method(name: "x") { ...F0 } }\n${fragments.join('\n')}`);
    expect(res.status).toBe(400);
    expect(codes(res)).toContain('QUERY_TOO_COMPLEX');
  });

  it('answers out-of-range first / maxDepth / maxLength with BAD_USER_INPUT before any database work', async () => {
    for (const [q, v] of [
      ['query Q($n: Int) { methods(first: $n) { totalCount } }', { n: 101 }],
      [
        'query Q($d: Int) { method(name: "x") { lineage(direction: BOTH, maxDepth: $d) { nodes { id } } } }',
        { d: 1000 },
      ],
      ['query Q($l: Int) { path(from: "method:a", to: "method:b", maxLength: $l) { length } }', { l: 1000 }],
    ] as const) {
      const res = await gql(api.url, q, v);
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('answers a 10 MB body with 413 and a coded error', async () => {
    const huge = JSON.stringify({
      query: '{ papers(first: 1) { totalCount } }',
      variables: { pad: 'x'.repeat(10 * 1024 * 1024) },
    });
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(typeof body.errors[0].extensions.code).toBe('string');
  });

  it.each([
    ['malformed JSON', 'application/json', '{"query": "{ papers(first: 1) { totalCount } }"', [400]],
    ['an empty JSON body', 'application/json', '', [400]],
    [
      'a JSON array (batching is off)',
      'application/json',
      '[{"query":"{ papers(first: 1) { totalCount } }"},{"query":"{ papers(first: 1) { totalCount } }"}]',
      [400],
    ],
    ['a JSON string', 'application/json', '"{ papers(first: 1) { totalCount } }"', [400]],
    ['text/plain', 'text/plain', '{"query":"{ papers(first: 1) { totalCount } }"}', [400, 415]],
    ['form data', 'application/x-www-form-urlencoded', 'query=%7B%20stats%20%7D', [400, 415]],
    ['no content type', '', '{"query":"{ papers(first: 1) { totalCount } }"}', [400, 415]],
    ['a query that is not a string', 'application/json', '{"query": 42}', [400]],
    ['unknown syntax', 'application/json', '{"query": "{ stats { papers "}', [400]],
  ])('answers %s with a 4xx and a coded error', async (_name, contentType, body, statuses) => {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    const res = await fetch(api.url, { method: 'POST', headers, body });
    expect(statuses).toContain(res.status);
    const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(json.errors?.length).toBeGreaterThan(0);
    for (const e of json.errors!) expect(typeof e.extensions?.code).toBe('string');
  });

  it.each([
    ['a string for an Int', 'query Q($n: Int) { methods(first: $n) { totalCount } }', { n: 'ten' }],
    ['a missing required variable', 'query Q($q: String!) { search(query: $q) { score } }', {}],
    [
      'an unknown enum value',
      'query Q($d: LineageDirection!) { method(name: "x") { lineage(direction: $d) { nodes { id } } } }',
      { d: 'SIDEWAYS' },
    ],
    ['an object for a String', 'query Q($q: String!) { search(query: $q) { score } }', { q: { $ne: 1 } }],
  ])('answers invalid variables (%s) with 400 BAD_USER_INPUT', async (_name, q, v) => {
    const res = await gql(api.url, q, v);
    expect(res.status).toBe(400);
    expect(expectCoded(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('times out slow clients - headers trickled (slowloris) and a body never finished - in bounded time', async () => {
    const BOUND = 45_000;
    const slowHeaders = new Promise<string>((resolve) => {
      const started = Date.now();
      const socket = connect(api.port, '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        let n = 0;
        const timer = setInterval(() => {
          n += 1;
          if (!socket.destroyed) socket.write(`X-Slow-${n}: aaa\r\n`);
        }, 500);
        socket.on('close', () => {
          clearInterval(timer);
          resolve(`closed after ${Date.now() - started} ms`);
        });
        socket.on('error', () => undefined);
        setTimeout(() => {
          clearInterval(timer);
          resolve('still open');
          socket.destroy();
        }, BOUND);
      });
    });
    const slowBody = new Promise<string>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: api.port,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', 'content-length': '1000' },
        },
        (res) => {
          res.resume();
          resolve(`status ${res.statusCode}`);
        },
      );
      req.on('error', (e) => resolve(`closed: ${(e as NodeJS.ErrnoException).code}`));
      req.write('{"query":');
      setTimeout(() => {
        resolve('still open');
        req.destroy();
      }, BOUND);
    });
    // headersTimeout 1 s / requestTimeout 2 s here; Node enforces them on its connection-check tick
    const [headers, body] = await Promise.all([slowHeaders, slowBody]);
    expect(headers).toMatch(/^closed after/);
    expect(body).not.toBe('still open');
  }, 60_000);
});
