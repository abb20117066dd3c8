// Export and import on a real Neo4j of the test's own (the round trip wipes the whole graph): a
// graph built by ingest (trending-page text and the Papers with Code fixtures) and corrected by every
// curation operation is dumped canonically - every domain and curation node with labels, properties
// and property types, every relationship with its properties - then exported, wiped, imported and
// dumped again: the dumps are equal. Also through gzip, and with malformed lines, which are reported
// with line number and reason while the good lines land.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../src/cli/commands/export.command';
import { runImport } from '../../src/cli/commands/import.command';
import { CurationService } from '../../src/curation/curation.service';
import type { Executor } from '../../src/db/executor';
import { readGraphVersion } from '../../src/db/graph-version';
import { migrate } from '../../src/db/migrations';
import { IngestService } from '../../src/ingest/ingest.service';
import { canonical } from '../support/canonical';
import { pointCliAt } from '../support/cli-env';
import { startOwnServer, type OwnServer } from '../support/neo4j';
import {
  COUNT_LABEL,
  DUMP_NODES,
  DUMP_RELS,
  FIRST_LINEAGE,
  METHODS_BY_DEGREE,
  SET_TYPED,
  WIPE_ALL,
} from './export-test.queries';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const PWC = path.join(ROOT, 'test/fixtures/pwc');
const INPUTS = [
  path.join(ROOT, 'data/sample/trending-sample.txt'),
  path.join(ROOT, 'test/fixtures/ingest/good.jsonl'),
  path.join(PWC, 'papers-with-abstracts.json'),
  path.join(PWC, 'links-between-papers-and-code.json.gz'),
  path.join(PWC, 'methods.json'),
  path.join(PWC, 'datasets.json'),
];

let server: OwnServer;
let executor: Executor;
let dir: string;
let original: string[];
let restoreUri: (() => void) | undefined;

/** The graph as sorted lines: nodes (labels, properties, types), then relationships. */
async function dump(): Promise<string[]> {
  const nodes = (await executor.read(DUMP_NODES)).map(
    (n) =>
      `(${canonical([...(n.labels as string[])].sort())} ${canonical(n.props)} ${canonical([...(n.types as string[])].sort())})`,
  );
  const rels = (await executor.read(DUMP_RELS)).map(
    (r) =>
      `(${canonical(r.aLabels)} ${String(r.from)})-[${String(r.type)} ${canonical(r.props)} ${canonical([...(r.types as string[])].sort())}]->(${canonical(r.bLabels)} ${String(r.to)})`,
  );
  return [...nodes.sort(), '--', ...rels.sort()];
}

async function wipe(): Promise<void> {
  await executor.write(WIPE_ALL);
  expect(await dump()).toEqual(['--']);
}

async function count(label: string): Promise<number> {
  return Number((await executor.read(COUNT_LABEL, { label }))[0].n);
}

function readExport(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-export-'));
  server = await startOwnServer('neo4j-export-test');
  executor = server.executor;
  restoreUri = pointCliAt(server.uri);
  await migrate(executor);
  const ingest = new IngestService(executor, { threads: 0 });
  try {
    const summary = await ingest.ingestFiles(INPUTS);
    expect(summary.papers).toBeGreaterThan(30);
  } finally {
    await ingest.close();
  }

  // every curation operation, on entities the ingest made
  const curation = new CurationService(executor);
  const curator = { actor: 'sha256:exporttest000001' };
  const methods = await executor.read(METHODS_BY_DEGREE);
  expect(methods.length).toBeGreaterThan(10);
  const [survivor, merged, aliased] = methods.map((m) => String(m.id));
  expect(
    (await curation.mergeEntities(curator, { from: merged, into: survivor, note: 'one method' })).changed,
  ).toBe(true);
  expect(
    (await curation.addAlias(curator, { id: aliased, alias: 'Export Round Trip Net', note: 'known as' }))
      .changed,
  ).toBe(true);
  let removed = false;
  for (const m of methods.slice(3)) {
    const alias = (m.aliases as string[])[0];
    if (!alias) continue;
    try {
      removed = (await curation.removeAlias(curator, { id: String(m.id), alias, note: 'not this one' }))
        .changed;
    } catch {
      continue; // the alias normalizes to the name: not removable
    }
    if (removed) break;
  }
  expect(removed).toBe(true);
  const [lineage] = await executor.read(FIRST_LINEAGE);
  const retracted = await curation.retractRelationship(curator, {
    from: String(lineage.from),
    to: String(lineage.to),
    type: 'BUILDS_ON',
    note: 'not stated',
  });
  expect(retracted.retracted).toBeGreaterThan(0);
  const [child, parent] = methods.slice(-2).map((m) => String(m.id));
  const asserted = await curation.assertLineage(curator, {
    child,
    parent,
    relation: 'extends',
    note: 'stated in the paper',
    evidenceUrl: 'https://example.org/paper#sec3',
  });
  expect(asserted.changed).toBe(true);
  await executor.write(SET_TYPED);

  for (const label of ['__AuditEntry', '__Redirect', '__Retraction', '__RemovedAlias'])
    expect(await count(label)).toBeGreaterThan(0);
  original = await dump();
});

