// Curating metrics (CONTRACT.md: a Metric is "an entity") on a real Neo4j, with results written by
// the real ingest path (BatchBuilder + GraphWriter) and the mutations run through the real schema
// with a curator: an alias added to a metric is a name lookup of it; a metric named two ways is
// merged - the old id and name answer with the survivor, its results move, and reading the rows
// again (pwc re-read, a new paper) neither re-creates the old metric nor links to it; an alias
// removed stays removed on re-ingest; a metric's BY_METRIC is not retractable (a Result's metric
// is required) and a metric does not merge into another type.
import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import type { Executor } from '../../src/db/executor';
import { createContext, type GraphQLContext } from '../../src/graphql/common/context';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { BatchBuilder, type PwcResultInput } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { createApolloServer } from '../../src/server/apollo-server';
import { prepareDatabase, silentLogger, testExecutor } from '../api/api-test-env';
import { METRIC_CLEANUP, METRICS_STORED } from './metric-curation.queries';

jest.setTimeout(240_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field
type Json = any;

const CURATOR = 'Bearer curator';
const DUMP = 'pwc:evaluation-tables.json';
const row = (paperId: string, model: string, metric: string, value: number): PwcResultInput => ({
  paperId,
  task: null,
  dataset: 'Mcx Bench',
  metric,
  model,
  value,
  unit: null,
  rawValue: String(value),
  date: '2020-01-01',
  dump: DUMP,
});
// the same score named two ways ("Mcx Score", "Mcx Points": two metric ids until a curator merges them)
const ROWS = [row('mcx-pa', 'Mcx Alpha', 'Mcx Score', 80), row('mcx-pb', 'Mcx Beta', 'Mcx Points', 70)];

let executor: Executor;
let apollo: ApolloServer<GraphQLContext>;

async function writeRows(rows: PwcResultInput[]): Promise<void> {
  const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
  for (const r of rows) {
    b.addPaperStub({ id: r.paperId, title: `Paper ${r.paperId}`, pwcUrl: null, arxivId: null, url: null });
    b.addPwcResult(r);
  }
  await new GraphWriter(executor, { attempts: 1 }).write(b.build());
}

async function run(
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Promise<{ data?: Json; errors?: { extensions?: { code?: string } }[] }> {
  const response = await apollo.executeOperation(
    { query, variables },
    {
      contextValue: createContext(
        {
          executor,
          canWrite: () => false,
          ingest: null,
          curatorOf: (h) => (h === CURATOR ? 'fingerprint-test' : null),
        },
        authorization,
      ),
    },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data, errors: errors ? [...errors] : undefined };
}

async function ok(query: string, variables: Record<string, unknown> = {}, authorization?: string) {
  const answer = await run(query, variables, authorization);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as Json;
}

const curate = (query: string, variables: Record<string, unknown>) => ok(query, variables, CURATOR);
const METRIC = `query($id: ID, $name: String) { metric(id: $id, name: $name) { id name aliases } }`;
const BOARD = `query($metric: String!) { dataset(id: "dataset:mcxbench") {
  leaderboard(metric: $metric) { totalCount edges { node { value metric { id } } } } } }`;

async function stored(): Promise<{ id: string; aliases: string[]; keys: string[]; results: number }[]> {
  return (await executor.read(METRICS_STORED, {})).map((r) => ({
    id: String(r.id),
    aliases: r.aliases as string[],
    keys: r.keys as string[],
    results: Number(r.results),
  }));
}

beforeAll(async () => {
  executor = testExecutor();
  await prepareDatabase(executor);
  await executor.write(METRIC_CLEANUP);
  apollo = createApolloServer({ schema: await buildPapergraphSchema(), logger: silentLogger });
  await apollo.start();
  await writeRows(ROWS);
});

afterAll(async () => {
  await apollo?.stop();
  if (executor) {
    await executor.write(METRIC_CLEANUP);
    await executor.close();
  }
});

describe('curation of metrics', () => {
  it('adds an alias to a metric: the metric answers to it, and the mutation answers with the metric', async () => {
    const data = await curate(
      `mutation { addAlias(id: "metric:mcxscore", alias: "Mcx Sc", note: "short form") {
        id name aliases ... on Metric { higherIsBetter } } }`,
      {},
    );
    expect(data.addAlias).toEqual({
      id: 'metric:mcxscore',
      name: 'Mcx Score',
      aliases: expect.arrayContaining(['Mcx Sc']),
      higherIsBetter: null,
    });
    expect((await ok(METRIC, { name: 'mcx-sc' })).metric.id).toBe('metric:mcxscore');
  });

  it('merges a metric into another: old id and name answer with the survivor, its results move', async () => {
    const data = await curate(
      `mutation { mergeEntities(from: "metric:mcxpoint", into: "metric:mcxscore", note: "same score") { id aliases } }`,
      {},
    );
    expect(data.mergeEntities.id).toBe('metric:mcxscore');
    expect(data.mergeEntities.aliases).toContain('Mcx Points');
    expect((await ok(METRIC, { id: 'metric:mcxpoint' })).metric.id).toBe('metric:mcxscore');
    expect((await ok(METRIC, { name: 'Mcx Points' })).metric.id).toBe('metric:mcxscore');
    const board = (await ok(BOARD, { metric: 'mcx points' })).dataset.leaderboard;
    expect(board.totalCount).toBe(2);
    expect(board.edges.map((e: Json) => [e.node.value, e.node.metric.id])).toEqual([
      [80, 'metric:mcxscore'],
      [70, 'metric:mcxscore'],
    ]);
    expect((await stored()).map((m) => [m.id, m.results])).toEqual([['metric:mcxscore', 2]]);
    const audit = await ok(
      `{ auditLog(target: "metric:mcxpoint", first: 5) { edges { node { action targets } } } }`,
    );
    expect(audit.auditLog.edges[0].node).toEqual({
      action: 'mergeEntities',
      targets: ['metric:mcxpoint', 'metric:mcxscore'],
    });
  });

  it('re-reading the rows after the merge writes to the survivor: the old metric is not re-created', async () => {
    await writeRows([...ROWS, row('mcx-pc', 'Mcx Gamma', 'Mcx Points', 75)]);
    expect((await stored()).map((m) => [m.id, m.results])).toEqual([['metric:mcxscore', 3]]);
    expect((await ok(BOARD, { metric: 'Mcx Score' })).dataset.leaderboard.totalCount).toBe(3);
  });

  it('removes an alias of a metric; re-ingest does not bring it back', async () => {
    const data = await curate(
      `mutation { removeAlias(id: "metric:mcxscore", alias: "Mcx Points", note: "ambiguous") { id aliases } }`,
      {},
    );
    expect(data.removeAlias.aliases).not.toContain('Mcx Points');
    expect((await ok(METRIC, { name: 'Mcx Points' })).metric).toBeNull();
    await writeRows(ROWS);
    const [metric] = await stored();
    expect(metric.aliases).not.toContain('Mcx Points');
    expect(metric.keys).not.toContain('mcxpoint');
    expect(metric.results).toBe(3);
  });

  it("refuses to retract a result's metric, to merge a metric into another type, and an unknown metric", async () => {
    const refused = [
      `mutation { retractRelationship(from: "metric:mcxscore", to: "dataset:mcxbench", type: "BY_METRIC", note: "x") }`,
      `mutation { retractRelationship(from: "paper:mcx-pa", to: "metric:mcxscore", type: "EVALUATES_ON", note: "x") }`,
      `mutation { mergeEntities(from: "metric:mcxscore", into: "dataset:mcxbench", note: "x") { id } }`,
      `mutation { addAlias(id: "metric:mcxnosuchmetric", alias: "x y") { id } }`,
    ];
    for (const query of refused) {
      const answer = await run(query, {}, CURATOR);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await stored()).map((m) => m.id)).toEqual(['metric:mcxscore']);
  });
});
