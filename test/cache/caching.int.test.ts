// The result cache and HTTP caching over real HTTP against the real Neo4j: repeats are hits; a write
// through this server's API is visible to its next read; a write by another process (the CLI
// `papergraph ingest`, a child process running dist/) is seen by every read that starts once the stale
// bound has passed since the write committed (the test waits for that condition, it never times reads); responses with errors and mutations are never stored; one
// version read serves many requests (counted on /metrics); a request the read-key check refuses never
// gets a cached answer; a second API server's write is visible to the first within the bound;
// GET reads carry an ETag (304 on If-None-Match) and the configured Cache-Control; automatic persisted
// queries work over GET and POST (with the cache on and off) and share the cache with the query text.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CacheConfig } from '../../src/config/cache-config';
import { Executor } from '../../src/db/executor';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { IngestService } from '../../src/ingest/ingest.service';
import { ApiKeys } from '../../src/server/api-keys';
import { ResponseCaching } from '../../src/server/cache/response-caching';
import { runServer, type RunningServer, type ServerOptions } from '../../src/server/http-server';
import { readKeyGuard } from '../../src/server/limits/request-guards';
import { FIXTURE_CLEANUP } from '../api/api-fixture.queries';
import { prepareDatabase, silentLogger, TEST_API_KEY, testExecutor } from '../api/api-test-env';
import { freePort, testNeo4jUri } from '../support/neo4j';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const tag = `cache${Date.now().toString(36)}`;
const ids = { api: `${tag}-api`, cli: `${tag}-cli`, misc: `${tag}-misc` };
const PAPER = 'query Paper($id: ID!) { paper(id: $id) { title } }';
const INGEST = `mutation Ingest($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { ingested } }`;

let executor: Executor;
let ingest: IngestService;
const servers: RunningServer[] = [];

async function start(config: Partial<CacheConfig> = {}, overrides: Partial<ServerOptions> = {}) {
  const serverExecutor = overrides.executor ?? testExecutor();
  const caching = new ResponseCaching({
    executor: serverExecutor,
    config: { maxBytes: 8 * 1024 * 1024, staleMs: 600_000, cacheControl: 'no-cache', ...config },
  });
  const server = await runServer({
    executor: serverExecutor,
    schema: await buildPapergraphSchema(),
    canWrite: (h) => h === `Bearer ${TEST_API_KEY}`,
    ingest,
    logger: silentLogger,
    port: 0,
    caching,
    ...overrides,
  });
  servers.push(server);
  return { server, caching, url: server.url };
}

