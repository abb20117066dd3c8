// Injection: hostile strings through every string argument and input field of the served schema
// (found by introspection, so new fields are covered automatically). Each response must be data or
// a coded error that came from a resolver - never a validation/coercion failure that kept the string
// out - and the graph must stay byte-for-byte the same (sha256 of a canonical dump of every node
// and relationship). The authorized mutation legitimately writes: its papers must hold the hostile
// strings as plain data and nothing that existed before may change.
import type { Executor } from '../../src/db/executor';
import { startApi, type Api } from './support/api-server';
import { dumpGraph } from './support/graph-dump';
import { expectCoded, gql, type GqlResponse } from './support/http-client';
import { testExecutor } from './support/neo4j-instance';
import {
  ALL_NODE_IDS,
  DELETE_NEW_ORPHANS,
  DELETE_PROBE_PAPERS,
  PAPER_BY_ID,
} from './support/reliability.queries';
import { fetchSchema, stringTargets, type StringTarget } from './support/schema-walk';

const KEY = 'injection-test-key-7f3a9c1e5b';

export const HOSTILE: [string, string][] = [
  ['single quote', "O'Reilly' OR '1'='1"],
  ['double quote', 'say "hi" \\" \\\\'],
  ['backticks', '`Paper` `} RETURN 1 //'],
  ['cypher break-out', '}) DETACH DELETE n //'],
  ['cypher break-out 2', "x' }) MATCH (n) DETACH DELETE n WITH 1 AS x MATCH (m {id: '"],
  ['parameter lookalike', '$id $query {{ids}} ${process.env}'],
  ['NUL', 'a\u0000b\u0000'],
  ['RTL override', 'paper\u202Egnp.exe\u202C'],
  ['zero-width', 'Tr\u200Bans\u200Dformer\uFEFF'],
  ['homoglyphs', 'Тrаnsfоrmеr'], // Cyrillic Т, а, о, е
  ['lucene syntax', 'title:(a OR b)~2 AND *:* ^10 [a TO z] /re.*gex/ \\'],
  ['regex bomb', '(a+)+$' + 'a'.repeat(64) + '!'],
  ['newlines and tabs', 'line1\nline2\r\n\tTab // comment /* c */'],
  ['emoji and astral', '🧪𝕋𝕣𝕒𝕟𝕤 \u{10FFFF}'],
  ['lone surrogate', 'a\uD800b'],
  ['100 KB', 'A'.repeat(50 * 1024) + '"}) DETACH DELETE n //' + 'Б'.repeat(25 * 1024)],
];

/** What a string becomes once UTF-8 encoded (lone surrogates -> U+FFFD), as Neo4j stores it. */
function wellFormed(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Codes a resolver (or an argument check inside it) may answer with. */
const RESOLVER_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'QUERY_TOO_COMPLEX']);

