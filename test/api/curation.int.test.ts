// Curation through real HTTP against the real Neo4j: curator keys (apart from ingest keys), the five
// mutations with their validation and idempotence, the audit log, and the semantics that must
// survive re-extraction: a merged entity's id and names redirect to the survivor and re-ingest links
// to it; a retracted relationship is gone from every read and stays gone; a later assertion reverses it.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCurate } from '../../src/cli/commands/curate.command';
import { CurationService } from '../../src/curation/curation.service';
import type { Executor } from '../../src/db/executor';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { IngestService } from '../../src/ingest/ingest.service';
import { ApiKeys, keyFingerprint } from '../../src/server/api-keys';
import { runServer, type RunningServer } from '../../src/server/http-server';
import { prepareDatabase, silentLogger, testExecutor } from './api-test-env';
import { BOOKKEEPING_LINKS, CURATION_CLEANUP, NODE_EXISTS, RELS_BETWEEN } from './curation-test.queries';

jest.setTimeout(240_000);

const INGEST_KEY = 'ingest-key-curation-test-0001';
const CURATOR_KEY = 'curator-key-curation-test-0001';
const PAPER_IDS = ['curtest-0001', 'curtest-0002'];
const ENTITY_IDS = [
  'method:zebranet',
  'method:okapinet',
  'method:quagganet',
  'method:zebranetv1',
  'task:okapirecognition',
  'repo:github.com/curtest/zebranet',
];
const PAPERS = [
  {
    id: 'curtest-0001',
    title: 'ZebraNet: Striped Kernels for Okapi Recognition',
    abstract:
      'We introduce ZebraNet, a network with striped kernels. ZebraNet is built on top of OkapiNet by adding striped residual blocks. We build ZebraNet upon OkapiNet. Code is at https://github.com/curtest/zebranet.',
  },
  {
    id: 'curtest-0002',
    title: 'QuaggaNet: Faster Striped Kernels',
    abstract:
      'We propose QuaggaNet, a variant of ZebraNet-v1 with fewer stripes. QuaggaNet outperforms OkapiNet.',
  },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field
type Json = any;

let executor: Executor;
let ingest: IngestService;
let reingest: IngestService;
let server: RunningServer;

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Answer> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

async function ok(query: string, variables: Record<string, unknown> = {}, key?: string) {
  const answer = await gql(query, variables, key);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as Record<string, Json>;
}

function code(answer: Answer): string | undefined {
  return answer.errors?.[0]?.extensions?.code;
}

const curate = (query: string, variables: Record<string, unknown>) => gql(query, variables, CURATOR_KEY);

const ADD_ALIAS = `mutation($id: ID!, $alias: String!, $note: String) {
  addAlias(id: $id, alias: $alias, note: $note) { id name aliases } }`;
const REMOVE_ALIAS = `mutation($id: ID!, $alias: String!) { removeAlias(id: $id, alias: $alias) { id aliases } }`;
const MERGE = `mutation($from: ID!, $into: ID!, $note: String!) {
  mergeEntities(from: $from, into: $into, note: $note) { id name aliases } }`;
const RETRACT = `mutation($from: ID!, $to: ID!, $type: String!, $paper: ID, $note: String!) {
  retractRelationship(from: $from, to: $to, type: $type, paper: $paper, note: $note) }`;
const ASSERT = `mutation($child: ID!, $parent: ID!, $relation: String!, $note: String!, $url: String) {
  assertLineage(child: $child, parent: $parent, relation: $relation, note: $note, evidenceUrl: $url) {
    from { id } to { id } relation sources evidence { sentence url source field } } }`;
const AUDIT = `query($target: ID, $first: Int, $after: String) {
  auditLog(target: $target, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actor action targets note args before after } } } }`;
const PARENTS = `query($id: ID!) { method(id: $id) { id parents { totalCount edges { node { id } sources } } } }`;

async function auditCount(target: string): Promise<number> {
  return (await ok(AUDIT, { target, first: 1 })).auditLog.totalCount as number;
}

async function parentsOf(id: string): Promise<string[]> {
  const data = await ok(PARENTS, { id });
  return (data.method.parents.edges as { node: { id: string } }[]).map((e) => e.node.id);
}

async function clean(): Promise<void> {
  await executor.write(CURATION_CLEANUP, {
    paperIds: PAPER_IDS,
    ids: ENTITY_IDS,
    paperGlobalIds: PAPER_IDS.map((id) => `paper:${id}`),
  });
}

beforeAll(async () => {
  executor = testExecutor();
  await prepareDatabase(executor);
  await clean();
  ingest = new IngestService(executor, { threads: 0 });
  reingest = new IngestService(executor, { threads: 0, force: true });
  const keys = new ApiKeys([INGEST_KEY], [], [CURATOR_KEY]);
  server = await runServer({
    executor: testExecutor(),
    schema: await buildPapergraphSchema(),
    canWrite: (h) => keys.verify(h),
    curatorOf: (h) => keys.curatorOf(h),
    ingest,
    logger: { ...silentLogger, error: (obj, message) => console.error(message, obj) },
    port: 0,
  });
  const results = await ingest.ingestRecords(PAPERS);
  expect(results.map((r) => r.status)).toEqual(['ingested', 'ingested']);
});

afterAll(async () => {
  await server?.close();
  await ingest?.close();
  await reingest?.close();
  if (executor) {
    await clean();
    await executor.close();
  }
});

describe('curation: keys', () => {
  it('refuses every curation mutation without a curator key (none, an ingest key, an unknown key) and changes nothing', async () => {
    const before = await ok(`{ method(id: "method:zebranet") { aliases } }`);
    const auditBefore = await auditCount('method:zebranet');
    const attempts: [string, Record<string, unknown>][] = [
      [ADD_ALIAS, { id: 'method:zebranet', alias: 'Stripe Net' }],
      [REMOVE_ALIAS, { id: 'method:zebranet', alias: 'ZebraNet' }],
      [MERGE, { from: 'method:quagganet', into: 'method:zebranet', note: 'x' }],
      [RETRACT, { from: 'method:zebranet', to: 'method:okapinet', type: 'BUILDS_ON', note: 'x' }],
      [ASSERT, { child: 'method:quagganet', parent: 'method:okapinet', relation: 'extends', note: 'x' }],
    ];
    for (const [query, variables] of attempts) {
      for (const key of [undefined, INGEST_KEY, 'not-a-key']) {
        const answer = await gql(query, variables, key);
        expect(code(answer)).toBe('UNAUTHENTICATED');
      }
    }
    expect(await ok(`{ method(id: "method:zebranet") { aliases } }`)).toEqual(before);
    expect(await parentsOf('method:zebranet')).toEqual(['method:okapinet']);
    expect(await parentsOf('method:quagganet')).toEqual(['method:zebranetv1']);
    expect(await auditCount('method:zebranet')).toBe(auditBefore);
    // and a curator key cannot ingest
    const ingestAnswer = await gql(
      `mutation { ingestPapers(papers: [{ title: "x", abstract: "y" }]) { ingested } }`,
      {},
      CURATOR_KEY,
    );
    expect(code(ingestAnswer)).toBe('UNAUTHENTICATED');
  });
});

describe('curation: aliases', () => {
  it('adds an alias (name lookups match it), idempotently, and refuses one that names another entity', async () => {
    const first = await curate(ADD_ALIAS, {
      id: 'method:zebranet',
      alias: 'Striped Kernel Net',
      note: 'common name',
    });
    expect(first.errors).toBeUndefined();
    expect((first.data as Json).addAlias.aliases).toContain('Striped Kernel Net');
    const entries = await auditCount('method:zebranet');
    await curate(ADD_ALIAS, { id: 'method:zebranet', alias: 'Striped Kernel Net', note: 'again' });
    expect(await auditCount('method:zebranet')).toBe(entries);
    const found = await ok(`{ method(name: "striped kernel-net") { id } }`);
    expect(found.method.id).toBe('method:zebranet');
    const clash = await curate(ADD_ALIAS, { id: 'method:zebranet', alias: 'OkapiNet' });
    expect(code(clash)).toBe('BAD_USER_INPUT');
    const unknown = await curate(ADD_ALIAS, { id: 'method:no-such-method-here', alias: 'x y' });
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    const notEntity = await curate(ADD_ALIAS, { id: 'paper:curtest-0001', alias: 'x y' });
    expect(code(notEntity)).toBe('BAD_USER_INPUT');
  });

  it('removes an alias; the canonical name cannot be removed; re-ingest does not bring a removed alias back', async () => {
    await curate(ADD_ALIAS, { id: 'method:okapinet', alias: 'Okapi Network' });
    const removed = await curate(REMOVE_ALIAS, { id: 'method:okapinet', alias: 'okapi-network' });
    expect(removed.errors).toBeUndefined();
    expect((removed.data as Json).removeAlias.aliases).not.toContain('Okapi Network');
    expect((await ok(`{ method(name: "Okapi Network") { id } }`)).method).toBeNull();
    expect(code(await curate(REMOVE_ALIAS, { id: 'method:okapinet', alias: 'Okapi-Net' }))).toBe(
      'BAD_USER_INPUT',
    );
    // a paper whose extraction names "Okapi Network" as an alias of OkapiNet
    const withAlias = {
      ...PAPERS[0],
      abstract: `${PAPERS[0].abstract} OkapiNet (Okapi Network) is the baseline.`,
    };
    await reingest.ingestRecords([withAlias]);
    const after = await ok(`{ method(id: "method:okapinet") { aliases } }`);
    expect(after.method.aliases).not.toContain('Okapi Network');
    await reingest.ingestRecords([PAPERS[0]]);
  });
});

describe('curation: lineage', () => {
  it('retracts a relationship from every read; re-extraction does not re-create it; an assertion reverses it', async () => {
    expect(await parentsOf('method:zebranet')).toEqual(['method:okapinet']);
    const retracted = await curate(RETRACT, {
      from: 'method:zebranet',
      to: 'method:okapinet',
      type: 'BUILDS_ON',
      note: 'ZebraNet does not extend OkapiNet',
    });
    expect(retracted.data).toEqual({ retractRelationship: 1 });
    expect(await parentsOf('method:zebranet')).toEqual([]);
    const lineage = await ok(
      `{ method(id: "method:okapinet") { children { totalCount } lineage(direction: DESCENDANTS) { edges { from { id } } } } }`,
    );
    expect(lineage.method.children.totalCount).toBe(0);
    expect(lineage.method.lineage.edges).toEqual([]);
    const path = await ok(
      `{ path(from: "method:zebranet", to: "method:okapinet", maxLength: 1) { length } }`,
    );
    expect(path.path).toBeNull();
    // idempotent: nothing left to retract
    expect(
      (
        await curate(RETRACT, {
          from: 'method:zebranet',
          to: 'method:okapinet',
          type: 'BUILDS_ON',
          note: 'again',
        })
      ).data,
    ).toEqual({
      retractRelationship: 0,
    });
    // re-extraction of the paper that stated it
    expect((await reingest.ingestRecords([PAPERS[0]]))[0].status).toBe('ingested');
    expect(await parentsOf('method:zebranet')).toEqual([]);
    expect(await executor.read(RELS_BETWEEN, { from: 'method:zebranet', to: 'method:okapinet' })).toEqual([]);

    // a later assertion reverses it: curated edge now, and re-extraction may add its evidence again
    const asserted = await curate(ASSERT, {
      child: 'method:zebranet',
      parent: 'method:okapinet',
      relation: 'extends',
      note: 'Section 3 builds the striped blocks on OkapiNet.',
      url: 'https://example.org/zebranet#section-3',
    });
    expect(asserted.errors).toBeUndefined();
    expect((asserted.data as Json).assertLineage).toEqual({
      from: { id: 'method:zebranet' },
      to: { id: 'method:okapinet' },
      relation: 'extends',
      sources: ['curated'],
      evidence: [
        {
          sentence: 'Section 3 builds the striped blocks on OkapiNet.',
          url: 'https://example.org/zebranet#section-3',
          source: 'curated',
          field: 'curation',
        },
      ],
    });
    expect(await parentsOf('method:zebranet')).toEqual(['method:okapinet']);
    const entries = await auditCount('method:okapinet');
    await curate(ASSERT, {
      child: 'method:zebranet',
      parent: 'method:okapinet',
      relation: 'extends',
      note: 'Section 3 builds the striped blocks on OkapiNet.',
      url: 'https://example.org/zebranet#section-3',
    });
    expect(await auditCount('method:okapinet')).toBe(entries);
    await reingest.ingestRecords([PAPERS[0]]);
    const rels = await executor.read(RELS_BETWEEN, { from: 'method:zebranet', to: 'method:okapinet' });
    expect(rels.map((r) => (r.props as { source: string }).source).sort()).toEqual(['curated', 'extracted']);
  });

  it('retracts one paper-entity relationship: gone from connections and counts, and after re-ingest', async () => {
    const papersOf = async () =>
      (await ok(`{ method(id: "method:okapinet") { papers { totalCount edges { node { id } } } } }`)).method
        .papers;
    expect((await papersOf()).totalCount).toBe(2);
    const answer = await curate(RETRACT, {
      from: 'paper:curtest-0002',
      to: 'method:okapinet',
      type: 'USES',
      paper: 'curtest-0002',
      note: 'QuaggaNet only compares with OkapiNet',
    });
    expect(answer.data).toEqual({ retractRelationship: 1 });
    expect(await papersOf()).toEqual({ totalCount: 1, edges: [{ node: { id: 'paper:curtest-0001' } }] });
    await reingest.ingestRecords([PAPERS[1]]);
    expect((await papersOf()).totalCount).toBe(1);
    const methods = await ok(`{ paper(id: "curtest-0002") { methods { edges { node { id } } } } }`);
    expect(methods.paper.methods.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      'method:okapinet',
    );
  });

  it('validates before writing: unknown ids, relation and type, wrong endpoints, self-lineage', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [ASSERT, { child: 'method:zebranet', parent: 'method:nope-nope', relation: 'extends', note: 'n' }],
      [ASSERT, { child: 'method:zebranet', parent: 'method:okapinet', relation: 'inspired_by', note: 'n' }],
      [ASSERT, { child: 'method:zebranet', parent: 'method:zebranet', relation: 'extends', note: 'n' }],
      [ASSERT, { child: 'method:zebranet', parent: 'dataset:okapinet', relation: 'extends', note: 'n' }],
      [ASSERT, { child: 'method:zebranet', parent: 'method:okapinet', relation: 'extends', note: ' ' }],
      [
        ASSERT,
        {
          child: 'method:zebranet',
          parent: 'method:okapinet',
          relation: 'extends',
          note: 'n',
          url: 'javascript:alert(1)',
        },
      ],
      [RETRACT, { from: 'method:zebranet', to: 'method:okapinet', type: 'FRIENDS_WITH', note: 'n' }],
      [RETRACT, { from: 'method:zebranet', to: 'method:okapinet', type: 'USES', note: 'n' }],
      [
        RETRACT,
        {
          from: 'method:zebranet',
          to: 'method:okapinet',
          type: 'BUILDS_ON',
          paper: 'no-such-paper',
          note: 'n',
        },
      ],
      [RETRACT, { from: 'nonsense', to: 'method:okapinet', type: 'BUILDS_ON', note: 'n' }],
      [MERGE, { from: 'method:zebranet', into: 'method:zebranet', note: 'n' }],
      [MERGE, { from: 'method:zebranet', into: 'task:okapirecognition', note: 'n' }],
      [MERGE, { from: 'method:nope-nope', into: 'method:zebranet', note: 'n' }],
    ];
    // Entries naming the ids these cases use (not the whole log: another test file curates the shared
    // test graph in parallel - the explorer test loads the sample's curated lineage).
    const ids = [
      ...new Set(
        cases.flatMap(([, variables]) =>
          Object.values(variables).filter((v): v is string => typeof v === 'string' && /^[a-z]+:\S/.test(v)),
        ),
      ),
    ];
    const entriesOfCases = async () => (await Promise.all(ids.map(auditCount))).reduce((a, b) => a + b, 0);
    const entries = await entriesOfCases();
    expect(ids).toContain('method:zebranet');
    for (const [query, variables] of cases) {
      const answer = await curate(query, variables);
      expect([JSON.stringify(variables), code(answer)]).toEqual([
        JSON.stringify(variables),
        'BAD_USER_INPUT',
      ]);
    }
    expect(await entriesOfCases()).toBe(entries);
    expect(await parentsOf('method:zebranet')).toEqual(['method:okapinet']);
  });
});

