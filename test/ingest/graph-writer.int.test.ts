// Graph writer against the real Neo4j: nodes, provenance, alias accumulation, replacement of a
// paper's extracted relationships (and only those), IMPLEMENTS derivation.
import type { Executor } from '../../src/db/executor';
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { BatchBuilder, type PreparedPaper } from '../../src/ingest/graph-rows';
import { GraphWriter } from '../../src/ingest/graph.writer';
import { applySchema, cleanup, scopedDump, testExecutor } from './ingest-test-db';
import { ENTITY_NAMES } from './ingest-test.queries';

jest.setTimeout(120_000);

const tag = `gw${Date.now().toString(36)}`;
const P1 = `${tag}-p1`;
const P2 = `${tag}-p2`;
const P3 = `${tag}-p3`;
const P4 = `${tag}-p4`;
const P5 = `${tag}-p5`;
const ev = (sentence: string) => [{ field: 'abstract' as const, sentence, start: 0, end: 5 }];

function paper(id: string, title: string): PaperInput {
  return { id, title, abstract: `${title} abstract.`, published: '2021-05-04', authors: ['A. Author'] };
}

function record(p: PaperInput, over: Partial<ExtractionRecord> = {}): ExtractionRecord {
  return {
    paper: { id: p.id, title: p.title },
    entities: [],
    repos: [],
    links: [],
    lineage: [],
    results: [],
    extractor: { version: 'test-1' },
    ...over,
  };
}

function prepared(p: PaperInput, rec: ExtractionRecord, hash = 'h1'): PreparedPaper {
  return { paper: p, record: rec, contentHash: hash };
}

const mixer = (name: string, aliases: string[], role: 'introduced' | 'used') => ({
  type: 'method' as const,
  id: `method:${tag}mixer`,
  name,
  role,
  aliases,
  confidence: 0.9,
  rule: 'title-colon',
  evidence: ev(`${name} rocks`),
});

