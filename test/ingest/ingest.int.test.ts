// `papergraph ingest` and IngestService against the real Neo4j: mixed good/bad input (exit 2, every
// good record lands, every bad one is listed), same file twice = identical graph, incremental skip,
// the GraphQL mutation path (ingestRecords) and the Papers with Code dumps.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { Executor } from '../../src/db/executor';
import { IngestService } from '../../src/ingest/ingest.service';
import { titleHashId } from '../../src/readers/paper-input.mapper';
import type { IngestSummary } from '../../src/ingest/ingest.types';
import { applySchema, cleanup, scopedDump, testExecutor } from './ingest-test-db';
import { PWC_FIXTURE_FACTS } from './ingest-test.queries';

jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const GOOD_IDS = ['ingfx-001', 'ingfx-002', '2499.00003', 'ingfx-004'];
const SNORF_ID = titleHashId('Snorf: A Dataset of Snorfs');
const PWC_IDS = ['2498.00001', SNORF_ID];

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    process.exitCode = undefined;
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = undefined;
    out.mockRestore();
    err.mockRestore();
  }
}

function lastJson(stdout: string): IngestSummary {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as IngestSummary;
}

describe('Ingest: papergraph ingest and IngestService', () => {
  let executor: Executor;
  let tmp: string;
  const savedUri = process.env.NEO4J_URI;

  beforeAll(async () => {
    executor = testExecutor();
    await applySchema(executor);
    process.env.NEO4J_URI = executor.uri;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-ingest-'));
    await cleanup(executor, [...GOOD_IDS, ...PWC_IDS]);
  });
  afterAll(async () => {
    await cleanup(executor, [...GOOD_IDS, ...PWC_IDS]);
    await executor.write(PWC_FIXTURE_FACTS.cleanupOrphans);
    await executor.close();
    if (savedUri === undefined) delete process.env.NEO4J_URI;
    else process.env.NEO4J_URI = savedUri;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lands every good record, lists every bad one in the rejects file and exits 2 on mixed input', async () => {
    const input = path.join(tmp, 'mixed.jsonl');
    // The committed fixture plus a record whose abstract is 10 MB (generated, not committed).
    const huge = JSON.stringify({ id: 'ingfx-bad-huge', title: 'Huge', abstract: 'word '.repeat(2_000_000) });
    fs.writeFileSync(
      input,
      fs.readFileSync(path.join(FIXTURES, 'ingest', 'mixed.jsonl'), 'utf8') + huge + '\n',
    );
    const { code, stdout } = await runCli(['ingest', '--no-progress', '--threads', '0', input]);
    expect(code).toBe(2);
    const summary = lastJson(stdout);
    expect(summary).toMatchObject({ papers: 4, rejected: 5, skipped: 0 });
    const rejects = fs
      .readFileSync(`${input}.rejects.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; line: number; reason: string });
    expect(rejects.map((r) => [r.file, r.line])).toEqual([
      [input, 2],
      [input, 4],
      [input, 5],
      [input, 7],
      [input, 9],
    ]);
    for (const r of rejects) expect(r.reason.length).toBeGreaterThan(5);
    expect(rejects[4].reason).toMatch(/too (large|long)/);
    const papers = (await scopedDump(executor, GOOD_IDS)).filter((l) => l.startsWith('(["Paper"]'));
    expect(papers).toHaveLength(4);
  });

  it('gives an identical graph when the same file is ingested twice, and skips unchanged papers', async () => {
    const input = path.join(tmp, 'good.jsonl');
    fs.copyFileSync(path.join(FIXTURES, 'ingest', 'good.jsonl'), input);
    const first = await runCli(['ingest', '--no-progress', '--threads', '0', input]);
    expect(first.code).toBe(0);
    const before = await scopedDump(executor, GOOD_IDS);
    expect(before.some((l) => l.includes('-[INTRODUCES'))).toBe(true);
    const second = await runCli(['ingest', '--no-progress', '--threads', '0', input]);
    expect(second.code).toBe(0);
    expect(lastJson(second.stdout)).toMatchObject({ papers: 0, skipped: 4, rejected: 0 });
    expect(await scopedDump(executor, GOOD_IDS)).toEqual(before);
    // Forced re-extraction rewrites every paper and still yields the same graph.
    const forced = await runCli(['ingest', '--no-progress', '--threads', '0', '--force', input]);
    expect(lastJson(forced.stdout)).toMatchObject({ papers: 4, skipped: 0 });
    expect(await scopedDump(executor, GOOD_IDS)).toEqual(before);
    expect(fs.existsSync(`${input}.rejects.jsonl`)).toBe(false);
  });

  it('re-ingests only the changed paper and drops its stale extracted edges', async () => {
    const input = path.join(tmp, 'good.jsonl');
    const lines = fs.readFileSync(input, 'utf8').trim().split('\n');
    const changed = JSON.parse(lines[1]) as { abstract: string };
    changed.abstract = 'We introduce Quibble, a variant of the Transformer. Quibble is evaluated on COCO.';
    lines[1] = JSON.stringify(changed);
    fs.writeFileSync(input, lines.join('\n') + '\n');
    const run = await runCli(['ingest', '--no-progress', '--threads', '0', input]);
    expect(lastJson(run.stdout)).toMatchObject({ papers: 1, skipped: 3 });
    const rels = (await scopedDump(executor, ['ingfx-002'])).filter((l) => l.includes(']->'));
    expect(rels.some((l) => /squad/i.test(l))).toBe(false);
    expect(rels.some((l) => /-\[EVALUATES_ON .*\]->dataset:coco/.test(l))).toBe(true);
  });

  it('reports a status per record for ingestRecords (the GraphQL mutation path)', async () => {
    const service = new IngestService(executor, { threads: 0 });
    try {
      const good = JSON.parse(
        fs.readFileSync(path.join(FIXTURES, 'ingest', 'good.jsonl'), 'utf8').split('\n')[0],
      ) as object;
      const results = await service.ingestRecords([good, { title: 7 }, good]);
      expect(results).toEqual([
        { index: 0, id: 'ingfx-001', status: 'skipped' },
        { index: 1, status: 'rejected', reason: expect.stringMatching(/title/) },
        { index: 2, id: 'ingfx-001', status: 'skipped' },
      ]);
    } finally {
      await service.close();
    }
  });

  it('reads the Papers with Code dumps (any order, gzip too) into pwc-sourced nodes and relationships', async () => {
    const dir = path.join(FIXTURES, 'pwc');
    const files = [
      'datasets.json',
      'methods.json',
      'links-between-papers-and-code.json.gz',
      'papers-with-abstracts.json',
    ].map((f) => path.join(dir, f));
    const rejects = path.join(tmp, 'pwc.rejects.jsonl');
    const run = await runCli(['ingest', '--no-progress', '--threads', '0', '--rejects', rejects, ...files]);
    expect(run.code).toBe(2);
    expect(lastJson(run.stdout)).toMatchObject({ papers: 2, rejected: 3, pwcRecords: 5 });
    const rejected = fs
      .readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { reason: string });
    expect(rejected.map((r) => r.reason).join('\n')).toMatch(/tasks[\s\S]*not a code repository[\s\S]*name/);
    const snorfId = (await executor.read(PWC_FIXTURE_FACTS.snorfId))[0].id as string;
    expect(snorfId).toBe(SNORF_ID);
    const facts = await executor.read(PWC_FIXTURE_FACTS.facts, { ids: ['2498.00001', snorfId] });
    expect(
      facts
        .map(
          (f) =>
            `${String(f.from)} ${String(f.type)} ${String(f.to)} ${JSON.stringify(f.extra, f.extra ? Object.keys(f.extra).sort() : undefined)}`,
        )
        .sort(),
    ).toEqual(
      [
        `2498.00001 USES method:pwcfxattention null`,
        `2498.00001 ADDRESSES task:pwcfxglorpdetection null`,
        `2498.00001 ADDRESSES task:imageclassification null`,
        `2498.00001 INTRODUCES method:pwcfxattention null`,
        `2498.00001 HAS_CODE repo:github.com/pwcfx/blorp {"framework":"pytorch","mentionedInPaper":true,"official":true}`,
        `repo:github.com/pwcfx/blorp IMPLEMENTS method:pwcfxattention null`,
        `${snorfId} HAS_CODE repo:github.com/someone/snorf-loader {"framework":null,"mentionedInPaper":false,"official":false}`,
        `${snorfId} INTRODUCES dataset:pwcfxsnorf null`,
      ].sort(),
    );
    const method = (await executor.read(PWC_FIXTURE_FACTS.node, { id: 'method:pwcfxattention' }))[0]
      .props as Record<string, unknown>;
    expect(method).toMatchObject({
      name: 'Pwcfx Attention',
      fullName: 'Pwcfx Glorp Attention',
      collections: ['Attention Mechanisms', 'Attention Modules'],
      aliases: ['Pwcfx Glorp Attention'],
    });
    const repo = (await executor.read(PWC_FIXTURE_FACTS.node, { id: 'repo:github.com/pwcfx/blorp' }))[0]
      .props as Record<string, unknown>;
    expect(repo).toMatchObject({ stars: 42, framework: 'pytorch' });
    // Re-reading the dumps changes nothing.
    const before = await scopedDump(executor, ['2498.00001', snorfId]);
    await runCli(['ingest', '--no-progress', '--threads', '0', '--rejects', rejects, ...files]);
    expect(await scopedDump(executor, ['2498.00001', snorfId])).toEqual(before);
  });
});
