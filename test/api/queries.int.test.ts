// The API against the real Neo4j loaded with the fixture graph (test/fixtures/api/graph.json) and a
// bulk page of 50 papers: every query with whole-response assertions (cases in queries.cases.ts),
// DataLoader batching (statements counted through executor.onQuery), argument limits checked before
// any database work, and the graph-wide queries. One file, so one fixture load per run.
import type { Executor } from '../../src/db/executor';
import { BULK_PAPERS, COUNT_LABELS, COUNT_RELS } from './api-fixture.queries';
import {
  cleanFixture,
  createTestApi,
  loadFixture,
  prepareDatabase,
  testExecutor,
  type TestApi,
} from './api-test-env';
import { createJitExecutor, type JitExecutorStats } from '../../src/server/jit-executor';
import { CASES } from './queries.cases';
import { EXPECTED } from './queries.expected';

jest.setTimeout(180_000);

const BULK = 50;
const bulkRows = Array.from({ length: BULK }, (_, i) => {
  const n = String(i).padStart(2, '0');
  return {
    id: `bulk-${n}`,
    title: `Bulk paper ${n}`,
    year: 1970,
    published: `1970-01-${String((i % 28) + 1).padStart(2, '0')}`,
    methodId: `method:bulkmethod${n}`,
    methodName: `BulkMethod${n}`,
    methodKey: `bulkmethod${n}`,
    datasetId: `dataset:bulkset${i % 5}`,
    datasetName: `BulkSet${i % 5}`,
    datasetKey: `bulkset${i % 5}`,
    taskId: 'task:bulktask',
    taskName: 'Bulk Task',
    taskKey: 'bulktask',
    repoId: `repo:github.com/bulk/repo${n}`,
    repoUrl: `https://github.com/bulk/repo${n}`,
    repoName: `repo${n}`,
  };
});

const PAGE_QUERY = `query Page($first: Int!) {
  papers(first: $first, filter: { yearFrom: 1970, yearTo: 1970 }, orderBy: { field: TITLE, direction: ASC }) {
    totalCount
    edges { node {
      id title
      methods { edges { role node { id name } } }
      datasets { edges { node { id name } } }
      tasks { edges { node { id name } } }
      repos { edges { node { id url } } }
    } }
  }
}`;

let executor: Executor;
let api: TestApi;
/** The same server with every operation compiled by graphql-jit from its first run (the product compiles from the second). */
let compiledApi: TestApi;
let compiledRuns: JitExecutorStats;
let statements: string[] = [];

beforeAll(async () => {
  executor = testExecutor();
  await prepareDatabase(executor);
  await loadFixture(executor);
  await executor.write(BULK_PAPERS, { rows: bulkRows });
  api = await createTestApi(executor);
  compiledApi = await createTestApi(executor, null, undefined, (schema) => {
    const jit = createJitExecutor(schema, 1);
    compiledRuns = jit.stats;
    return jit;
  });
  executor.onQuery((event) => statements.push(event.operation ?? event.cypher));
});

afterAll(async () => {
  await api?.stop();
  await compiledApi?.stop();
  if (executor) {
    await cleanFixture(executor, {
      papers: bulkRows.map((r) => ({ id: r.id })),
      entities: [...new Set(bulkRows.flatMap((r) => [r.methodId, r.datasetId, r.taskId]))].map((id) => ({
        id,
      })),
      repos: bulkRows.map((r) => ({ id: r.repoId })),
    } as unknown as Parameters<typeof cleanFixture>[1]);
    await cleanFixture(executor);
    await executor.close();
  }
});

async function countStatements(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  return [...statements];
}

describe('API: queries against the fixture graph', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await api.run(c.query, c.variables);
    expect(result).toEqual(EXPECTED[c.name]);
  });
});