afterAll(async () => {
  restoreUri?.();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('papergraph export -> wipe -> import', () => {
  it('rebuilds the same nodes, relationships, properties and curation state', async () => {
    const file = path.join(dir, 'graph.jsonl');
    const exported = await runExport(file, { progress: false, pageSize: 7 });
    const records = readExport(file);
    expect(exported.records).toBe(records.length);

    const [header] = records;
    expect(header).toMatchObject({ kind: 'header', format: 'papergraph-export', version: 1 });
    const sources = header.sources as { source: string; licence: string; attribution: string }[];
    expect(sources.map((s) => s.source)).toEqual(expect.arrayContaining(['curated', 'extracted', 'pwc']));
    expect(sources.find((s) => s.source === 'pwc')?.licence).toBe('CC-BY-SA-4.0');
    expect(records[records.length - 1]).toEqual({ kind: 'end', records: records.length });

    // papers as input records: what `papergraph ingest` reads (json format)
    const papers = records.filter((r) => r.kind === 'paper');
    expect(papers.length).toBe(await count('Paper'));
    const withText = papers.find((p) => typeof (p.input as { abstract?: string }).abstract === 'string');
    expect(withText?.input).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(String) }),
    );
    expect(records.filter((r) => r.kind === 'curation').length).toBeGreaterThanOrEqual(4);
    expect(records.some((r) => r.kind === 'rel' && (r.props as { source?: string }).source === 'pwc')).toBe(
      true,
    );
    const typed = records.find(
      (r) => r.kind === 'node' && (r.props as Record<string, unknown>).exportTestCount,
    );
    expect(typed?.types).toEqual({ exportTestCount: 'INTEGER', exportTestInts: 'LIST<INTEGER>' });

    await wipe();
    const imported = await runImport(file, { progress: false, batchSize: 50 });
    expect(imported.rejected).toBe(0);
    expect(await dump()).toEqual(original);
  });

  it('round-trips through gzip (chosen by the file name)', async () => {
    const file = path.join(dir, 'graph.jsonl.gz');
    await runExport(file, { progress: false });
    const bytes = fs.readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const imported = await runImport(file, { progress: false, wipe: true });
    expect(imported.rejected).toBe(0);
    expect(imported.wiped).toBeGreaterThan(0);
    expect(await dump()).toEqual(original);
  });

  it('refuses to import into a graph that is not empty, changing nothing', async () => {
    const file = path.join(dir, 'graph.jsonl');
    await expect(runImport(file, { progress: false })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await dump()).toEqual(original);
  });

  it('reports malformed lines with line number and reason, and lands the good ones', async () => {
    const lines = fs.readFileSync(path.join(dir, 'graph.jsonl'), 'utf8').split('\n').filter(Boolean);
    const end = lines.pop() as string;
    const bad = [
      '{"kind": "node", "label": "Method", "props": {"id": "method:half',
      JSON.stringify({ kind: 'node', label: 'Person', props: { id: 'person:x' } }),
      JSON.stringify({
        kind: 'rel',
        type: 'USES',
        from: 'no-such-paper',
        fromLabel: 'Paper',
        to: 'method:nothing',
        toLabel: 'Method',
        props: {},
      }),
      JSON.stringify({
        kind: 'rel',
        type: 'DELETE_ALL',
        from: 'a',
        fromLabel: 'Paper',
        to: 'b',
        toLabel: 'Method',
        props: {},
      }),
      JSON.stringify({ kind: 'node', label: 'Method', props: { id: 'method:nested', meta: { a: 1 } } }),
    ];
    // after the header and the first record, and among the relationships
    const relAt = lines.findIndex((l) => l.startsWith('{"kind":"rel"'));
    const edited = [
      lines[0],
      lines[1],
      bad[0],
      bad[1],
      ...lines.slice(2, relAt),
      bad[2],
      bad[3],
      bad[4],
      ...lines.slice(relAt),
    ];
    const file = path.join(dir, 'malformed.jsonl');
    fs.writeFileSync(
      file,
      [...edited, JSON.stringify({ kind: 'end', records: edited.length + 1 })].join('\n') + '\n',
    );
    expect(JSON.parse(end)).toEqual({ kind: 'end', records: lines.length + 1 });

    const rejects = path.join(dir, 'malformed.rejects.jsonl');
    await wipe();
    const summary = await runImport(file, { progress: false, rejects });
    expect(summary.rejected).toBe(5);
    const reported = fs
      .readFileSync(rejects, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { file: string; line: number; reason: string })
      .sort((a, b) => a.line - b.line); // a missing end is found when its batch is written
    expect(reported.map((r) => r.line)).toEqual([3, 4, relAt + 3, relAt + 4, relAt + 5]);
    expect(reported.every((r) => r.file === file)).toBe(true);
    expect(reported[0].reason).toMatch(/not valid JSON/);
    expect(reported[1].reason).toMatch(/"label" must be one of/);
    expect(reported[2].reason).toMatch(/USES: no Paper "no-such-paper"/);
    expect(reported[3].reason).toMatch(/"type" must be one of/);
    expect(reported[4].reason).toMatch(/a map is not a property value/);
    expect(await dump()).toEqual(original);
  });

  it('reports a truncated file (no end record) and keeps what it read', async () => {
    const lines = fs.readFileSync(path.join(dir, 'graph.jsonl'), 'utf8').split('\n').filter(Boolean);
    const file = path.join(dir, 'truncated.jsonl');
    fs.writeFileSync(file, lines.slice(0, 20).join('\n') + '\n');
    await wipe();
    const rejects = path.join(dir, 'truncated.rejects.jsonl');
    const summary = await runImport(file, { progress: false, rejects });
    expect(summary.rejected).toBe(1);
    expect(fs.readFileSync(rejects, 'utf8')).toMatch(
      /"line":21,"reason":"the file ends without its end record/,
    );
    expect(summary.nodes).toBe(19);
  });

  it('refuses a file that is not an export before writing anything', async () => {
    const file = path.join(dir, 'papers.jsonl');
    fs.writeFileSync(file, '{"title": "A paper", "abstract": "Not an export."}\n');
    await wipe();
    await expect(runImport(file, { progress: false })).rejects.toThrow(
      /papers\.jsonl:1: not a Papergraph export/,
    );
    expect(await dump()).toEqual(['--']);
  });
});

