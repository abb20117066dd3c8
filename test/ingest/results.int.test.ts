// Results in the graph (real Neo4j): PwC evaluation-tables rows become `pwc` Results joined to their
// paper by PwC URL or arXiv id (a stub paper when unknown), metrics keep their direction as data, bad
// rows are rejects beside the rows that land, and re-extraction replaces only a paper's extracted
// results. Every write bumps the graph version.
import * as path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { readGraphVersion } from '../../src/db/graph-version';
import type { ExtractedResult, ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { BatchBuilder, type PreparedPaper } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { IngestService, type RejectRecord } from '../../src/ingest/ingest.service';
import { titleHashId } from '../../src/readers/paper-input.mapper';
import { applySchema, testExecutor } from './ingest-test-db';
import { TEST_READ_TIMEOUT_MS } from '../support/neo4j';
import { CLEANUP_RESULTS, METRIC, PAPER, RESULT_FACTS } from './results-test.queries';

jest.setTimeout(180_000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'pwc', 'evaluation-tables.json');
const KNOWN = 'pwcevfx-known';
const KNOWN_URL = 'https://paperswithcode.com/paper/pwcev-known';
const LM = titleHashId('Pwcev Language Model Paper');
const PAPERS = [KNOWN, '2497.00001', '2497.00003', '2497.00004', LM];
const infix = ':pwcev';

function known(): PaperInput {
  return {
    id: KNOWN,
    title: 'Pwcev Known Paper',
    abstract: 'Pwcev ViT scores on Pwcev ImageNet.',
    published: '2020-10-22',
  };
}

function record(results: ExtractedResult[]): ExtractionRecord {
  const dataset = {
    type: 'dataset' as const,
    id: 'dataset:pwcevimagenet',
    name: 'Pwcev ImageNet',
    role: 'used' as const,
    aliases: [],
    confidence: 0.9,
    rule: 'test',
    evidence: [{ field: 'abstract' as const, sentence: 's', start: 0, end: 5 }],
  };
  return {
    paper: { id: KNOWN, title: known().title },
    entities: [dataset],
    repos: [],
    links: [],
    lineage: [],
    results,
    extractor: { version: 'test-results-1' },
  };
}

const extracted = (value: number, metric = 'top-1 accuracy'): ExtractedResult => ({
  method: null,
  dataset: 'Pwcev ImageNet',
  task: null,
  metric,
  value,
  unit: '%',
  confidence: 0.7,
  rule: 'test-rule',
  evidence: [{ field: 'abstract', sentence: 'Pwcev ViT scores on Pwcev ImageNet.', start: 10, end: 14 }],
});

describe('Ingest: results', () => {
  let executor: Executor;
  let writer: GraphWriter;
  const write = async (p: PreparedPaper) => {
    const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
    b.addPaper(p);
    await writer.write(b.build());
  };
  const facts = async () =>
    (await executor.read(RESULT_FACTS, { infix })).map(
      (r) =>
        `${String(r.paper)} ${String(r.source)} ${String(r.dataset)} ${String(r.metric)} ${String(r.method)} ${String(r.task)} ${String(r.value)}${r.unit === null ? '' : String(r.unit)}`,
    );

  beforeAll(async () => {
    executor = testExecutor();
    await applySchema(executor);
    await executor.write(CLEANUP_RESULTS, { infix, papers: PAPERS });
    writer = new GraphWriter(executor, { attempts: 1 });
    // the paper PwC names by its page URL is in the graph already (from a papers dump)
    const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
    b.addPaper({
      paper: known(),
      record: record([]),
      contentHash: 'h0',
      pwc: { pwcUrl: KNOWN_URL, methods: [], tasks: [], dump: 'pwc:papers-with-abstracts.json' },
    });
    await writer.write(b.build());
  });
  afterAll(async () => {
    await executor.write(CLEANUP_RESULTS, { infix, papers: PAPERS });
    await executor.close();
  });

  it('writes every readable leaderboard row as a pwc Result, rejects the rest with path and reason', async () => {
    const rejects: RejectRecord[] = [];
    const service = new IngestService(executor, { threads: 0 });
    const before = await readGraphVersion(executor, TEST_READ_TIMEOUT_MS);
    try {
      const summary = await service.ingestFiles([FIXTURE], { onReject: (r) => rejects.push(r) });
      expect(summary).toMatchObject({ papers: 0, rejected: 4, pwcRecords: 7 });
    } finally {
      await service.close();
    }
    expect(await readGraphVersion(executor, TEST_READ_TIMEOUT_MS)).not.toBe(before);
    expect(rejects.map((r) => r.reason)).toEqual([
      'array element 1: $[0].datasets[0].sota.rows[2].model_name: field "model_name" is required',
      'array element 1: $[0].datasets[0].sota.rows[4].metrics["Top 1 Accuracy"]: value "about ninety" is not a number',
      'array element 2: $[1].datasets[0].sota.rows[1].paper_url: row "Pwcev Orphan" names no paper (paper_url or paper_title): a result needs its paper',
      'array element 3: $[2]: a task record must be a JSON object',
    ]);
    expect(await facts()).toEqual([
      `2497.00001 pwc dataset:pwcevbird metric:errorrate method:pwcevresnet task:pwcevfinegrainedclassification 12.5%`,
      `2497.00001 pwc dataset:pwcevimagenet metric:numberofparam method:pwcevresnet task:pwcevimageclassification 25.6M`,
      `2497.00001 pwc dataset:pwcevimagenet metric:top1accuracy method:pwcevresnet task:pwcevimageclassification 76.1%`,
      `2497.00004 pwc dataset:pwcevimagenet metric:numberofparam method:pwcevwordy task:pwcevimageclassification 1234.5K`,
      `${KNOWN} pwc dataset:pwcevimagenet metric:top1accuracy method:pwcevvit task:pwcevimageclassification 88.5`,
      `${KNOWN} pwc dataset:pwcevimagenetreal metric:accuracy method:pwcevvit task:pwcevimageclassification 90.7`,
      `${LM} pwc dataset:pwcevtext metric:perplexity method:pwcevlm task:pwcevlanguagemodelling 20.5`,
    ]);
    // joined by PwC URL to the paper already there; unknown papers became stubs
    const stub = (await executor.read(PAPER, { id: '2497.00001' }))[0].props as Record<string, unknown>;
    expect(stub).toMatchObject({ title: 'Pwcev Residual Learning', arxivId: '2497.00001', sources: ['pwc'] });
    expect(stub.contentHash).toBeUndefined();
    const raw = (await executor.read(RESULT_FACTS, { infix })).find(
      (r) => r.paper === KNOWN && r.value === 88.5,
    );
    expect(raw).toMatchObject({ rawValue: '88.5 ± 0.1', date: '2020-10-22' });
    // the metric's direction is data: the lexicon's, or null when unknown
    const metric = async (id: string) =>
      (await executor.read(METRIC, { id }))[0].props as Record<string, unknown>;
    expect(await metric('metric:perplexity')).toMatchObject({ name: 'Perplexity', higherIsBetter: false });
    expect(await metric('metric:top1accuracy')).toMatchObject({
      name: 'Top-1 Accuracy',
      higherIsBetter: true,
    });
    expect((await metric('metric:numberofparam')).higherIsBetter).toBeUndefined();
    expect(await metric('metric:top1accuracy')).toMatchObject({
      keys: expect.arrayContaining(['top1accuracy']),
    });

    // reading the dump again changes nothing
    const again = new IngestService(executor, { threads: 0 });
    const first = await facts();
    try {
      await again.ingestFiles([FIXTURE]);
    } finally {
      await again.close();
    }
    expect(await facts()).toEqual(first);
  });

  it("re-extraction replaces only the paper's extracted results; its pwc results stay", async () => {
    const pwcOf = (lines: string[]) => lines.filter((l) => l.startsWith(`${KNOWN} pwc`));
    const pwcBefore = pwcOf(await facts());
    expect(pwcBefore).toHaveLength(2);
    await write({
      paper: known(),
      record: record([extracted(81.5), extracted(9.1, 'error rate')]),
      contentHash: 'h1',
    });
    const mine = (lines: string[]) => lines.filter((l) => l.startsWith(`${KNOWN} extracted`));
    expect(mine(await facts())).toEqual([
      `${KNOWN} extracted dataset:pwcevimagenet metric:errorrate null null 9.1%`,
      `${KNOWN} extracted dataset:pwcevimagenet metric:top1accuracy null null 81.5%`,
    ]);
    const before = await readGraphVersion(executor, TEST_READ_TIMEOUT_MS);
    await write({ paper: known(), record: record([extracted(82)]), contentHash: 'h2' });
    expect(await readGraphVersion(executor, TEST_READ_TIMEOUT_MS)).not.toBe(before);
    const after = await facts();
    expect(mine(after)).toEqual([
      `${KNOWN} extracted dataset:pwcevimagenet metric:top1accuracy null null 82%`,
    ]);
    expect(pwcOf(after)).toEqual(pwcBefore);
    // another paper's results are untouched
    expect(after.filter((l) => l.startsWith('2497.00001'))).toHaveLength(3);
  });
});