describe('Ingest: graph writer', () => {
  let executor: Executor;
  let writer: GraphWriter;
  const write = async (...papers: PreparedPaper[]) => {
    const b = new BatchBuilder('2026-01-01T00:00:00.000Z');
    for (const p of papers) b.addPaper(p);
    await writer.write(b.build());
  };

  beforeAll(async () => {
    executor = testExecutor();
    await applySchema(executor);
    writer = new GraphWriter(executor, { attempts: 1 });
  });
  afterAll(async () => {
    await cleanup(executor, [P1, P2, P3, P4, P5]);
    await executor.close();
  });

  it('writes papers, entities with accumulated aliases and keys, relationships with provenance, IMPLEMENTS and BUILDS_ON', async () => {
    const p1 = paper(P1, 'Mixer paper');
    const p2 = paper(P2, 'Follow-up paper');
    await write(
      prepared(
        p1,
        record(p1, {
          entities: [
            mixer(`${tag}MLP-Mixer`, [], 'introduced'),
            {
              type: 'dataset',
              id: `dataset:${tag}imagenet`,
              name: `${tag}ImageNet`,
              role: 'used',
              aliases: [],
              confidence: 0.8,
              rule: 'eval-on',
              evidence: ev('x'),
            },
          ],
          repos: [{ url: `https://github.com/${tag}/mixer`, evidence: ev('code at') }],
          links: [{ url: 'https://huggingface.co/x/y', kind: 'hf-model', evidence: ev('y') }],
        }),
      ),
      prepared(
        p2,
        record(p2, {
          entities: [
            mixer(`${tag}MLP Mixer`, [`${tag}Mixer`], 'used'),
            {
              type: 'method',
              id: `method:${tag}tsmixer`,
              name: `${tag}TSMixer`,
              role: 'introduced',
              aliases: [],
              confidence: 0.95,
              rule: 'we-propose',
              evidence: ev('we propose'),
            },
          ],
          lineage: [
            {
              child: `${tag}TSMixer`,
              parent: `${tag}MLP Mixer`,
              relation: 'extends',
              confidence: 0.8,
              rule: 'extends-x',
              evidence: ev('extends'),
            },
          ],
        }),
      ),
    );
    const rows = await executor.read(ENTITY_NAMES, { id: `method:${tag}mixer` });
    expect(rows).toEqual([
      {
        name: `${tag}MLP-Mixer`,
        aliases: [`${tag}MLP Mixer`, `${tag}Mixer`],
        keys: [`${tag}mlpmixer`, `${tag}mixer`],
      },
    ]);
    const dump = await scopedDump(executor, [P1, P2]);
    const rels = dump.filter((l) => l.includes(']->'));
    expect(rels.map((l) => l.replace(/ \{.*\}\]/, ']'))).toEqual(
      [
        `${P1}-[INTRODUCES]->method:${tag}mixer`,
        `${P1}-[EVALUATES_ON]->dataset:${tag}imagenet`,
        `${P1}-[HAS_CODE]->repo:github.com/${tag}/mixer`,
        `repo:github.com/${tag}/mixer-[IMPLEMENTS]->method:${tag}mixer`,
        `${P2}-[USES]->method:${tag}mixer`,
        `${P2}-[INTRODUCES]->method:${tag}tsmixer`,
        `method:${tag}tsmixer-[BUILDS_ON]->method:${tag}mixer`,
      ].sort(),
    );
    const buildsOn = rels.find((l) => l.includes('BUILDS_ON')) as string;
    expect(buildsOn).toContain('"relation":"extends"');
    expect(buildsOn).toContain(`"paperId":"${P2}"`);
    expect(buildsOn).toContain('"source":"extracted"');
    expect(buildsOn).toContain('"extractorVersion":"test-1"');
    expect(buildsOn).toContain(
      '"evidence":"[{\\"field\\":\\"abstract\\",\\"sentence\\":\\"extends\\",\\"start\\":0,\\"end\\":5}]"',
    );
    const paperLine = dump.find((l) => l.includes(`"id":"${P1}"`) && l.startsWith('(["Paper"]')) as string;
    expect(paperLine).toContain('"linkKinds":["hf-model"]');
    expect(paperLine).toContain('"year":2021');
    expect(paperLine).toContain('"contentHash":"h1"');
  });

  it("replaces only the re-ingested paper's extracted relationships, keeping pwc ones and other papers' edges", async () => {
    const p1 = paper(P1, 'Mixer paper');
    // A pwc relationship on P1 and the state after the first test.
    const pwc = new BatchBuilder('2026-01-01T00:00:00.000Z');
    pwc.addPwcIntroduces('INTRODUCES_DATASET', P1, `dataset:${tag}imagenet`, 'pwc:test');
    await writer.write(pwc.build());
    const before = await scopedDump(executor, [P2]);
    // Re-ingest P1 with a different extraction: only a concept now.
    await write(
      prepared(
        p1,
        record(p1, {
          entities: [
            {
              type: 'concept',
              id: `concept:${tag}scaling`,
              name: `${tag}scaling`,
              role: 'used',
              aliases: [],
              confidence: 0.5,
              rule: 'c',
              evidence: ev('s'),
            },
          ],
        }),
        'h2',
      ),
    );
    const rels = (await scopedDump(executor, [P1]))
      .filter((l) => l.includes(']->'))
      .map((l) => l.replace(/ \{.*\}\]/, ']'));
    expect(rels).toEqual(
      [`${P1}-[INTRODUCES]->dataset:${tag}imagenet`, `${P1}-[MENTIONS]->concept:${tag}scaling`].sort(),
    );
    expect(await scopedDump(executor, [P2])).toEqual(before.map((l) => l)); // P2 untouched, aliases kept
    // Writing the same batch again changes nothing.
    const again = await scopedDump(executor, [P1, P2]);
    await write(
      prepared(
        p1,
        record(p1, {
          entities: [
            {
              type: 'concept',
              id: `concept:${tag}scaling`,
              name: `${tag}scaling`,
              role: 'used',
              aliases: [],
              confidence: 0.5,
              rule: 'c',
              evidence: ev('s'),
            },
          ],
        }),
        'h2',
      ),
    );
    expect(await scopedDump(executor, [P1, P2])).toEqual(again);
  });

  it('re-ingesting a paper deletes the BUILDS_ON edges it produced (not the same edge of another paper); new papers delete nothing', async () => {
    const lineage = [
      {
        child: `${tag}GammaNet`,
        parent: `${tag}BetaNet`,
        relation: 'extends' as const,
        confidence: 0.8,
        rule: 'extends-x',
        evidence: ev('extends'),
      },
    ];
    const p3 = paper(P3, 'Gamma paper');
    const p4 = paper(P4, 'Another gamma paper');
    // Both papers are new: written in one batch, each with its own BUILDS_ON between the same methods.
    await write(prepared(p3, record(p3, { lineage })), prepared(p4, record(p4, { lineage })));
    const edge = `method:${tag}gammanet-[BUILDS_ON]->method:${tag}betanet`;
    const buildsOn = async (id: string) =>
      (await scopedDump(executor, [id]))
        .filter((l) => l.includes('[BUILDS_ON'))
        .map((l) => l.replace(/ \{.*\}\]/, ']'));
    expect(await buildsOn(P3)).toEqual([edge]);
    expect(await buildsOn(P4)).toEqual([edge]);
    const p4Before = await scopedDump(executor, [P4]);
    // P3 again without lineage: its edge goes, P4's identical edge stays untouched.
    await write(prepared(p3, record(p3), 'h2'));
    expect(await buildsOn(P3)).toEqual([]);
    expect(await scopedDump(executor, [P4])).toEqual(p4Before);
    // And back: the edge is created once, not duplicated.
    await write(prepared(p3, record(p3, { lineage }), 'h3'));
    expect(await buildsOn(P3)).toEqual([edge]);
  });

  it('re-ingesting a paper whose node was deleted by hand does not duplicate its BUILDS_ON and IMPLEMENTS edges', async () => {
    const p5 = paper(P5, 'Delta paper');
    const rec = record(p5, {
      entities: [
        {
          type: 'method' as const,
          id: `method:${tag}deltanet`,
          name: `${tag}DeltaNet`,
          role: 'introduced' as const,
          aliases: [],
          confidence: 0.9,
          rule: 'we-propose',
          evidence: ev('we propose'),
        },
      ],
      repos: [{ url: `https://github.com/${tag}/delta`, evidence: ev('code at') }],
      lineage: [
        {
          child: `${tag}DeltaNet`,
          parent: `${tag}BetaNet`,
          relation: 'extends' as const,
          confidence: 0.8,
          rule: 'extends-x',
          evidence: ev('extends'),
        },
      ],
    });
    const between = async () =>
      (await scopedDump(executor, [P5]))
        .filter((l) => l.includes('[BUILDS_ON') || l.includes('[IMPLEMENTS'))
        .map((l) => l.replace(/ \{.*\}\]/, ']'));
    await write(prepared(p5, rec));
    const once = [
      `method:${tag}deltanet-[BUILDS_ON]->method:${tag}betanet`,
      `repo:github.com/${tag}/delta-[IMPLEMENTS]->method:${tag}deltanet`,
    ];
    expect(await between()).toEqual(once);
    // The paper node goes (and with it the ingest state): its edges between other nodes stay behind.
    await executor.write('MATCH (p:Paper {id: $id}) DETACH DELETE p', { id: P5 });
    expect(await between()).toEqual(once);
    // Ingested again as a new paper: the left-behind edges are replaced, not duplicated.
    await write(prepared(p5, rec));
    expect(await between()).toEqual(once);
  });
});