describe('API: a lineage reads only the method properties its selection needs', () => {
  const read = async (query: string) => {
    const texts: string[] = [];
    const off = executor.onQuery((event) => texts.push(event.cypher));
    try {
      const result = await api.run(query);
      expect(result.errors).toBeUndefined();
      return { result, cypher: texts.filter((t) => t.includes('BUILDS_ON')).join('\n') };
    } finally {
      off();
    }
  };
  const lineageOf = (root: string, selection: string) =>
    `{ ${root} { lineage(direction: BOTH, maxDepth: 2) { ${selection} } } }`;

  it.each([
    ['method(id:) (prefetched)', 'method(id: "method:latticenet2")'],
    ['node(id:) (through the loader)', 'node(id: "method:latticenet2") { ... on Method'],
  ])('%s', async (_name, root) => {
    const close = root.includes('{') ? ' }' : '';
    const narrow = await read(lineageOf(root, 'edges { from { id name } to { name } }') + close);
    expect(narrow.cypher).toMatch(/child \{ \.id, \.name \}/);
    expect(narrow.cypher).not.toMatch(/\.aliases/);
    const wide = await read(
      lineageOf(root, 'nodes { aliases } edges { from { id name } to { name } }') + close,
    );
    expect(wide.cypher).toMatch(/child \{ \.id, \.aliases, \.name \}/);
    // The same edges either way.
    const names = (r: { data?: unknown }) => JSON.stringify(r.data).match(/"name":"[^"]*"/g);
    expect(names(narrow.result)?.length).toBeGreaterThan(1);
    expect(names(narrow.result)).toEqual(names(wide.result));
  });
});

describe('API: the same queries compiled by graphql-jit give the same answers and errors', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = compiledRuns.compiled;
    const result = await compiledApi.run(c.query, c.variables);
    expect(result).toEqual(EXPECTED[c.name]);
    // It ran compiled, unless it was refused before execution (validation, limits: no `data` at all).
    if ('data' in result) expect(compiledRuns.compiled).toBe(before + 1);
  });

  it('answers bad variables of a compiled operation as graphql-js does (BAD_USER_INPUT, same message)', async () => {
    const query =
      'query BadVars($first: Int, $name: String) { papers(first: $first) { totalCount } method(name: $name) { id } }';
    for (const variables of [{ first: 'ten' }, { first: 1, name: { not: 'a string' } }]) {
      const expected = await api.run(query, variables);
      expect(expected.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
      expect(await compiledApi.run(query, variables)).toEqual(expected);
    }
  });

  it('prefetches a compiled page of 50 papers in one statement, each parent with its own children', async () => {
    const ran = await countStatements(() => compiledApi.run(PAGE_QUERY, { first: 50 }));
    expect(ran).toEqual(['papers.list']);
    const interpreted = await api.run(PAGE_QUERY, { first: 50 });
    expect(await compiledApi.run(PAGE_QUERY, { first: 50 })).toEqual(interpreted);
  });
});

describe('API: DataLoader batching', () => {
  it('costs the same fixed number of Cypher statements for 5 and for 50 papers with methods, datasets, tasks and repos', async () => {
    let small: { data?: unknown } = {};
    let large: { data?: unknown } = {};
    const smallStatements = await countStatements(
      async () => (small = await api.run(PAGE_QUERY, { first: 5 })),
    );
    const largeStatements = await countStatements(
      async () => (large = await api.run(PAGE_QUERY, { first: 50 })),
    );
    // One statement: the page and its nested relations are prefetched in it (whatever the number of parents).
    const expected = ['papers.list'];
    expect([...smallStatements].sort()).toEqual(expected);
    expect([...largeStatements].sort()).toEqual(expected);

    const edges = (r: { data?: unknown }) =>
      (r.data as { papers: { edges: { node: Record<string, unknown> }[] } }).papers.edges;
    expect(edges(small)).toHaveLength(5);
    expect(edges(large)).toHaveLength(BULK);
    // Every parent got its own children back (re-keyed correctly, not shifted or shared).
    for (const [i, edge] of edges(large).entries()) {
      const n = String(i).padStart(2, '0');
      expect(edge.node).toEqual({
        id: `paper:bulk-${n}`,
        title: `Bulk paper ${n}`,
        methods: { edges: [{ role: 'USED', node: { id: `method:bulkmethod${n}`, name: `BulkMethod${n}` } }] },
        datasets: { edges: [{ node: { id: `dataset:bulkset${i % 5}`, name: `BulkSet${i % 5}` } }] },
        tasks: { edges: [{ node: { id: 'task:bulktask', name: 'Bulk Task' } }] },
        repos: {
          edges: [{ node: { id: `repo:github.com/bulk/repo${n}`, url: `https://github.com/bulk/repo${n}` } }],
        },
      });
    }
  });

  it('loads the papers of all evidence items with one statement', async () => {
    let result: { data?: unknown } = {};
    const ran = await countStatements(async () => {
      result = await api.run(
        `{ methods(filter: { yearFrom: 1951, yearTo: 1955 }) { edges { node { id ... on Method { datasets { edges { evidence { paper { id } } } } } } } } }`,
      );
    });
    expect([...ran].sort()).toEqual(['loader.method.datasets', 'loader.nodes', 'methods.list']);
    const paperIds = JSON.stringify(result.data).match(/paper:fx-\d+/g) ?? [];
    expect(new Set(paperIds)).toEqual(
      new Set(['paper:fx-0001', 'paper:fx-0002', 'paper:fx-0003', 'paper:fx-0004']),
    );
  });
});

