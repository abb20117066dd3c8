// A small method lineage of a test file's own in the test Neo4j (ids prefixed per file and process,
// so files running side by side never meet), a test API over it, and `Method.lineage` asked through
// the loader (`node(id)`) or the root statement's prefetch (`method(id)`).
import type { Executor } from '../../src/db/executor';
import { createTestApi, prepareDatabase, testExecutor, type TestApi } from '../api/api-test-env';
import { CREATE_LINEAGE_FIXTURE, DELETE_LINEAGE_FIXTURE } from './lineage-fixture.queries';

export interface LineageEdge {
  from: { id: string };
  to: { id: string };
  depth: number;
  relations: string[];
}

export interface LineageAnswer {
  truncated: boolean;
  nodes: { id: string }[];
  edges: LineageEdge[];
}

/** A `BUILDS_ON` relationship of the fixture: `child` builds on `parent` (names, not ids). */
export interface LineagePair {
  child: string;
  parent: string;
  relation: string;
}

const LINEAGE = `
  lineage(direction: $direction, maxDepth: $maxDepth, first: $first) {
    truncated
    nodes { id }
    edges { from { id } to { id } depth relations }
  }`;
/** Through the lineage loader. Variables: id, direction, maxDepth, first. */
export const VIA_LOADER = `query($id: ID!, $direction: LineageDirection, $maxDepth: Int, $first: Int) {
  node(id: $id) { ... on Method { ${LINEAGE} } } }`;
/** Through the root statement's prefetch. Variables: id, direction, maxDepth, first. */
export const VIA_PREFETCH = `query($id: ID!, $direction: LineageDirection, $maxDepth: Int, $first: Int) {
  method(id: $id) { ${LINEAGE} } }`;

/** The ids of a fixture tagged `tag`: `method:<tag><pid><lower-cased name>`. */
export function lineageIds(tag: string): { prefix: string; id: (name: string) => string } {
  const prefix = `method:${tag}${process.pid}`;
  return { prefix, id: (name: string) => `${prefix}${name.toLowerCase()}` };
}

export interface LineageFixture {
  executor: Executor;
  api: TestApi;
  id: (name: string) => string;
  /** The lineage answer of a VIA_LOADER or VIA_PREFETCH query; fails the test on any error. */
  lineage(query: string, variables: Record<string, unknown>): Promise<LineageAnswer>;
  /** Stops the API, deletes the fixture and closes the executor. */
  stop(): Promise<void>;
}

/** Writes the methods `names` and the `pairs` (paper ids `<tag>-<i>`), then starts a test API. */
export async function createLineageFixture(
  tag: string,
  names: string[],
  pairs: LineagePair[],
): Promise<LineageFixture> {
  const { prefix, id } = lineageIds(tag);
  const executor = testExecutor();
  await prepareDatabase(executor);
  await executor.write(DELETE_LINEAGE_FIXTURE, { prefix });
  await executor.write(CREATE_LINEAGE_FIXTURE, {
    methods: names.map((name) => ({ id: id(name), name })),
    edges: pairs.map((p, i) => ({
      child: id(p.child),
      parent: id(p.parent),
      paperId: `${tag}-${i}`,
      relation: p.relation,
    })),
  });
  const api = await createTestApi(executor);
  return {
    executor,
    api,
    id,
    async lineage(query, variables) {
      const result = await api.run(query, variables);
      expect(result.errors).toBeUndefined();
      const data = result.data as Record<string, { lineage: LineageAnswer } | null>;
      const owner = data.node ?? data.method;
      if (!owner) throw new Error('method not found');
      return owner.lineage;
    },
    async stop() {
      await api.stop();
      await executor.write(DELETE_LINEAGE_FIXTURE, { prefix });
      await executor.close();
    },
  };
}
