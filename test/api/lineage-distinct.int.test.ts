// `Method.lineage` walks breadth-first, each method once (loaders/lineage.queries.ts): on a chain of
// diamonds, with a shortcut and a cycle, where a path-by-path expansion meets a method once per path
// (2^k behind k diamonds), its answers equal the path-by-path lineage's for every method, direction
// and depth (whole and paged, through the loader and the prefetch), and the statement the API issues
// produces one row per method reached where the path-by-path form produces one per path.
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { lineageQuery, type LineageDirectionName } from '../../loaders/lineage.queries';
import {
  createLineageFixture,
  lineageIds,
  VIA_LOADER,
  VIA_PREFETCH,
  type LineageAnswer,
  type LineageEdge as Edge,
  type LineageFixture,
} from '../support/lineage-fixture';
import { testNeo4jUri } from '../support/neo4j';
import { pathLineage } from './lineage-distinct.queries';

jest.setTimeout(240_000);

const { id } = lineageIds('ld');
// Root builds on Left1 and Right1, both on Join1, and so on three times: 8 paths from Root to Join3.
// Left1 also builds on Join2 (a shortcut: Join2 is 2 hops away and 4), and Join3 and Loop build on
// each other (a cycle, which a path may walk once).
const PAIRS: [string, string][] = [
  ['Root', 'Left1'],
  ['Root', 'Right1'],
  ['Left1', 'Join1'],
  ['Right1', 'Join1'],
  ['Join1', 'Left2'],
  ['Join1', 'Right2'],
  ['Left2', 'Join2'],
  ['Right2', 'Join2'],
  ['Join2', 'left3'],
  ['Join2', 'Right3'],
  ['left3', 'Join3'],
  ['Right3', 'Join3'],
  ['Left1', 'Join2'],
  ['Join3', 'Loop'],
  ['Loop', 'Join3'],
];
const NAMES = [...new Set(PAIRS.flat())];
const EDGES = PAIRS.map(([child, parent]) => ({ child, parent, relation: 'extends' }));
// two relationships between one pair (another paper, another relation): one edge with both
EDGES.push({ child: 'Right2', parent: 'Join2', relation: 'variant_of' });

const DIRECTIONS: LineageDirectionName[] = ['ANCESTORS', 'DESCENDANTS', 'BOTH'];

describe('Method.lineage: each method once per walk, the answer of the path-by-path lineage', () => {
  let fixture: LineageFixture;
  let driver: ReturnType<typeof neo4j.driver>;

  beforeAll(async () => {
    fixture = await createLineageFixture('ld', NAMES, EDGES);
    driver = neo4j.driver(testNeo4jUri());
  });
  afterAll(async () => {
    await driver?.close();
    await fixture?.stop();
  });

  const lineage = (query: string, variables: Record<string, unknown>): Promise<LineageAnswer> =>
    fixture.lineage(query, variables);

  async function oracle(direction: LineageDirectionName, maxDepth: number, name: string): Promise<Edge[]> {
    const rows = await fixture.executor.read(pathLineage(direction, maxDepth), { id: id(name) });
    return rows.map((row) => ({
      from: { id: String(row.child) },
      to: { id: String(row.parent) },
      depth: Number(row.depth),
      relations: (row.relations as string[]).slice().sort(),
    }));
  }

  const sorted = (edges: Edge[]) => edges.map((e) => ({ ...e, relations: e.relations.slice().sort() }));

  it.each(['Root', 'Join1', 'Join3'])(
    '%s: every direction and depth as the path-by-path lineage',
    async (name) => {
      for (const direction of DIRECTIONS)
        for (const maxDepth of [1, 2, 3, 4, 7, 10]) {
          const expected = await oracle(direction, maxDepth, name);
          const base = { id: id(name), direction, maxDepth };
          const whole = await lineage(VIA_LOADER, { ...base, first: null });
          expect({ direction, maxDepth, edges: sorted(whole.edges) }).toEqual({
            direction,
            maxDepth,
            edges: expected,
          });
          expect(whole.truncated).toBe(false);
          for (const first of [0, 2, 5]) {
            const page = await lineage(VIA_PREFETCH, { ...base, first });
            expect({ direction, maxDepth, first, edges: sorted(page.edges) }).toEqual({
              direction,
              maxDepth,
              first,
              edges: expected.slice(0, first),
            });
            expect(page.truncated).toBe(expected.length > first);
          }
        }
    },
  );

  it('reports each pair once at its smallest depth behind diamonds, a shortcut and a cycle', async () => {
    const whole = await lineage(VIA_LOADER, {
      id: id('Root'),
      direction: 'ANCESTORS',
      maxDepth: 10,
      first: null,
    });
    const key = (e: Edge) => `${e.from.id}>${e.to.id}`;
    expect(new Set(whole.edges.map(key)).size).toBe(whole.edges.length);
    expect(whole.edges).toHaveLength(PAIRS.length);
    const depthOf = (child: string, parent: string) =>
      whole.edges.find((e) => e.from.id === id(child) && e.to.id === id(parent))?.depth;
    expect(depthOf('Join1', 'Left2')).toBe(3);
    expect(depthOf('Join2', 'left3')).toBe(3); // by the shortcut, not at 5 through Join1
    expect(depthOf('Loop', 'Join3')).toBe(6);
    expect(whole.edges.find((e) => e.from.id === id('Right2'))?.relations.sort()).toEqual([
      'extends',
      'variant_of',
    ]);
    expect(new Set(whole.nodes.map((n) => n.id))).toEqual(new Set(NAMES.map(id)));
  });

  /** Rows out of the statement's variable-length expansions, from its PROFILE. */
  async function expandedRows(cypher: string, params: Record<string, unknown>): Promise<number> {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`PROFILE ${cypher}`, params);
      let rows = 0;
      const walk = (plan: ProfiledPlan) => {
        if (plan.operatorType.startsWith('VarLengthExpand')) rows += plan.rows;
        plan.children.forEach(walk);
      };
      if (result.summary.profile) walk(result.summary.profile);
      return rows;
    } finally {
      await session.close();
    }
  }

  it('the statement the API issues expands one row per method reached, not one per path', async () => {
    const params = { id: id('Root'), evidence: false, first: null };
    const issued = await expandedRows(lineageQuery('ANCESTORS', 10, false, ['id', 'name']), params);
    const byPath = await expandedRows(pathLineage('ANCESTORS', 10), params);
    // Root and the 10 methods it builds on; the path-by-path form meets Join2 on 7 paths, Join3 on
    // 14 and Loop on 14 (plus Join3 again through the cycle)
    expect(issued).toBe(NAMES.length);
    expect(byPath).toBeGreaterThan(2 * NAMES.length);
  });
});