interface Answer {
  status: number;
  cache: string | null;
  etag: string | null;
  cacheControl: string | null;
  serverTiming: string | null;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } | null;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return {
    status: res.status,
    cache: res.headers.get('x-papergraph-cache'),
    etag: res.headers.get('etag'),
    cacheControl: res.headers.get('cache-control'),
    serverTiming: res.headers.get('server-timing'),
    text,
    json: text ? (JSON.parse(text) as Answer['json']) : null,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return answer(
    await fetch(`${url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } }),
  );
}

const paperTitle = (a: Answer) => (a.json?.data?.paper as { title?: string } | null)?.title ?? null;

/**
 * The stale bound, checked: reads until three reads that STARTED more than `staleMs` after the write
 * was known committed (`committedAt`, on this process's clock, which the in-process server's version
 * clock shares) have answered, and returns what those reads saw - each must be the write. Reads
 * before that point may be stale; none after it may.
 */
async function titlesPastBound(url: string, id: string, committedAt: number, staleMs: number) {
  const past: (string | null)[] = [];
  const deadline = Date.now() + 120_000;
  while (past.length < 3 && Date.now() < deadline) {
    const startedAt = performance.now();
    const seen = await post(url, { query: PAPER, variables: { id } });
    if (startedAt - committedAt > staleMs) past.push(paperTitle(seen));
    else await new Promise((r) => setTimeout(r, 20)); // paces the polling; the condition decides
  }
  return past;
}

beforeAll(async () => {
  executor = testExecutor();
  await prepareDatabase(executor);
  ingest = new IngestService(executor, { threads: 0 });
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await ingest?.close();
  if (executor) {
    await executor.write(FIXTURE_CLEANUP, { paperIds: Object.values(ids), ids: [] });
    await executor.close();
  }
});

describe('result cache', () => {
  it('answers repeats from the cache and shows a write through the API to the next read', async () => {
    const { url } = await start();
    const variables = { id: ids.api };
    const first = await post(url, { query: PAPER, variables });
    expect([first.status, first.cache, paperTitle(first)]).toEqual([200, 'miss', null]);
    const again = await post(url, { query: PAPER, variables });
    expect([again.cache, again.text]).toEqual(['hit', first.text]);
    // Server-Timing: the wait for the graph version and the whole request, in ms, on hits and misses
    for (const read of [first, again])
      expect(read.serverTiming).toMatch(/^version;dur=\d+\.\d{2}, total;dur=\d+\.\d{2}$/);

    const written = await post(
      url,
      {
        query: INGEST,
        variables: { papers: [{ id: ids.api, title: 'Cache API write', abstract: 'A paper.' }] },
      },
      { authorization: `Bearer ${TEST_API_KEY}` },
    );
    expect(written.json?.data).toEqual({ ingestPapers: { ingested: 1 } });
    expect(written.cache).toBeNull(); // mutations are never cached
    expect(written.cacheControl).toBe('no-store');

    // the stale bound is 10 minutes here: only the server's own write path can make this visible
    const after = await post(url, { query: PAPER, variables });
    expect([after.cache, paperTitle(after)]).toEqual(['miss', 'Cache API write']);
    expect((await post(url, { query: PAPER, variables })).cache).toBe('hit');
  });

  it('shows a write by another process (papergraph ingest) once the stale bound has passed', async () => {
    const { url } = await start({ staleMs: 500 });
    const variables = { id: ids.cli };
    expect(paperTitle(await post(url, { query: PAPER, variables }))).toBeNull();
    expect((await post(url, { query: PAPER, variables })).cache).toBe('hit');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-cache-'));
    const file = path.join(dir, 'papers.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ id: ids.cli, title: 'Cache CLI write', abstract: 'A paper.' })}\n`,
    );
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'papergraph.js'), 'ingest', file], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: testNeo4jUri(), PAPERGRAPH_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const committedAt = performance.now(); // the CLI committed before it exited
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('"papers":1,"rejected":0') });

    // every read that starts once the bound has passed sees the write; none is stale
    const title = 'Cache CLI write';
    expect(await titlesPastBound(url, ids.cli, committedAt, 500)).toEqual([title, title, title]);
  });

  it('shows a write through another API server once the stale bound has passed', async () => {
    const reader = await start({ staleMs: 500 });
    const writer = await start();
    const id = `${ids.misc}-other-api`;
    expect(paperTitle(await post(reader.url, { query: PAPER, variables: { id } }))).toBeNull();
    expect((await post(reader.url, { query: PAPER, variables: { id } })).cache).toBe('hit');
    const written = await post(
      writer.url,
      {
        query: INGEST,
        variables: { papers: [{ id, title: 'Cache other API write', abstract: 'A paper.' }] },
      },
      { authorization: `Bearer ${TEST_API_KEY}` },
    );
    const committedAt = performance.now();
    expect(written.json?.data).toEqual({ ingestPapers: { ingested: 1 } });
    // the writer sees its own write at once, the reader once its bound has passed
    expect(paperTitle(await post(writer.url, { query: PAPER, variables: { id } }))).toBe(
      'Cache other API write',
    );
    const title = 'Cache other API write';
    expect(await titlesPastBound(reader.url, id, committedAt, 500)).toEqual([title, title, title]);
  });

  it('never stores a response with errors', async () => {
    const { url, caching } = await start();
    const tooMany = { query: '{ papers(first: 100000) { totalCount } }' };
    const a = await post(url, tooMany);
    const b = await post(url, tooMany);
    expect(a.json?.errors?.length).toBeGreaterThan(0);
    expect([a.cache, b.cache]).toEqual(['miss', 'miss']);
    expect(caching.stats()).toMatchObject({ stores: 0, hits: 0 });
  });

  it('bypasses the cache while the database is unreachable, storing nothing', async () => {
    const port = await freePort(); // nothing listens there
    const dead = new Executor(
      { uri: `bolt://127.0.0.1:${port}` },
      { maxRetryTimeMs: 200, connectionTimeoutMs: 1_000 },
    );
    const { url, caching } = await start({}, { executor: dead });
    const a = await post(url, { query: PAPER, variables: { id: ids.misc } });
    const b = await post(url, { query: PAPER, variables: { id: ids.misc } });
    expect(a.json?.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect([a.cache, b.cache]).toEqual(['miss', 'miss']);
    expect(caching.stats()).toMatchObject({ stores: 0, hits: 0, bypassed: 2 });
  });

  it('reads the graph version once for many requests within the bound, and counts on /metrics', async () => {
    const { url, caching } = await start();
    for (let i = 0; i < 20; i++) await post(url, { query: PAPER, variables: { id: `${ids.misc}-${i % 4}` } });
    expect(caching.stats()).toMatchObject({ versionReads: 1, hits: 16, misses: 4 });
    const metrics = await fetch(url.replace(/\/graphql$/, '/metrics'));
    expect([metrics.status, metrics.headers.get('content-type')]).toEqual([
      200,
      'text/plain; version=0.0.4; charset=utf-8',
    ]);
    const text = await metrics.text();
    for (const line of [
      'papergraph_cache_enabled 1',
      'papergraph_cache_hits_total 16',
      'papergraph_cache_misses_total 4',
      'papergraph_cache_stores_total 4',
      'papergraph_cache_entries 4',
      'papergraph_graph_version_reads_total 1',
    ])
      expect(text.split('\n')).toContain(line);
  });

  it('never answers a request that the read-key check refuses', async () => {
    const keys = new ApiKeys([], ['cache-read-key-0123456789']);
    const { url } = await start({}, { requestGuards: [readKeyGuard(keys)] });
    const auth = { authorization: 'Bearer cache-read-key-0123456789' };
    expect((await post(url, { query: PAPER, variables: { id: ids.misc } }, auth)).cache).toBe('miss');
    expect((await post(url, { query: PAPER, variables: { id: ids.misc } }, auth)).cache).toBe('hit');
    const anonymous = await post(url, { query: PAPER, variables: { id: ids.misc } });
    expect([anonymous.status, anonymous.cache]).toEqual([401, null]);
  });

  it('says off when PAPERGRAPH_CACHE_MB=0, and still tags GET reads', async () => {
    const { url } = await start({ maxBytes: 0 });
    const a = await get(url, { query: PAPER, variables: { id: ids.misc } });
    const b = await get(url, { query: PAPER, variables: { id: ids.misc } });
    expect([a.cache, b.cache]).toEqual(['off', 'off']);
    expect(a.etag).not.toBeNull();
    expect(b.etag).toBe(a.etag);
  });
});