describe('curation: merge', () => {
  it('leaves the old state when a step inside the merge transaction fails', async () => {
    const failing = new CurationService(executor, {
      afterStep: (_op, step) => {
        if (step === 'deleteMerged') throw new Error('injected failure between the steps of a merge');
      },
    });
    await expect(
      failing.mergeEntities(
        { actor: 'test' },
        { from: 'method:zebranetv1', into: 'method:zebranet', note: 'n' },
      ),
    ).rejects.toHaveProperty('cause.message', 'injected failure between the steps of a merge');
    expect((await executor.read(NODE_EXISTS, { id: 'method:zebranetv1' }))[0].count).toBe(1);
    expect(await parentsOf('method:quagganet')).toEqual(['method:zebranetv1']);
    const survivor = await ok(`{ method(id: "method:zebranet") { aliases children { totalCount } } }`);
    expect(survivor.method.aliases).not.toContain('ZebraNet-v1');
    expect(survivor.method.children.totalCount).toBe(0);
  });

  it('merges: the old id and names redirect to the survivor, relationships move, re-ingest links to the survivor', async () => {
    const merged = await curate(MERGE, {
      from: 'method:zebranetv1',
      into: 'method:zebranet',
      note: 'ZebraNet-v1 is ZebraNet',
    });
    expect(merged.errors).toBeUndefined();
    expect((merged.data as Json).mergeEntities.id).toBe('method:zebranet');
    expect((merged.data as Json).mergeEntities.aliases).toContain('ZebraNet-v1');
    const lookups = await ok(`{
      byId: method(id: "method:zebranetv1") { id }
      byName: method(name: "zebranet v1") { id }
      node: node(id: "method:zebranetv1") { id }
    }`);
    expect(lookups).toEqual({
      byId: { id: 'method:zebranet' },
      byName: { id: 'method:zebranet' },
      node: { id: 'method:zebranet' },
    });
    expect(await parentsOf('method:quagganet')).toEqual(['method:zebranet']);
    expect((await executor.read(NODE_EXISTS, { id: 'method:zebranetv1' }))[0].count).toBe(0);
    // idempotent: merging again changes nothing and records nothing
    const entries = await auditCount('method:zebranet');
    const again = await curate(MERGE, { from: 'method:zebranetv1', into: 'method:zebranet', note: 'again' });
    expect((again.data as Json).mergeEntities.id).toBe('method:zebranet');
    expect(await auditCount('method:zebranet')).toBe(entries);
    // re-extraction of the paper naming the old entity
    expect((await reingest.ingestRecords([PAPERS[1]]))[0].status).toBe('ingested');
    expect((await executor.read(NODE_EXISTS, { id: 'method:zebranetv1' }))[0].count).toBe(0);
    expect(await parentsOf('method:quagganet')).toEqual(['method:zebranet']);
    expect((await executor.read(BOOKKEEPING_LINKS, {}))[0].count).toBe(0);
  });
});

