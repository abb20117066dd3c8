// The benchmark's raw-Cypher lineage (bench/api/raw.queries.ts RAW_LINEAGE, with its client's step
// bench/api/raw-answer.ts) answers what Papergraph's `Method.lineage` answers for the benchmark's
// request (query-mix.ts PG_LINEAGE: both directions to depth 3, paged): the same methods in the same
// order, the same edges at the same depths, each pair's relation and evidence in the same order, the
// same `truncated` - reduced by the benchmark's own answer check (lineagePair). The graph has a chain of
// diamonds (a method reached on several paths, at two depths), a cycle, a pair with two relationships of
// equal confidence (the order falls to the paper), a mention backing two relationships of one paper (one
// item of evidence) and a less confident relationship listed after a more confident one.
import neo4j from 'neo4j-driver';
import { lineagePair, PG_LINEAGE } from '../../bench/api/query-mix';
import { rawAnswer } from '../../bench/api/raw-answer';
import { RAW_LINEAGE } from '../../bench/api/raw.queries';
import { createTestApi, prepareDatabase, testExecutor, type TestApi } from '../api/api-test-env';
import type { Executor } from '../../src/db/executor';
import { lineageIds } from '../support/lineage-fixture';
import { DELETE_LINEAGE_FIXTURE } from '../support/lineage-fixture.queries';
import { testNeo4jUri } from '../support/neo4j';

jest.setTimeout(240_000);

const { prefix, id } = lineageIds('rl');

const CREATE = `
UNWIND $methods AS row
CREATE (:Method {id: row.id, name: row.name, keys: [row.id]})
WITH count(*) AS created
UNWIND $edges AS e
MATCH (c:Method {id: e.child}), (p:Method {id: e.parent})
CREATE (c)-[:BUILDS_ON {source: 'extracted', paperId: e.paperId, relation: e.relation, confidence: e.confidence, evidence: e.evidence}]->(p)`;

const said = (sentence: string, start = 0) =>
  JSON.stringify([{ field: 'abstract', sentence, start, end: start + 5 }]);

// [child, parent, relation, confidence, paper, evidence sentence]
const EDGES: [string, string, string, number, string, string][] = [
  ['Root', 'Left1', 'extends', 0.9, 'p1', 'Root extends Left1.'],
  ['Root', 'Right1', 'extends', 0.8, 'p2', 'Root extends Right1.'],
  ['Left1', 'Join1', 'extends', 0.9, 'p3', 'Left1 extends Join1.'],
  ['Right1', 'Join1', 'variant_of', 0.7, 'p4', 'Right1 is a variant of Join1.'],
  ['Join1', 'Left2', 'extends', 0.9, 'p5', 'Join1 extends Left2.'],
  ['Join1', 'Right2', 'extends', 0.9, 'p6', 'Join1 extends Right2.'],
  ['Left2', 'Join2', 'extends', 0.9, 'p7', 'Left2 extends Join2.'],
  ['Right2', 'Join2', 'extends', 0.9, 'p8', 'Right2 extends Join2.'],
  ['Left1', 'Join2', 'uses_component', 0.6, 'p9', 'Left1 uses Join2.'],
  ['Join2', 'Loop', 'extends', 0.9, 'p10', 'Join2 extends Loop.'],
  ['Loop', 'Join2', 'extends', 0.9, 'p11', 'Loop extends Join2.'],
  // two relationships of equal confidence between one pair: the paper orders them (p0 before p1)
  ['Root', 'Left1', 'variant_of', 0.9, 'p0', 'Root is a variant of Left1.'],
  // one mention of one paper backing two relationships: one item of evidence
  ['Right1', 'Join1', 'combines', 0.95, 'p4', 'Right1 is a variant of Join1.'],
  // a less confident relationship of the pair listed after the more confident one
  ['Left2', 'Join2', 'combines', 0.3, 'p13', 'Left2 combines Join2.'],
];
const NAMES = [...new Set(EDGES.flatMap(([c, p]) => [c, p]))];

describe('bench:api raw lineage answers what Papergraph answers', () => {
  let executor: Executor;
  let api: TestApi;
  let driver: ReturnType<typeof neo4j.driver>;

  beforeAll(async () => {
    executor = testExecutor();
    await prepareDatabase(executor);
    await executor.write(DELETE_LINEAGE_FIXTURE, { prefix });
    await executor.write(CREATE, {
      methods: NAMES.map((name) => ({ id: id(name), name })),
      edges: EDGES.map(([child, parent, relation, confidence, paperId, sentence]) => ({
        child: id(child),
        parent: id(parent),
        relation,
        confidence,
        paperId: `${prefix}-${paperId}`,
        evidence: said(sentence),
      })),
    });
    api = await createTestApi(executor);
    driver = neo4j.driver(testNeo4jUri());
  });
  afterAll(async () => {
    await driver?.close();
    await api?.stop();
    if (executor) {
      await executor.write(DELETE_LINEAGE_FIXTURE, { prefix });
      await executor.close();
    }
  });

  async function papergraph(name: string, first: number): Promise<unknown> {
    const result = await api.run(PG_LINEAGE, { id: id(name), first });
    expect(result.errors).toBeUndefined();
    return lineagePair((result.data as { method: unknown }).method);
  }

  async function raw(name: string, first: number): Promise<unknown> {
    const { records } = await driver.executeQuery(RAW_LINEAGE, { id: id(name), first: neo4j.int(first) });
    return lineagePair(rawAnswer(records[0].toObject()));
  }

  it.each([
    ['Root', 50],
    ['Root', 3],
    ['Root', 1],
    ['Join1', 50],
    ['Join1', 2],
    ['Join2', 50],
    ['Loop', 4],
  ])('%s, first %d', async (name, first) => {
    const expected = await papergraph(name, first);
    expect(await raw(name, first)).toEqual(expected);
  });

  it('the answer check sees the order of a pair’s evidence and the methods of a page', async () => {
    const answer = (await papergraph('Root', 50)) as {
      ancestors: { nodes: string[]; edges: [string, string, number, string, [string, number][]][] };
    };
    const rootLeft1 = answer.ancestors.edges.find((e) => e[0] === id('Root') && e[1] === id('Left1'));
    // equal confidence: paper p0's relationship first
    expect(rootLeft1?.[3]).toBe('variant_of');
    expect(rootLeft1?.[4].map((x) => x[0])).toEqual(['Root is a variant of Left1.', 'Root extends Left1.']);
    const right1Join1 = answer.ancestors.edges.find((e) => e[0] === id('Right1') && e[1] === id('Join1'));
    expect(right1Join1?.[3]).toBe('combines');
    expect(right1Join1?.[4]).toEqual([['Right1 is a variant of Join1.', 0.95]]);
    expect(answer.ancestors.nodes[0]).toBe(id('Root'));
    expect(new Set(answer.ancestors.nodes).size).toBe(answer.ancestors.nodes.length);
  });
});