describe('API: root queries prefetch their nested fields in their own statement', () => {
  // `node(id)` is never planned, so `node(id) { ... on T { S } }` answers S through the loaders:
  // the reference a prefetched `t(id) { S }` must equal, field for field.
  const PAPER_FIELDS = `id title
    methods(first: 2) { totalCount edges { role evidence { sentence } node { id name } } }
    used: methods(role: USED) { totalCount nodes { id } }
    datasets { edges { node { id name } } }
    tasks { totalCount nodes { id name } }
    concepts { nodes { id } }
    repos { edges { node { id url stars } } }`;
  const METHOD_FIELDS = `id name
    papers(first: 3) { totalCount edges { role node { id title abstract } } }
    parents { edges { relation evidence { sentence } node { id } } }
    children { nodes { id } }
    datasets { edges { paperCount node { id } } }
    up: lineage(direction: ANCESTORS, maxDepth: 3) { nodes { id } edges { from { id } to { id } relation depth evidence { sentence } } }
    down: lineage(direction: DESCENDANTS) { nodes { id } edges { from { id } to { id } depth } }
    both: lineage(direction: BOTH, maxDepth: 1) { nodes { id } }`;

  it.each([
    [
      'paper',
      `{ paper(id: "paper:fx-0001") { ${PAPER_FIELDS} } }`,
      `{ paper: node(id: "paper:fx-0001") { ... on Paper { ${PAPER_FIELDS} } } }`,
      ['paper.byId'],
    ],
    [
      'method by id',
      `{ method(id: "method:latticenet") { ${METHOD_FIELDS} } }`,
      `{ method: node(id: "method:latticenet") { ... on Method { ${METHOD_FIELDS} } } }`,
      ['method.byId'],
    ],
    [
      'method by name, fields in a fragment',
      `{ method(name: "lattice net") { ...M } } fragment M on Method { ${METHOD_FIELDS} }`,
      `{ method: node(id: "method:latticenet") { ... on Method { ${METHOD_FIELDS} } } }`,
      ['method.byName'],
    ],
    [
      'dataset by name',
      `{ dataset(name: "TextBench") { id papers { totalCount nodes { id } } methods { edges { paperCount node { id } } } } }`,
      `{ dataset: node(id: "dataset:textbench") { ... on Dataset { id papers { totalCount nodes { id } } methods { edges { paperCount node { id } } } } } }`,
      ['dataset.byName'],
    ],
    [
      'two levels: a dataset, its papers and their methods',
      '{ dataset(name: "TextBench") { id papers(first: 3) { totalCount edges { role node { id methods { totalCount edges { role node { id name } } } repos { nodes { id } } } } } } }',
      '{ dataset: node(id: "dataset:textbench") { ... on Dataset { id papers(first: 3) { totalCount edges { role node { id methods { totalCount edges { role node { id name } } } repos { nodes { id } } } } } } } }',
      ['dataset.byName'],
    ],
  ])(
    '%s: one statement, the same answer as through the loaders',
    async (_name, planned, reference, expected) => {
      let prefetched: { data?: unknown; errors?: unknown } = {};
      let loaded: { data?: unknown; errors?: unknown } = {};
      const ran = await countStatements(async () => (prefetched = await api.run(planned)));
      const viaLoaders = await countStatements(async () => (loaded = await api.run(reference)));
      expect(prefetched.errors).toBeUndefined();
      expect(loaded.errors).toBeUndefined();
      expect(ran).toEqual(expected);
      expect(viaLoaders.length).toBeGreaterThan(1);
      expect(prefetched.data).toEqual(loaded.data);
      expect(JSON.stringify(prefetched.data)).toMatch(/"totalCount":[1-9]/);
    },
  );

  it('the third level below the root goes through its loader, with the same answer', async () => {
    const fields =
      'id papers(first: 2) { nodes { id methods { nodes { id papers(first: 2) { totalCount nodes { id } } } } } }';
    let planned: { data?: unknown } = {};
    let loaded: { data?: unknown } = {};
    const ran = await countStatements(
      async () => (planned = await api.run(`{ method(id: "method:latticenet") { ${fields} } }`)),
    );
    await countStatements(
      async () =>
        (loaded = await api.run(`{ method: node(id: "method:latticenet") { ... on Method { ${fields} } } }`)),
    );
    expect(ran).toEqual(['method.byId', 'loader.method.papers']);
    expect(planned.data).toEqual(loaded.data);
  });

  it('a nested field with an invalid argument is not prefetched: its own resolver reports it', async () => {
    const result = await api.run(
      '{ method(id: "method:latticenet") { id papers(after: "not-a-cursor") { totalCount } } }',
    );
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['method', 'papers'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('an unknown id gives null with one statement', async () => {
    let result: { data?: unknown } = {};
    const ran = await countStatements(
      async () => (result = await api.run('{ paper(id: "paper:nope") { id methods { totalCount } } }')),
    );
    expect(ran).toEqual(['paper.byId']);
    expect(result.data).toEqual({ paper: null });
  });
});

describe('API: argument limits are checked before any database work', () => {
  it.each([
    ['first above 100', '{ papers(first: 101) { totalCount } }', {}],
    ['nested first below 0', '{ method(id: "method:latticenet") { papers(first: -1) { totalCount } } }', {}],
    [
      'maxDepth 0 in a variable',
      'query($d: Int) { method(id: "method:latticenet") { lineage(maxDepth: $d) { nodes { id } } } }',
      { d: 0 },
    ],
    [
      'maxLength 11',
      '{ path(from: "method:latticenet", to: "method:hexnet", maxLength: 11) { length } }',
      {},
    ],
    ['search first 1000', '{ search(query: "lattice", first: 1000) { score } }', {}],
  ])('%s: BAD_USER_INPUT and no statement sent', async (_name, query, variables) => {
    let result: { errors?: unknown[] } = {};
    const ran = await countStatements(async () => (result = await api.run(query, variables)));
    expect(ran).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });
});

describe('API: graph-wide queries', () => {
  it('stats equals the counts read directly from the graph', async () => {
    // Other test files may write concurrently: compare only when the direct counts did not move
    // while the API answered.
    const direct = async () => ({
      labels: (await executor.read(COUNT_LABELS)).map((r) => ({ label: r.label, count: r.count })),
      relationships: (await executor.read(COUNT_RELS)).map((r) => ({ type: r.type, count: r.count })),
    });
    for (let attempt = 1; ; attempt += 1) {
      const before = await direct();
      const result = await api.run('{ stats { labels { label count } relationships { type count } } }');
      const after = await direct();
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 10) continue;
      expect(result).toEqual({ data: { stats: before } });
      break;
    }
  });

  it('search hits carry positive scores, best first', async () => {
    const result = await api.run('query($q: String!) { search(query: $q, first: 5) { score node { id } } }', {
      q: 'lattice',
    });
    const hits = (result.data as { search: { score: number; node: { id: string } }[] }).search;
    expect(hits.length).toBeGreaterThan(2);
    expect(hits.every((h) => h.score > 0)).toBe(true);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(hits.map((h) => h.node.id)).toContain('method:latticenet');
  });
});
