// `Method.lineage(first:)` against the real Neo4j: a page is exactly the first `first` edges of the
// whole lineage (depth, then child and parent name), `truncated` says whether more follow, and the
// nodes are the root and the page's ends - for every direction, depth and page size, through the
// loader (`node(id)`) and through the root statement's prefetch (`method(id)`).
import {
  createLineageFixture,
  lineageIds,
  VIA_LOADER,
  VIA_PREFETCH,
  type LineageAnswer,
  type LineageFixture,
} from '../support/lineage-fixture';

jest.setTimeout(120_000);

const { id } = lineageIds('lp');
// names in mixed case so the order is by lower-cased name, not insertion
const NAMES = ['Root', 'echo', 'Bravo', 'delta', 'Alpha', 'charlie', 'G1', 'g2', 'G3', 'H'];
const PAIRS = [
  ['echo', 'Root'],
  ['Bravo', 'Root'],
  ['delta', 'Root'],
  ['Alpha', 'Root'],
  ['charlie', 'Root'],
  ['G1', 'echo'],
  ['g2', 'echo'],
  ['G3', 'delta'],
  ['G3', 'Root'], // reached at depth 1 and again at depth 2: reported once, at depth 1
  ['H', 'G1'],
].map(([child, parent]) => ({ child, parent, relation: 'variant_of' }));
// a second relationship between one pair (another paper): still one edge
PAIRS.push({ child: 'Bravo', parent: 'Root', relation: 'extends' });

describe('Method.lineage(first:): a page of the whole lineage', () => {
  let fixture: LineageFixture;

  beforeAll(async () => {
    fixture = await createLineageFixture('lp', NAMES, PAIRS);
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  const lineage = (query: string, variables: Record<string, unknown>): Promise<LineageAnswer> =>
    fixture.lineage(query, variables);

  const cases = ['Root', 'H', 'echo'].flatMap((name) =>
    (['ANCESTORS', 'DESCENDANTS', 'BOTH'] as const).flatMap((direction) =>
      [1, 2, 3].map((maxDepth) => ({ name, direction, maxDepth })),
    ),
  );

  it.each(cases)('$name $direction maxDepth $maxDepth', async ({ name, direction, maxDepth }) => {
    const base = { id: id(name), direction, maxDepth };
    const whole = await lineage(VIA_LOADER, { ...base, first: null });
    expect(whole.truncated).toBe(false);
    for (const first of [0, 1, 2, 3, 4, 6, 50]) {
      for (const query of [VIA_LOADER, VIA_PREFETCH]) {
        const page = await lineage(query, { ...base, first });
        expect(page.edges).toEqual(whole.edges.slice(0, first));
        expect(page.truncated).toBe(whole.edges.length > first);
        const ends = new Set([id(name), ...page.edges.flatMap((e) => [e.from.id, e.to.id])]);
        expect(new Set(page.nodes.map((n) => n.id))).toEqual(ends);
      }
    }
  });

  it('the fixture exercises a deep lineage, an edge reached twice and a pair with two relationships', async () => {
    const whole = await lineage(VIA_LOADER, {
      id: id('Root'),
      direction: 'DESCENDANTS',
      maxDepth: 3,
      first: null,
    });
    expect(Math.max(...whole.edges.map((e) => e.depth))).toBe(3);
    expect(whole.edges.filter((e) => e.from.id === id('G3'))).toHaveLength(2);
    expect(whole.edges.find((e) => e.from.id === id('Bravo'))?.relations.sort()).toEqual([
      'extends',
      'variant_of',
    ]);
  });

  it('rejects a first out of range before any database work', async () => {
    const result = await fixture.api.run(VIA_PREFETCH, {
      id: id('Root'),
      direction: 'BOTH',
      maxDepth: 2,
      first: 1000,
    });
    expect(JSON.stringify(result.errors)).toContain('BAD_USER_INPUT');
  });
});
