// Rows for the write statements: role -> relationship kind, alias/key accumulation, lineage name
// resolution, IMPLEMENTS derivation, deduplication, and the content hash.
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { contentHashOf } from '../../src/ingest/content-hash';
import { BatchBuilder, repoRowOf } from '../../src/ingest/graph-rows';
import { generateCorpus } from '../../bench/synthetic/corpus.generator';

const paper: PaperInput = { id: 'p1', title: 'T', abstract: 'A', published: '2021-05' };
const ev = [{ field: 'abstract' as const, sentence: 's', start: 0, end: 1 }];
const ent = (
  type: 'method' | 'dataset' | 'task' | 'concept',
  name: string,
  role: 'introduced' | 'used',
  aliases: string[] = [],
) => ({
  type,
  id: `${type}:${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
  name,
  role,
  aliases,
  confidence: 0.9,
  rule: 'r',
  evidence: ev,
});

function build(record: Partial<ExtractionRecord>) {
  const b = new BatchBuilder('2026-01-01T00:00:00Z');
  b.addPaper({
    paper,
    contentHash: 'h',
    record: {
      paper: { id: 'p1', title: 'T' },
      entities: [],
      repos: [],
      links: [],
      results: [],
      lineage: [],
      extractor: { version: 'v' },
      ...record,
    },
  });
  return b.build();
}

describe('Ingest: rows from extraction records', () => {
  it.each([
    ['method', 'introduced', 'INTRODUCES_METHOD'],
    ['method', 'used', 'USES'],
    ['dataset', 'introduced', 'INTRODUCES_DATASET'],
    ['dataset', 'used', 'EVALUATES_ON'],
    ['task', 'used', 'ADDRESSES'],
    ['concept', 'used', 'MENTIONS'],
  ] as const)('maps a %s %s to %s with provenance', (type, role, kind) => {
    const batch = build({ entities: [ent(type, 'Foo', role)] });
    expect(batch.created[kind]).toEqual([
      {
        from: 'p1',
        to: `${type}:foo`,
        props: {
          source: 'extracted',
          paperId: 'p1',
          extractorVersion: 'v',
          confidence: 0.9,
          rule: 'r',
          evidence: JSON.stringify(ev),
        },
      },
    ]);
    expect(batch.replacePaperIds).toEqual(['p1']);
    expect(batch.papers[0]).toMatchObject({
      id: 'p1',
      year: 2021,
      contentHash: 'h',
      extractorVersion: 'v',
      sources: ['extracted'],
    });
  });

  it('keeps every display form as an alias candidate and their normalized keys, once', () => {
    const batch = build({
      entities: [ent('method', 'MLP-Mixer', 'used', ['MLP Mixer', 'MLP-Mixers', 'MLP Mixer'])],
    });
    expect(batch.entities.method).toEqual([
      expect.objectContaining({
        id: 'method:mlpmixer',
        name: 'MLP-Mixer',
        aliases: ['MLP-Mixer', 'MLP Mixer', 'MLP-Mixers'],
        keys: ['mlpmixer'],
      }),
    ]);
  });

  it('resolves lineage names through entities and aliases, and links repos to introduced methods', () => {
    const batch = build({
      entities: [ent('method', 'TSMixer', 'introduced'), ent('method', 'MLP-Mixer', 'used', ['MLP Mixer'])],
      repos: [{ url: 'https://github.com/Google/TSMixer', evidence: ev }],
      lineage: [
        {
          child: 'TSMixer',
          parent: 'MLP Mixer',
          relation: 'extends',
          confidence: 0.8,
          rule: 'l',
          evidence: ev,
        },
        {
          child: 'TSMixer',
          parent: 'TSMixer',
          relation: 'extends',
          confidence: 0.8,
          rule: 'l',
          evidence: ev,
        },
      ],
    });
    expect(batch.created.BUILDS_ON.map((r) => [r.from, r.to, r.props.relation])).toEqual([
      ['method:tsmixer', 'method:mlpmixer', 'extends'],
    ]);
    expect(batch.created.HAS_CODE.map((r) => [r.from, r.to, r.props.mentionedInPaper])).toEqual([
      ['p1', 'repo:github.com/google/tsmixer', true],
    ]);
    expect(batch.created.IMPLEMENTS.map((r) => [r.from, r.to])).toEqual([
      ['repo:github.com/google/tsmixer', 'method:tsmixer'],
    ]);
  });

  it('merges a repeated relationship into one with all evidence and the higher confidence', () => {
    const a = ent('method', 'Foo', 'used');
    const b = {
      ...ent('method', 'Foo', 'used'),
      confidence: 0.95,
      evidence: [{ ...ev[0], start: 5, end: 8 }],
    };
    const [rel] = build({ entities: [a, b] }).created.USES;
    expect(rel.props.confidence).toBe(0.95);
    expect(JSON.parse(rel.props.evidence)).toHaveLength(2);
  });

  it.each([
    ['https://github.com/Owner/Repo', 'repo:github.com/owner/repo'],
    ['https://gitlab.com/a/b.git', 'repo:gitlab.com/a/b'],
    ['https://huggingface.co/a/b', undefined],
  ])('derives the repo id of %s', (url, id) => {
    expect(repoRowOf(url)?.id).toBe(id);
  });

  it('changes the content hash when any written field changes, and only then', () => {
    const h = contentHashOf(paper);
    expect(contentHashOf({ ...paper })).toBe(h);
    for (const change of [
      { title: 'T2' },
      { abstract: 'B' },
      { published: '2022' },
      { authors: ['X'] },
      { links: ['https://x.org'] },
      { doi: '10.1/x' },
    ]) {
      expect(contentHashOf({ ...paper, ...change })).not.toBe(h);
    }
    expect(contentHashOf(paper, { methods: [], tasks: ['t'], dump: 'd' })).not.toBe(h);
  });
});

describe('Ingest: synthetic corpus generator', () => {
  it('is deterministic per seed, with abstracts of about 1,000-1,800 characters and unique ids', () => {
    const a = [...generateCorpus({ papers: 300, seed: 3 })];
    const b = [...generateCorpus({ papers: 300, seed: 3 })];
    const c = [...generateCorpus({ papers: 300, seed: 4 })];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(new Set(a.map((p) => p.id)).size).toBe(300);
    for (const p of a) expect(p.abstract.length).toBeGreaterThanOrEqual(900);
    for (const p of a) expect(p.abstract.length).toBeLessThanOrEqual(1_900);
  });
});
