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
  AUDIT_NOTES,
  CURATION_BASELINE,
  DELETE_NEW_CURATION,
  DELETE_NEW_ORPHANS,
  DELETE_PROBE_PAPERS,
  METHOD_PROPS,
  PAPER_BY_ID,
  RESTORE_METHOD,
  SAMPLE_ENTITIES,
} from './support/reliability.queries';
import { fetchSchema, stringTargets, type StringTarget } from './support/schema-walk';

const KEY = 'injection-test-key-7f3a9c1e5b';
const CURATOR_KEY = 'injection-curator-key-4d2b8e6a1c';

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
    api = await startApi({ PAPERGRAPH_API_KEYS: KEY, PAPERGRAPH_CURATOR_KEYS: CURATOR_KEY });
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

  it('curation mutations with a curator key: hostile strings in every argument change only what the operation names', async () => {
    const [a, b] = (await executor.read(SAMPLE_ENTITIES, { n: 2 })).map((r) => String(r.id));
    expect(a && b).toBeTruthy();
    const [baseline] = await executor.read(CURATION_BASELINE);
    const aProps = (await executor.read(METHOD_PROPS, { id: a }))[0].props as Record<string, unknown>;
    const before = await dumpGraph(executor);
    const withoutVersion = (lines: string[]) => lines.filter((l) => !l.startsWith('(__GraphVersion '));
    const curate = (query: string, variables: Record<string, unknown>) =>
      gql(api.url, query, variables, { authorization: `Bearer ${CURATOR_KEY}` }, 120_000);
    const ADD = `mutation($id: ID!, $alias: String!, $note: String) { addAlias(id: $id, alias: $alias, note: $note) { id aliases } }`;
    const REMOVE = `mutation($id: ID!, $alias: String!, $note: String) { removeAlias(id: $id, alias: $alias, note: $note) { id aliases } }`;
    const MERGE = `mutation($from: ID!, $into: ID!, $note: String!) { mergeEntities(from: $from, into: $into, note: $note) { id } }`;
    const RETRACT = `mutation($from: ID!, $to: ID!, $type: String!, $paper: ID, $note: String!) { retractRelationship(from: $from, to: $to, type: $type, paper: $paper, note: $note) }`;
    const ASSERT = `mutation($child: ID!, $parent: ID!, $relation: String!, $note: String!, $url: String) { assertLineage(child: $child, parent: $parent, relation: $relation, note: $note, evidenceUrl: $url) { relation evidence { sentence url } } }`;
    const failures: string[] = [];
    const accepted: { name: string; what: string; value: string }[] = [];
    try {
      for (const [name, h] of HOSTILE) {
        // arguments that name something: never found, so refused with BAD_USER_INPUT and nothing written
        const refused: [string, string, Record<string, unknown>][] = [
          ['addAlias(id)', ADD, { id: h, alias: 'Injection Alias', note: 'n' }],
          ['addAlias(id method:)', ADD, { id: `method:${h}`, alias: 'Injection Alias' }],
          ['removeAlias(id)', REMOVE, { id: h, alias: 'x1' }],
          ['mergeEntities(from)', MERGE, { from: h, into: a, note: 'n' }],
          ['mergeEntities(into)', MERGE, { from: a, into: `method:${h}`, note: 'n' }],
          [
            'retractRelationship(from)',
            RETRACT,
            { from: `method:${h}`, to: b, type: 'BUILDS_ON', note: 'n' },
          ],
          ['retractRelationship(to)', RETRACT, { from: a, to: h, type: 'BUILDS_ON', note: 'n' }],
          ['retractRelationship(type)', RETRACT, { from: a, to: b, type: h, note: 'n' }],
          ['retractRelationship(paper)', RETRACT, { from: a, to: b, type: 'BUILDS_ON', paper: h, note: h }],
          ['assertLineage(child)', ASSERT, { child: h, parent: b, relation: 'extends', note: 'n' }],
          [
            'assertLineage(parent)',
            ASSERT,
            { child: a, parent: `method:${h}`, relation: 'extends', note: 'n' },
          ],
          ['assertLineage(relation)', ASSERT, { child: a, parent: b, relation: h, note: 'n' }],
          [
            'assertLineage(evidenceUrl)',
            ASSERT,
            { child: a, parent: b, relation: 'extends', note: 'n', url: h },
          ],
        ];
        for (const [what, query, variables] of refused) {
          const res = await curate(query, variables);
          const code = res.body.errors?.[0]?.extensions?.code;
          if (code !== 'BAD_USER_INPUT') failures.push(`${what} <- ${name}: ${code ?? 'accepted'}`);
        }
        // free text: stored as plain data (or refused with BAD_USER_INPUT: too long, no letter)
        const free: [string, string, Record<string, unknown>, string][] = [
          ['addAlias(alias, note)', ADD, { id: a, alias: h, note: h }, 'alias'],
          ['removeAlias(alias, note)', REMOVE, { id: a, alias: h, note: h }, 'alias'],
          [
            'assertLineage(note, evidenceUrl)',
            ASSERT,
            { child: a, parent: b, relation: 'extends', note: h, url: `https://example.org/q?x=${h}` },
            'note',
          ],
        ];
        for (const [what, query, variables] of free) {
          const res = await curate(query, variables);
          const codes = expectCoded(res);
          if (codes.length > 0 && codes.some((c) => c !== 'BAD_USER_INPUT'))
            failures.push(
              `${what} <- ${name}: ${codes.join(',')} ${res.body.errors?.[0]?.message.slice(0, 120)}`,
            );
          if (codes.length === 0) accepted.push({ name, what, value: h });
          if (what.startsWith('addAlias') && codes.length === 0) {
            const aliases = (res.body.data as { addAlias: { aliases: string[] } }).addAlias.aliases;
            if (!aliases.includes(wellFormed(h).trim()) && !aliases.includes(wellFormed(h.trim())))
              failures.push(
                `${what} <- ${name}: alias not stored as given (${JSON.stringify(aliases).slice(0, 160)})`,
              );
          }
          // (the evidence is JSON text, whose escapes keep even a lone surrogate as given)
          if (what.startsWith('assertLineage') && codes.length === 0) {
            const evidence = (res.body.data as { assertLineage: { evidence: { sentence: string }[] } })
              .assertLineage.evidence;
            if (
              !evidence.some(
                (e) =>
                  e.sentence === wellFormed(h).trim() ||
                  e.sentence === wellFormed(h.trim()) ||
                  e.sentence === h.trim(),
              )
            )
              failures.push(`${what} <- ${name}: note not stored as given`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(accepted.length).toBeGreaterThan(HOSTILE.length);
      // audit entries: the notes as given, the actor a fingerprint, never the key
      const notes = await executor.read(AUDIT_NOTES, { bookkeeping: baseline.bookkeeping });
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.every((n) => /^sha256:[0-9a-f]{16}$/.test(String(n.actor)))).toBe(true);
      expect(JSON.stringify(notes)).not.toContain(CURATOR_KEY);
      // nothing else changed: every node but the aliased method, and every relationship but the asserted one
      const after = await dumpGraph(executor);
      const aLine = (l: string) => l.includes(`"id":${JSON.stringify(a)}`) && l.startsWith('(Method ');
      const gone = withoutVersion(before.nodes).filter((l) => !aLine(l) && !after.nodes.includes(l));
      expect(gone).toEqual([]);
      const afterRels = new Set(after.relationships);
      expect(before.relationships.filter((l) => !afterRels.has(l))).toEqual([]);
      const added = after.relationships.filter((l) => !before.relationships.includes(l));
      expect(added.every((l) => l.includes(':BUILDS_ON') && l.includes('"source":"curated"'))).toBe(true);
      const newDomain = withoutVersion(after.nodes).filter(
        (l) =>
          !aLine(l) &&
          !before.nodes.includes(l) &&
          !/^\(__(AuditEntry|RemovedAlias|Retraction|Redirect) /.test(l),
      );
      expect(newDomain).toEqual([]);
    } finally {
      await executor.write(DELETE_NEW_CURATION, baseline);
      await executor.write(RESTORE_METHOD, { id: a, props: aProps });
    }
    expect(withoutVersion((await dumpGraph(executor)).nodes)).toEqual(withoutVersion(before.nodes));
    expect((await dumpGraph(executor)).relationships).toEqual(before.relationships);
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