describe('curation: audit log', () => {
  it('lists entries newest first with Relay paging, naming the key by fingerprint, with the before-state', async () => {
    const all = (await ok(AUDIT, { target: 'method:zebranet', first: 100 })).auditLog;
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    const ats = all.edges.map((e: { node: { at: string } }) => e.node.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const newest = all.edges[0].node;
    expect(newest.action).toBe('mergeEntities');
    expect(newest.targets).toEqual(['method:zebranetv1', 'method:zebranet']);
    expect(newest.note).toBe('ZebraNet-v1 is ZebraNet');
    expect(JSON.parse(newest.before).from.name).toBe('ZebraNet-v1');
    for (const e of all.edges) {
      expect(e.node.actor).toBe(keyFingerprint(CURATOR_KEY));
      expect(JSON.stringify(e.node)).not.toContain(CURATOR_KEY);
    }
    const page1 = (await ok(AUDIT, { target: 'method:zebranet', first: 1 })).auditLog;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(AUDIT, { target: 'method:zebranet', first: 1, after: page1.pageInfo.endCursor }))
      .auditLog;
    expect(page2.edges[0].node.id).toBe(all.edges[1].node.id);
    expect(code(await gql(AUDIT, { first: 1000 }))).toBe('BAD_USER_INPUT');
  });
});

