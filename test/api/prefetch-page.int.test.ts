// The prefetch form of a "papers of an entity, newest first" page (prefetchPageClauses) against the
// real Neo4j: both ways of finding the page - sorting every linked paper, and walking the
// published-date index for popular entities (forced here with the walk factor) - must give exactly
// the order the API documents: published date descending, papers without a date (missing or empty)
// last, ties by id; distinct papers when several relationship types link one paper; any skip/limit.
import type { Executor } from '../../src/db/executor';
import { asList, asMap } from '../../src/read-model/graph-mappers';
import { prefetchPageClauses, type PageShape } from '../../loaders/neighbors.queries';
import { prepareDatabase, testExecutor } from './api-test-env';
import { CREATE_PAGE_FIXTURE, DELETE_PAGE_FIXTURE, pageStatement } from './prefetch-page.queries';

const METHOD = `method:prefetch-page-${process.pid}`;
const PREFIX = `pp${process.pid}-`;

interface FixturePaper {
  id: string;
  published: string | null;
  types: string[];
}

// 46 papers: dates with ties, 5 without a date, 4 with an empty one; USES, INTRODUCES or both.
const PAPERS: FixturePaper[] = Array.from({ length: 46 }, (_, i) => {
  // 12 distinct dates for ~37 dated papers: most dates are shared, so the id tie-break decides
  const published = i % 10 === 7 ? null : i % 11 === 5 ? '' : `20${10 + (i % 4)}-0${1 + (i % 3)}-01`;
  const types = i % 6 === 0 ? ['USES', 'INTRODUCES'] : i % 4 === 1 ? ['INTRODUCES'] : ['USES'];
  return { id: `${PREFIX}${String((i * 17) % 46).padStart(2, '0')}`, published, types };
});

/** The documented order, computed here from the fixture rows: the oracle both plans must match. */
function expected(types: string[] | null, skip: number, limit: number): { total: number; ids: string[] } {
  const linked = PAPERS.filter((p) => !types || p.types.some((t) => types.includes(t)));
  const sorted = [...linked].sort((a, b) => {
    const da = a.published ?? '';
    const db = b.published ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return { total: linked.length, ids: sorted.slice(skip, skip + limit).map((p) => p.id) };
}

const SHAPE: PageShape = {
  types: null,
  props: ['id'],
  abstract: false,
  rels: true,
  evidence: false,
  total: true,
};

const PAGES: [number, number][] = [
  [0, 1],
  [0, 5],
  [0, 20],
  [3, 7],
  [30, 10],
  [36, 20],
  [40, 5],
  [45, 3],
  [60, 5],
];

describe('prefetch page of papers newest first: index walk and sort agree with the documented order', () => {
  let executor: Executor;

  beforeAll(async () => {
    executor = testExecutor();
    await prepareDatabase(executor);
    await executor.write(DELETE_PAGE_FIXTURE, { methodId: METHOD, paperPrefix: PREFIX });
    await executor.write(CREATE_PAGE_FIXTURE, { methodId: METHOD, papers: PAPERS });
  });
  afterAll(async () => {
    await executor.write(DELETE_PAGE_FIXTURE, { methodId: METHOD, paperPrefix: PREFIX });
    await executor.close();
  });

  const cases = [null, ['USES'], ['INTRODUCES']].flatMap((types) =>
    [0, 1e12].flatMap((walkFactor) => PAGES.map(([skip, limit]) => ({ types, walkFactor, skip, limit }))),
  );

  it.each(cases)(
    'types $types, walk factor $walkFactor, skip $skip limit $limit',
    async ({ types, walkFactor, skip, limit }) => {
      const clauses = prefetchPageClauses('method.papers', { ...SHAPE, types }, 'pf', undefined, walkFactor);
      const rows = await executor.read(pageStatement(clauses), { methodId: METHOD, pf: { skip, limit } });
      expect(rows).toHaveLength(1);
      const want = expected(types, skip, limit);
      expect(rows[0].total).toBe(want.total);
      const page = asList(rows[0].page).map((item) => asMap(item));
      expect(page.map((item) => asList(asMap(item.node).__values)[0])).toEqual(want.ids);
      // each edge carries exactly the relationships of its paper of the asked types
      for (const item of page) {
        const id = asList(asMap(item.node).__values)[0];
        const paper = PAPERS.find((p) => p.id === id);
        const relTypes = asList(item.rels).map((r) => asMap(r).__type);
        expect(relTypes.sort()).toEqual(
          (paper?.types ?? []).filter((t) => !types || types.includes(t)).sort(),
        );
      }
    },
  );

  it('the total is not counted when the shape does not ask for it', async () => {
    const clauses = prefetchPageClauses('method.papers', { ...SHAPE, total: false }, 'pf');
    const rows = await executor.read(pageStatement(clauses), { methodId: METHOD, pf: { skip: 0, limit: 3 } });
    expect(rows[0].total).toBeNull();
    expect(asList(rows[0].page)).toHaveLength(3);
  });
});
