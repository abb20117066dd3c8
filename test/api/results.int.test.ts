// Results and leaderboards through the GraphQL API on a real Neo4j, with data written by the real
// ingest path (BatchBuilder + GraphWriter): leaderboard order by the metric's direction, ties, paging
// and totalCount, one statement for a dataset with its leaderboard, SOTA history, task benchmarks,
// method and paper results, metric lookup, extracted results replaced on re-extraction (pwc kept),
// and a curator's retraction of a paper's dataset taking that paper's extracted score with it.
import 'reflect-metadata';
import { CurationService } from '../../src/curation/curation.service';
import type { Executor } from '../../src/db/executor';
import type { ExtractedResult, ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { BatchBuilder, type PwcResultInput } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { createTestApi, prepareDatabase, testExecutor, type TestApi } from './api-test-env';
import { LBT_METRICS, RESULTS_CLEANUP } from './results-test.queries';

jest.setTimeout(240_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field
type Json = any;

const DUMP = 'pwc:evaluation-tables.json';
const row = (
  paperId: string,
  model: string,
  metric: string,
  value: number,
  date: string,
): PwcResultInput => ({
  paperId,
  task: 'Lbt Classification',
  dataset: 'Lbt Bench',
  metric,
  model,
  value,
  unit: '%',
  rawValue: `${value}%`,
  date,
  dump: DUMP,
});

// accuracy (higher is better): A 80 (2019) and 85 (2020-01), B 85 (2020-06: ties A, later), C 70 (2018);
// error rate (lower is better): A 5, B 3, C 4
const PWC_ROWS: PwcResultInput[] = [
  row('lbt-pa', 'Lbt Alpha', 'Accuracy', 80, '2019-01-01'),
  row('lbt-pa2', 'Lbt Alpha', 'Accuracy', 85, '2020-01-01'),
  row('lbt-pb', 'Lbt Beta', 'Accuracy', 85, '2020-06-01'),
  row('lbt-pc', 'Lbt Gamma', 'Accuracy', 70, '2018-01-01'),
  row('lbt-pa', 'Lbt Alpha', 'Error rate', 5, '2019-01-01'),
  row('lbt-pb', 'Lbt Beta', 'Error rate', 3, '2020-06-01'),
  row('lbt-pc', 'Lbt Gamma', 'Error rate', 4, '2018-01-01'),
];

const PX: PaperInput = {
  id: 'lbt-px',
  title: 'A Paper That Reports 90% on Lbt Bench',
  abstract: 'We reach 90% accuracy on Lbt Bench.',
  published: '2021-01-01',
};

function pxRecord(value: number): ExtractionRecord {
  const result: ExtractedResult = {
    method: null,
    dataset: 'Lbt Bench',
    task: null,
    metric: 'Accuracy',
    value,
    unit: '%',
    confidence: 0.7,
    rule: 'test-rule',
    evidence: [{ field: 'abstract', sentence: PX.abstract, start: 9, end: 12 }],
  };
  return {
    paper: { id: PX.id, title: PX.title },
    entities: [
      {
        type: 'dataset',
        id: 'dataset:lbtbench',
        name: 'Lbt Bench',
        role: 'used',
        aliases: [],
        confidence: 0.9,
        rule: 'test',
        evidence: [{ field: 'abstract', sentence: PX.abstract, start: 25, end: 34 }],
      },
    ],
    repos: [],
    links: [],
    lineage: [],
    results: [result],
    extractor: { version: 'test-lbt' },
  };
}

let executor: Executor;
let writer: GraphWriter;
let api: TestApi;
let statements: string[] = [];

async function writePx(value: number, hash: string): Promise<void> {
  const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
  b.addPaper({ paper: PX, record: pxRecord(value), contentHash: hash });
  await writer.write(b.build());
}

async function query(q: string, variables?: Record<string, unknown>): Promise<Json> {
  const result = await api.run(q, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const LEADERBOARD = `query($metric: String!, $first: Int, $after: String, $task: ID) {
  dataset(id: "dataset:lbtbench") {
    leaderboard(metric: $metric, first: $first, after: $after, task: $task) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { value unit source date method { name } paper { paperId } metric { name higherIsBetter } } }
    }
  }
}`;

const board = (data: Json): string[] =>
  data.dataset.leaderboard.edges.map(
    (e: Json) => `${e.node.method?.name ?? `paper ${e.node.paper.paperId}`} ${e.node.value}`,
  );

beforeAll(async () => {
  executor = testExecutor();
  await prepareDatabase(executor);
  await executor.write(RESULTS_CLEANUP);
  writer = new GraphWriter(executor, { attempts: 1 });
  const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
  for (const r of PWC_ROWS) {
    b.addPaperStub({ id: r.paperId, title: `Paper ${r.paperId}`, pwcUrl: null, arxivId: null, url: null });
    b.addPwcResult(r);
  }
  await writer.write(b.build());
  await writePx(90, 'h1');
  api = await createTestApi(executor);
  executor.onQuery((event) => statements.push(event.operation ?? event.cypher));
});

afterAll(async () => {
  await api?.stop();
  if (executor) {
    await executor.write(RESULTS_CLEANUP);
    await executor.close();
  }
});

describe('API: leaderboards', () => {
  it('ranks the best result of each method (of each paper without a method) by the metric direction, ties to the earlier', async () => {
    const data = await query(LEADERBOARD, { metric: 'accuracy' });
    expect(board(data)).toEqual(['paper lbt-px 90', 'Lbt Alpha 85', 'Lbt Beta 85', 'Lbt Gamma 70']);
    expect(data.dataset.leaderboard.totalCount).toBe(4);
    expect(data.dataset.leaderboard.edges[0].node).toMatchObject({
      source: 'extracted',
      unit: '%',
      date: '2021-01-01',
      metric: { name: 'Accuracy', higherIsBetter: true },
    });
    // lower is better for an error rate; the metric matches by any alias under the normalization
    const errors = await query(LEADERBOARD, { metric: 'Error-Rates' });
    expect(board(errors)).toEqual(['Lbt Beta 3', 'Lbt Gamma 4', 'Lbt Alpha 5']);
    expect(errors.dataset.leaderboard.edges[0].node.metric.higherIsBetter).toBe(false);
    // an alias that is not the metric's own name (found through the full-text key index, not the id)
    expect(board(await query(LEADERBOARD, { metric: 'Misclassification Rate' }))).toEqual(board(errors));
  });

  it('pages with cursors and keeps the order across pages', async () => {
    const first = await query(LEADERBOARD, { metric: 'accuracy', first: 2 });
    expect(board(first)).toEqual(['paper lbt-px 90', 'Lbt Alpha 85']);
    expect(first.dataset.leaderboard.pageInfo.hasNextPage).toBe(true);
    const rest = await query(LEADERBOARD, {
      metric: 'accuracy',
      first: 2,
      after: first.dataset.leaderboard.pageInfo.endCursor,
    });
    expect(board(rest)).toEqual(['Lbt Beta 85', 'Lbt Gamma 70']);
    expect(rest.dataset.leaderboard).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
  });

  it('filters by task (the extracted result has none) and answers an unknown metric with an empty board', async () => {
    const byTask = await query(LEADERBOARD, { metric: 'accuracy', task: 'task:lbtclassification' });
    expect(board(byTask)).toEqual(['Lbt Alpha 85', 'Lbt Beta 85', 'Lbt Gamma 70']);
    const unknown = await query(LEADERBOARD, { metric: 'no such metric' });
    expect(unknown.dataset.leaderboard).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('reads a dataset with its leaderboard in one statement', async () => {
    statements = [];
    await query(LEADERBOARD, { metric: 'accuracy' });
    expect(statements).toEqual(['dataset.byId']);
  });

  it('answers the fields it was asked for and reads only those of the linked nodes, prefetched or through its loader', async () => {
    const wide = `leaderboard(metric: "accuracy") { edges { node { value paper { paperId title abstract published } method { name description } dataset { name } task { name } } } }`;
    const narrow = `leaderboard(metric: "accuracy") { edges { node { value paper { title } method { name } } } }`;
    const pick = (lb: Json) =>
      lb.edges.map((e: Json) => [e.node.value, e.node.paper.title, e.node.method?.name ?? null]);
    // through the loader (Query.node does not prefetch): both selections in one batch, two projections
    statements = [];
    const cyphers: string[] = [];
    const off = executor.onQuery((event) => cyphers.push(event.cypher));
    let viaNode: Json;
    try {
      viaNode = await query(
        `{ node(id: "dataset:lbtbench") { ... on Dataset { wide: ${wide} narrow: ${narrow} } } }`,
      );
    } finally {
      off();
    }
    expect(statements.filter((s) => s === 'loader.leaderboard')).toHaveLength(2);
    const boards = cyphers.filter((c) => c.includes('UNWIND $keys AS lb'));
    expect(boards.some((c) => c.includes('rp {.id, .title}'))).toBe(true);
    expect(boards.some((c) => c.includes('rp {.*'))).toBe(false);
    // the narrow page reads of each result only what it answers, and nothing of its dataset or task
    expect(
      boards.some((c) => c.includes('r {.id, .value},') && c.includes('d: null') && c.includes('t: null')),
    ).toBe(true);
    expect(pick(viaNode.node.narrow)).toEqual(pick(viaNode.node.wide));
    const px = viaNode.node.wide.edges[0].node;
    expect(px).toMatchObject({
      value: 90,
      paper: { paperId: 'lbt-px', title: PX.title, abstract: PX.abstract, published: '2021-01-01' },
      method: null,
      dataset: { name: 'Lbt Bench' },
    });
    expect(viaNode.node.wide.edges[1].node).toMatchObject({
      method: { name: 'Lbt Alpha' },
      task: { name: 'Lbt Classification' },
    });
    // prefetched by the dataset lookup: the same answers, in one statement
    statements = [];
    const prefetched = await query(`{ dataset(id: "dataset:lbtbench") { wide: ${wide} narrow: ${narrow} } }`);
    expect(statements).toEqual(['dataset.byId']);
    expect(prefetched.dataset).toEqual(viaNode.node);
  });

  it('answers every field of a narrowly read page as a whole read of the same result does', async () => {
    // each selection reads only its own properties; Query.node reads each result whole (resultRow
    // without a projection): every field either answers must agree, edges included
    const fields = `id value unit source confidence date rawValue modelName evidence { sentence start end }
      metric { id name aliases higherIsBetter } dataset { id name } task { id name } method { id name }
      paper { id paperId title }`;
    const selections = [
      'value',
      'value unit date method { name } paper { title }',
      'id rawValue modelName metric { name }',
      'source confidence evidence { sentence } task { id } dataset { name }',
      fields,
    ];
    const cyphers: string[] = [];
    const off = executor.onQuery((event) => cyphers.push(event.cypher));
    try {
      for (const metric of ['accuracy', 'error rate']) {
        for (const [selection, edgeData] of selections.flatMap((sel) => [
          [sel, 'source sources confidence'],
          [sel, ''],
        ])) {
          const data = await query(
            `{ dataset(id: "dataset:lbtbench") { leaderboard(metric: "${metric}") { totalCount
              edges { ${edgeData} node { id ${selection} } } nodes { id ${selection} } } } }`,
          );
          const lb = data.dataset.leaderboard;
          expect(lb.edges.length).toBeGreaterThan(0);
          for (const [i, edge] of lb.edges.entries()) {
            const whole = (await query(`{ node(id: "${edge.node.id}") { ... on Result { ${fields} } } }`))
              .node;
            expect(whole).not.toBeNull();
            // every field the page answered, nested ones too, as the whole read answers it
            expect(whole).toMatchObject(edge.node);
            expect(lb.nodes[i]).toEqual(edge.node);
            if (edgeData)
              expect(edge).toMatchObject({
                source: whole.source,
                sources: [whole.source],
                confidence: whole.confidence,
              });
          }
        }
      }
    } finally {
      off();
    }
    // the whole reads happened (Query.node's statement projects nothing), the narrow ones projected
    expect(cyphers.some((c) => c.includes('r {.*}'))).toBe(true);
    expect(cyphers.some((c) => c.includes('r {.id, .value, .source, .confidence}'))).toBe(true);
    expect(cyphers.some((c) => c.includes('r {.id, .value},') && c.includes('mt: null'))).toBe(true);
  });

  it('rejects a bad page with a coded error before any database work', async () => {
    for (const variables of [
      { metric: 'accuracy', first: 1000 },
      { metric: 'accuracy', after: 'not-a-cursor' },
    ]) {
      const result = (await api.run(LEADERBOARD, variables)) as Json;
      expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('API: SOTA history, benchmarks, method and paper results, metrics', () => {
  it('lists the results that set a new best, oldest first (a tie is not a new best)', async () => {
    const data = await query(`{ dataset(id: "dataset:lbtbench") {
      acc: sotaHistory(metric: "Accuracy") { value date method { name } }
      err: sotaHistory(metric: "error rate") { value date method { name } } } }`);
    expect(data.dataset.acc.map((r: Json) => `${r.date} ${r.method?.name ?? '-'} ${r.value}`)).toEqual([
      '2018-01-01 Lbt Gamma 70',
      '2019-01-01 Lbt Alpha 80',
      '2020-01-01 Lbt Alpha 85',
      '2021-01-01 - 90',
    ]);
    expect(data.dataset.err.map((r: Json) => `${r.date} ${r.value}`)).toEqual([
      '2018-01-01 4',
      '2020-06-01 3',
    ]);
  });

  it("lists a task's benchmarks, most results first, with the best of each", async () => {
    const data = await query(`{ task(id: "task:lbtclassification") {
      benchmarks { dataset { id } metric { id } resultCount best { value method { name } } } } }`);
    expect(data.task.benchmarks).toEqual([
      {
        dataset: { id: 'dataset:lbtbench' },
        metric: { id: 'metric:accuracy' },
        resultCount: 4,
        best: { value: 85, method: { name: 'Lbt Alpha' } },
      },
      {
        dataset: { id: 'dataset:lbtbench' },
        metric: { id: 'metric:errorrate' },
        resultCount: 3,
        best: { value: 3, method: { name: 'Lbt Beta' } },
      },
    ]);
  });

  it("pages a method's results, newest first, and narrows them to a dataset", async () => {
    const data = await query(`{ method(id: "method:lbtalpha") {
      results(first: 2) { totalCount pageInfo { hasNextPage } nodes { value date metric { name } dataset { id } } } } }`);
    expect(data.method.results.totalCount).toBe(3);
    expect(data.method.results.pageInfo.hasNextPage).toBe(true);
    expect(data.method.results.nodes.map((r: Json) => `${r.date} ${r.metric.name} ${r.value}`)).toEqual([
      '2020-01-01 Accuracy 85',
      '2019-01-01 Accuracy 80',
    ]);
    const none = await query(
      `{ method(id: "method:lbtalpha") { results(dataset: "dataset:other") { totalCount } } }`,
    );
    expect(none.method.results.totalCount).toBe(0);
  });

  it("lists a paper's results with provenance", async () => {
    const data = await query(
      `{ paper(id: "lbt-pa") { results { value unit source confidence rawValue modelName metric { name } task { id } } } }`,
    );
    expect(data.paper.results).toEqual([
      {
        value: 80,
        unit: '%',
        source: 'pwc',
        confidence: 1,
        rawValue: '80%',
        modelName: 'Lbt Alpha',
        metric: { name: 'Accuracy' },
        task: { id: 'task:lbtclassification' },
      },
      {
        value: 5,
        unit: '%',
        source: 'pwc',
        confidence: 1,
        rawValue: '5%',
        modelName: 'Lbt Alpha',
        metric: { name: 'Error Rate' },
        task: { id: 'task:lbtclassification' },
      },
    ]);
    const px = await query(
      `{ paper(id: "lbt-px") { results { value source evidence { sentence start end } } } }`,
    );
    expect(px.paper.results).toEqual([
      { value: 90, source: 'extracted', evidence: [{ sentence: PX.abstract, start: 9, end: 12 }] },
    ]);
  });

  it('looks a metric up by id or by any alias', async () => {
    const data =
      await query(`{ a: metric(name: "error rates") { id name higherIsBetter } b: metric(id: "metric:accuracy") { name higherIsBetter }
      c: metric(name: "no such metric") { id } }`);
    expect(data).toEqual({
      a: { id: 'metric:errorrate', name: 'Error Rate', higherIsBetter: false },
      b: { name: 'Accuracy', higherIsBetter: true },
      c: null,
    });
  });

  it('finds metrics by name or alias in search, alone or among the other kinds', async () => {
    const data = await query(`{
      only: search(query: "error rates", types: [METRIC], first: 5) { node { __typename id ... on Metric { name higherIsBetter } } }
      all: search(query: "error rate", first: 100) { node { __typename id } }
      typo: search(query: "acuracy", types: [METRIC]) { node { id } }
    }`);
    expect(data.only[0].node).toEqual({
      __typename: 'Metric',
      id: 'metric:errorrate',
      name: 'Error Rate',
      higherIsBetter: false,
    });
    expect(data.only.every((h: Json) => h.node.__typename === 'Metric')).toBe(true);
    expect(data.all.map((h: Json) => h.node.id)).toContain('metric:errorrate');
    expect(data.typo.map((h: Json) => h.node.id)).toContain('metric:accuracy');
    const trending = (await api.run(`{ trending(types: [METRIC]) { paperCount } }`)) as Json;
    expect(trending.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refetches a metric and a result by global id through Query.node, in one statement', async () => {
    const top = await query(LEADERBOARD.replace('edges { cursor node {', 'edges { cursor node { id'), {
      metric: 'error rate',
      first: 1,
    });
    const resultId: string = top.dataset.leaderboard.edges[0].node.id;
    expect(resultId).toMatch(/^result:/);
    statements = [];
    const data = await query(
      `query($r: ID!) {
        m: node(id: "metric:errorrate") { __typename id ... on Metric { name higherIsBetter } }
        r: node(id: $r) { __typename id ... on Result { value source method { name } metric { id } dataset { id } } }
        unknownMetric: node(id: "metric:nosuchmetric") { id }
        unknownResult: node(id: "result:nosuchresult") { id }
        emptyKey: node(id: "result:") { id }
        prototypeName: node(id: "constructor:x") { id }
      }`,
      { r: resultId },
    );
    expect(data).toEqual({
      m: { __typename: 'Metric', id: 'metric:errorrate', name: 'Error Rate', higherIsBetter: false },
      r: {
        __typename: 'Result',
        id: resultId,
        value: 3,
        source: 'pwc',
        method: { name: 'Lbt Beta' },
        metric: { id: 'metric:errorrate' },
        dataset: { id: 'dataset:lbtbench' },
      },
      unknownMetric: null,
      unknownResult: null,
      emptyKey: null,
      prototypeName: null,
    });
    // the metric and the result ids are one batch (the other ids need no statement of theirs)
    expect(statements.filter((s) => s === 'loader.resultNodes')).toHaveLength(1);
  });
});

describe('API: results after re-extraction and curation', () => {
  it("replaces a re-read paper's extracted result and keeps the pwc ones", async () => {
    await writePx(60, 'h2');
    const data = await query(LEADERBOARD, { metric: 'accuracy' });
    expect(board(data)).toEqual(['Lbt Alpha 85', 'Lbt Beta 85', 'Lbt Gamma 70', 'paper lbt-px 60']);
  });

  it("drops a paper's extracted result when a curator retracts that it evaluates on the dataset, and re-ingest keeps it out", async () => {
    const curation = new CurationService(executor);
    const outcome = await curation.retractRelationship(
      { actor: 'test' },
      { from: 'paper:lbt-px', to: 'dataset:lbtbench', type: 'EVALUATES_ON', note: 'not evaluated there' },
    );
    expect(outcome.retracted).toBe(1);
    const after = await query(LEADERBOARD, { metric: 'accuracy' });
    expect(board(after)).toEqual(['Lbt Alpha 85', 'Lbt Beta 85', 'Lbt Gamma 70']);
    await writePx(61, 'h3');
    expect(board(await query(LEADERBOARD, { metric: 'accuracy' }))).toEqual([
      'Lbt Alpha 85',
      'Lbt Beta 85',
      'Lbt Gamma 70',
    ]);
  });

  it("moves a merged method's results to the survivor", async () => {
    const curation = new CurationService(executor);
    await curation.mergeEntities(
      { actor: 'test' },
      { from: 'method:lbtgamma', into: 'method:lbtbeta', note: 'same' },
    );
    expect(board(await query(LEADERBOARD, { metric: 'error rate' }))).toEqual(['Lbt Beta 3', 'Lbt Alpha 5']);
    const beta = await query(`{ method(id: "method:lbtbeta") { results { totalCount } } }`);
    expect(beta.method.results.totalCount).toBe(4);
  });

  it("refetches a merged metric's old id as the survivor through Query.node", async () => {
    await executor.write(LBT_METRICS);
    const curation = new CurationService(executor);
    await curation.mergeEntities(
      { actor: 'test' },
      { from: 'metric:lbtpoints', into: 'metric:lbtscore', note: 'test merge' },
    );
    const data = await query(`{ node(id: "metric:lbtpoints") { __typename id ... on Metric { name } } }`);
    expect(data.node).toEqual({ __typename: 'Metric', id: 'metric:lbtscore', name: 'Lbt Score' });
  });
});