describe('papergraph export is one snapshot', () => {
  const curator = { actor: 'sha256:exporttest000002' };
  let target: string;

  beforeAll(async () => {
    // the round trips above end on an emptied graph: the original again (when they ran)
    if ((await dump()).length === 1)
      expect((await runImport(path.join(dir, 'graph.jsonl'), { progress: false })).rejected).toBe(0);
    expect(await dump()).toEqual(original);
    target = String((await executor.read(METHODS_BY_DEGREE))[0].id);
  });

  it('reads again when a write committed while it read (the first read mixed two states): the file is the graph after the write', async () => {
    const file = path.join(dir, 'snapshot.jsonl');
    const curation = new CurationService(executor);
    let writes = 0;
    // once the methods are read, a curator adds an alias: the alias is not in the methods read, its
    // audit entry would be in the curation records read later
    const summary = await runExport(file, {
      progress: false,
      pageSize: 7,
      afterSection: async (section) => {
        if (section !== 'Method' || writes > 0) return;
        writes += 1;
        const out = await curation.addAlias(curator, {
          id: target,
          alias: 'Snapshot Test Net',
          note: 'mid-export',
        });
        expect(out.changed).toBe(true);
      },
    });
    expect(writes).toBe(1);
    const records = readExport(file);
    const version = await readGraphVersion(executor, 120_000);
    expect(records[0].graphVersion).toBe(version);
    expect(summary.graphVersion).toBe(version);
    const method = records.find((r) => r.kind === 'node' && (r.props as { id?: string }).id === target);
    expect((method?.props as { aliases: string[] }).aliases).toContain('Snapshot Test Net');
    const audit = records.filter(
      (r) =>
        r.kind === 'curation' &&
        r.label === '__AuditEntry' &&
        (r.props as { note?: string }).note === 'mid-export',
    );
    expect(audit).toHaveLength(1);
    expect(summary.attempts).toBe(2);
    expect(records[records.length - 1]).toEqual({ kind: 'end', records: records.length });
    // and it is the graph as it is now
    await wipe();
    expect((await runImport(file, { progress: false })).rejected).toBe(0);
    const now = await dump();
    expect(now).not.toEqual(original);
    expect(now.filter((l) => !original.includes(l)).join('\n')).toContain('Snapshot Test Net');
  });

  it('gives up with GRAPH_CHANGED when every attempt sees a write, leaving no file and no temporary file', async () => {
    const file = path.join(dir, 'changing.jsonl');
    const curation = new CurationService(executor);
    let writes = 0;
    await expect(
      runExport(file, {
        progress: false,
        attempts: 2,
        afterSection: async (section) => {
          if (section !== 'Paper') return;
          writes += 1;
          await curation.addAlias(curator, {
            id: target,
            alias: `Changing Net ${writes}`,
            note: 'busy writer',
          });
        },
      }),
    ).rejects.toMatchObject({ code: 'GRAPH_CHANGED' });
    expect(writes).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.includes('changing'))).toEqual([]);
  });
});