function checkReachedResolver(target: StringTarget, name: string, res: GqlResponse): void {
  const where = `${target.label} <- ${name}`;
  if (res.status !== 200 && res.status !== 400)
    throw new Error(`${where}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  const codes = expectCoded(res);
  if (res.body.data === undefined && codes.length === 0) throw new Error(`${where}: neither data nor errors`);
  for (const [i, code] of codes.entries()) {
    const message = res.body.errors![i].message;
    if (!RESOLVER_CODES.has(code) || /^Variable "\$/.test(message)) {
      throw new Error(
        `${where}: ${code} "${message.slice(0, 200)}" - the string did not reach a resolver (or crashed it)`,
      );
    }
  }
}

describe('Injection: hostile strings through every string input', () => {
  let api: Api;
  let executor: Executor;
  let targets: StringTarget[];

  beforeAll(async () => {
    api = await startApi({ PAPERGRAPH_API_KEYS: KEY });
    executor = testExecutor();
    targets = stringTargets(await fetchSchema(api.url));
  });
  afterAll(async () => {
    await api.stop();
    await executor.close();
  });

  it('finds the string inputs of the schema by introspection', () => {
    const labels = targets.map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Query.search(query)',
        'Query.method(name)',
        'Mutation.ingestPapers(papers[0].title)',
        'Mutation.ingestPapers(papers[0].abstract)',
      ]),
    );
    expect(labels.some((l) => l.includes(' > '))).toBe(true); // nested arguments too
  });

  it('leaves the graph byte-for-byte unchanged after every read and unauthenticated mutation', async () => {
    const before = await dumpGraph(executor);
    expect(before.nodes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let sent = 0;
    const probes = targets.flatMap((target) => HOSTILE.map(([name, value]) => ({ target, name, value })));
    // A few at once (reads and refused mutations only, so order does not matter): the suite spends
    // most of this test waiting on round trips. The client timeout is wide for a loaded machine.
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < probes.length; i = next++) {
        const { target, name, value } = probes[i];
        const { query, variables } = target.build(value);
        const headers: Record<string, string> =
          target.operation === 'mutation'
            ? { authorization: `Bearer ${value.slice(0, 200).replace(/[^\x21-\x7e]/g, 'x')}` }
            : {};
        try {
          const res = await gql(api.url, query, variables, headers, 120_000);
          sent += 1;
          checkReachedResolver(target, name, res);
          if (target.operation === 'mutation')
            expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        } catch (error) {
          failures.push(`${target.label} / ${name}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(sent).toBe(targets.length * HOSTILE.length);
    const after = await dumpGraph(executor);
    expect(after.sha256).toBe(before.sha256);
    expect(failures).toEqual([]);
  });

  it('stores hostile strings from the authorized mutation as plain data and changes nothing else', async () => {
    // ingestPapers' input fields; the curation mutations (curator keys) are probed unauthenticated above
    const mutationTargets = targets.filter(
      (t) => t.operation === 'mutation' && /papers\[0\]\./.test(t.label),
    );
    expect(mutationTargets.length).toBeGreaterThan(0);
    const probeIds = [
      ...HOSTILE.flatMap(([, value]) => [wellFormed(value), wellFormed(value).trim()]),
      ...Array.from(
        { length: mutationTargets.length * HOSTILE.length },
        (_, i) => `injection-probe-${i + 1}`,
      ),
    ];
    const cleanUp = async (keep: unknown) => {
      await executor.write(DELETE_PROBE_PAPERS, { ids: probeIds });
      await executor.write(DELETE_NEW_ORPHANS, { keep });
    };
    await cleanUp([]); // leftovers of an interrupted earlier run
    const before = await dumpGraph(executor);
    const [{ ids: keep }] = await executor.read(ALL_NODE_IDS);
    try {
      await probeMutation(mutationTargets, before);
    } finally {
      // leave the sample graph as it was for later suites
      await cleanUp(keep);
    }
    expect((await dumpGraph(executor)).sha256).toBe(before.sha256);
  });

  async function probeMutation(
    mutationTargets: StringTarget[],
    before: Awaited<ReturnType<typeof dumpGraph>>,
  ): Promise<void> {
    const written: { id: string; field: string; value: string; name: string }[] = [];
    const failures: string[] = [];
    let n = 0;
    for (const target of mutationTargets) {
      for (const [name, value] of HOSTILE) {
        n += 1;
        const probeId = `injection-probe-${n}`;
        const built = target.build(value);
        const variables = built.variables;
        const query = built.query.replace(
          /\{ __typename \} \}$/,
          '{ ingested rejected results { status id reason } } }',
        );
        // give each probe its own id (unless the id itself is the hostile field) and a harmless text
        const paper = (variables.v0 as Record<string, unknown>[])[0];
        const field = target.label.match(/papers\[0\]\.(\w+)/)?.[1] ?? '?';
        if (field !== 'id') paper.id = probeId;
        if (field !== 'title') paper.title ??= 'Injection probe';
        const res = await gql(api.url, query, variables, { authorization: `Bearer ${KEY}` }, 120_000);
        try {
          checkReachedResolver(target, name, res);
        } catch (error) {
          failures.push((error as Error).message);
          continue;
        }
        const results = ((res.body.data as { ingestPapers?: { results?: { status?: string }[] } })
          ?.ingestPapers?.results ?? []) as Record<string, unknown>[];
        const accepted = results.length === 1 && results[0].status === 'ingested';
        if (accepted && (field === 'title' || field === 'abstract' || field === 'id')) {
          const storedId = String(results[0].id).replace(/^paper:/, '');
          if (field !== 'id') expect(storedId).toBe(probeId);
          written.push({ id: storedId, field, value, name });
        }
      }
    }
    expect(written.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const w of written) {
      const rows = await executor.read(PAPER_BY_ID, { id: w.id });
      const stored = rows.length === 1 ? (rows[0].props as Record<string, unknown>)[w.field] : undefined;
      // stored as the same characters (UTF-8 turns a lone surrogate into U+FFFD); ingest may trim and
      // collapse whitespace, nothing else
      const exact = wellFormed(w.value);
      if (stored !== exact && stored !== exact.trim() && stored !== exact.replace(/\s+/g, ' ').trim()) {
        mismatches.push(`${w.field} <- ${w.name}: stored ${JSON.stringify(String(stored)).slice(0, 120)}`);
      }
    }
    expect(mismatches).toEqual([]);
    const after = await dumpGraph(executor);
    const afterNodes = new Set(after.nodes);
    const afterRels = new Set(after.relationships);
    expect(before.nodes.filter((l) => !afterNodes.has(l))).toEqual([]);
    expect(before.relationships.filter((l) => !afterRels.has(l))).toEqual([]);

    expect(failures).toEqual([]);
  }
});