describe('HTTP caching', () => {
  it('answers GET reads with an ETag and Cache-Control, and 304 to a matching If-None-Match', async () => {
    const { url } = await start({ cacheControl: 'public, max-age=30' });
    const params = { query: PAPER, variables: { id: ids.api } };
    const first = await get(url, params);
    expect([first.status, first.cacheControl]).toEqual([200, 'public, max-age=30']);
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const revalidated = await get(url, params, { 'if-none-match': first.etag ?? '' });
    expect([revalidated.status, revalidated.text, revalidated.etag]).toEqual([304, '', first.etag]);
    const other = await get(url, params, { 'if-none-match': '"something-else"' });
    expect([other.status, other.text]).toEqual([200, first.text]);
    // POST reads are not tagged; GET without a preflight header stays refused even when cached
    expect((await post(url, params)).etag).toBeNull();
    const csrf = await fetch(
      `${url}?${new URLSearchParams({ query: PAPER, variables: JSON.stringify(params.variables) })}`,
    );
    expect(csrf.status).toBe(400);
    // a mutation over GET is refused, never cached
    const mutation = await get(url, { query: INGEST, variables: { papers: [] } });
    expect(mutation.status).toBe(405);
  });

  it('serves automatic persisted queries over GET and POST from the same entries as the query text', async () => {
    const { url, caching } = await start();
    const text = `query PersistedPaper($id: ID!) { paper(id: $id) { title } }`;
    const sha256Hash = createHash('sha256').update(text).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const variables = { id: ids.api };
    const unknown = await get(url, { extensions, variables });
    expect(unknown.json?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await get(url, { query: text, extensions, variables });
    expect([registered.status, registered.cache, paperTitle(registered)]).toEqual([
      200,
      'miss',
      'Cache API write',
    ]);
    const byHashGet = await get(url, { extensions, variables });
    expect([byHashGet.cache, byHashGet.text]).toEqual(['hit', registered.text]);
    const byHashPost = await post(url, { extensions, variables });
    expect([byHashPost.cache, byHashPost.text]).toEqual(['hit', registered.text]);
    const byText = await post(url, { query: text, variables });
    expect(byText.cache).toBe('hit');
    expect(caching.stats()).toMatchObject({ stores: 1 });
    // the text with another text's hash is Apollo's error, never the cached answer
    const otherHash = createHash('sha256').update(`${text} `).digest('hex');
    const mismatch = await post(url, {
      query: text,
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } },
    });
    expect([mismatch.status, mismatch.cache, mismatch.json?.errors?.[0]]).toEqual([
      400,
      'miss',
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('serves automatic persisted queries over POST and GET with the result cache off (Apollo itself)', async () => {
    const { url } = await start({ maxBytes: 0 });
    const text = `query PersistedOff($id: ID!) { paper(id: $id) { title } }`;
    const sha256Hash = createHash('sha256').update(text).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const variables = { id: ids.api };
    const unknown = await post(url, { extensions, variables });
    expect(unknown.json?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(url, { query: text, extensions, variables });
    expect([registered.status, registered.cache, paperTitle(registered)]).toEqual([
      200,
      'off',
      'Cache API write',
    ]);
    const byHashPost = await post(url, { extensions, variables });
    const byHashGet = await get(url, { extensions, variables });
    expect([byHashPost.cache, byHashPost.text]).toEqual(['off', registered.text]);
    expect([byHashGet.status, byHashGet.cache, byHashGet.text]).toEqual([200, 'off', registered.text]);
    expect(byHashGet.etag).not.toBeNull();
    // a persisted mutation is not answered over GET either
    const mutationHash = createHash('sha256').update(INGEST).digest('hex');
    const mutationExtensions = { persistedQuery: { version: 1, sha256Hash: mutationHash } };
    await post(url, { query: INGEST, extensions: mutationExtensions, variables: { papers: [] } });
    const mutationByGet = await get(url, { extensions: mutationExtensions, variables: { papers: [] } });
    expect([mutationByGet.status, mutationByGet.cache]).toEqual([405, null]);
  });
});
