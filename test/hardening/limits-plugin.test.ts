import { HeaderMap, type ApolloServer } from '@apollo/server';
import { getIntrospectionQuery } from 'graphql';
import { limits, nestedQuery, testServer } from './limits-fixture';

/** Through Apollo's HTTP entry point (what the real server calls), not executeOperation. */
async function runHttp(server: ApolloServer, query: string) {
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body: { query },
    },
    context: async () => ({}),
  });
  if (response.body.kind !== 'complete') throw new Error('expected a complete body');
  return {
    status: response.status,
    result: JSON.parse(response.body.string) as {
      data?: unknown;
      errors?: { extensions?: Record<string, unknown> }[];
    },
  };
}

async function run(server: ApolloServer, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, result: response.body.singleResult };
}

describe('Limits: Apollo plugin and rules in a real ApolloServer', () => {
  const server = testServer(limits());
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('rejects a 13-level query with QUERY_TOO_COMPLEX and status 400 before execution', async () => {
    const { status, result } = await run(server, nestedQuery(13));
    expect(status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
      depth: 13,
      maxDepth: 12,
    });
  });

  it('runs a 12-level query', async () => {
    const { result } = await run(server, nestedQuery(12));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ paper: { methods: { edges: [{ node: { parents: [] } }] } } });
  });

  it('answers the GraphiQL introspection query at the default limits', async () => {
    const { result } = await run(
      server,
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(10);
  });

  it('rejects first: 100 nested three levels with QUERY_TOO_COMPLEX (cost needs the variables)', async () => {
    const q =
      'query Q($n: Int) { papers(first: $n) { edges { node { methods(first: $n) { edges { node { papers(first: $n) { totalCount } } } } } } } }';
    const big = await run(server, q, { n: 100 });
    expect(big.status).toBe(400);
    expect(big.result.data).toBeUndefined();
    expect(big.result.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'complexity',
      maxComplexity: 50000,
    });
    const small = await run(server, q, { n: 2 });
    expect(small.result.errors).toBeUndefined();
  });

  it('rejects 1,000 aliases with a single QUERY_TOO_COMPLEX', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: stats { papers }`).join(' ')} }`;
    const { status, result } = await run(server, q);
    expect(status).toBe(400);
    expect(result.errors!.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('keeps graphql-js validation errors as GRAPHQL_VALIDATION_FAILED', async () => {
    const { result } = await run(server, '{ nope }');
    expect(result.errors!.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses a document over maxTokens while parsing, with a coded 400 and no validation', async () => {
    const small = testServer(limits({ maxTokens: 100 }));
    await small.start();
    try {
      const q = `{ ${Array.from({ length: 60 }, () => 'stats { papers }').join(' ')} }`;
      const { status, result } = await runHttp(small, q);
      expect(status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
      expect(result.errors![0]).toMatchObject({ message: expect.stringMatching(/100 tokens/) });
      expect((await run(small, '{ stats { papers } }')).result.data).toEqual({ stats: { papers: 3 } });
    } finally {
      await small.stop();
    }
  });

  it('turns introspection off with introspection: false', async () => {
    const closed = testServer(limits({ introspection: false }));
    await closed.start();
    try {
      const { status, result } = await run(closed, '{ __schema { queryType { name } } }');
      expect(status).toBe(400);
      expect(result.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await run(closed, '{ stats { papers } }')).result.data).toEqual({ stats: { papers: 3 } });
    } finally {
      await closed.stop();
    }
  });
});