describe('papergraph curate', () => {
  it('applies JSON lines, rejects bad lines with file, line and reason, and is idempotent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-curate-'));
    const file = path.join(dir, 'ops.jsonl');
    const rejects = path.join(dir, 'rejects.jsonl');
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ op: 'addAlias', id: 'method:quagganet', alias: 'Quagga Network', note: 'batch' }),
        '{not json',
        JSON.stringify({ op: 'renameEverything', id: 'method:quagganet' }),
        JSON.stringify({
          op: 'assertLineage',
          child: 'method:quagganet',
          parent: 'method:okapinet',
          relation: 'extends',
          note: 'batch lineage',
        }),
        JSON.stringify({
          op: 'assertLineage',
          child: 'method:quagganet',
          parent: 'method:missing-here',
          relation: 'extends',
          note: 'n',
        }),
        '',
      ].join('\n'),
    );
    const saved = process.env.NEO4J_URI;
    process.env.NEO4J_URI = executor.uri;
    try {
      const first = await runCurate(file, { rejects, progress: false, actor: 'test-batch' });
      expect(first).toEqual({ applied: 2, unchanged: 0, rejected: 3 });
      const lines = fs
        .readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l: { file: string; line: number }) => [l.file, l.line])).toEqual([
        [file, 2],
        [file, 3],
        [file, 5],
      ]);
      expect(lines[2].reason).toMatch(/method:missing-here/);
      const second = await runCurate(file, { rejects, progress: false, actor: 'test-batch' });
      expect(second).toEqual({ applied: 0, unchanged: 2, rejected: 3 });
    } finally {
      if (saved === undefined) delete process.env.NEO4J_URI;
      else process.env.NEO4J_URI = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await parentsOf('method:quagganet')).toEqual(['method:okapinet', 'method:zebranet']);
    const entry = (await ok(AUDIT, { target: 'method:quagganet', first: 1 })).auditLog.edges[0].node;
    expect([entry.action, entry.actor]).toEqual(['assertLineage', 'test-batch']);
  });
});
