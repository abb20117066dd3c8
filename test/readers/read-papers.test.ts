import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { detectFormat, readPapers } from '../../src/readers/read-papers';
import type { ReadResult } from '../../src/readers/read-result.types';
import { isMapFailure, titleHashId, toPaperInput } from '../../src/readers/paper-input.mapper';

const FIX = path.join(__dirname, '..', 'fixtures', 'readers');

async function collect(sources: string[], options = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readPapers(sources, options)) out.push(r);
  return out;
}

describe('Readers: page format', () => {
  it('pairs title and abstract lines, skips the header, reports a title without abstract', async () => {
    const rs = await collect([path.join(FIX, 'page.txt')]);
    const ok = rs.filter((r) => r.ok);
    expect(ok.map((r) => r.ok && r.paper.title)).toEqual([
      'GridNet: A Toy Network for Testing Readers',
      'Second Paper About Optimizers',
    ]);
    const bad = rs.filter((r) => !r.ok);
    expect(bad).toEqual([
      {
        ok: false,
        file: path.join(FIX, 'page.txt'),
        line: 13,
        reason: 'title line without an abstract line after it',
      },
    ]);
    const first = ok[0];
    expect(first.ok && first.line).toBe(9);
    expect(first.ok && first.paper.id).toBe(titleHashId('GridNet: A Toy Network for Testing Readers'));
  });
});

describe('Readers: jsonl format', () => {
  it('reads good records and reports each bad line with its number and reason', async () => {
    const file = path.join(FIX, 'papers.jsonl');
    const rs = await collect([file]);
    const summary = rs.map((r) => (r.ok ? `${r.line}:ok:${r.paper.id}` : `${r.line}:bad`));
    expect(summary).toEqual([
      '1:ok:fx-1',
      `2:ok:${titleHashId('Only a title here')}`,
      '3:bad',
      '4:bad',
      '5:ok:10.1234/abc.def',
      '6:bad',
      '7:bad',
      '9:ok:2101.00001',
    ]);
    const reasons = rs.filter((r): r is Extract<ReadResult, { ok: false }> => !r.ok).map((r) => r.reason);
    expect(reasons[0]).toMatch(/^invalid JSON/);
    expect(reasons[1]).toBe('field "title" must be a string, got a number');
    expect(reasons[2]).toBe('record must be a JSON object, got an array');
    expect(reasons[3]).toMatch(/NUL bytes/);
    const ws = rs.find((r) => r.ok && r.line === 5);
    expect(ws?.ok && ws.paper.abstract).toBe('An abstract with extra whitespace.');
  });

  it('reads .gz input transparently', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pg-readers-'));
    try {
      const file = path.join(dir, 'p.jsonl.gz');
      writeFileSync(file, gzipSync('{"id":"gz-1","title":"Zipped"}\n'));
      const rs = await collect([file]);
      expect(rs).toEqual([{ ok: true, file, line: 1, paper: { id: 'gz-1', title: 'Zipped', abstract: '' } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('yields the first record before the input has ended (streaming)', async () => {
    let produced = 0;
    const total = 50_000;
    const input = new Readable({
      read(): void {
        if (produced >= total) {
          this.push(null);
          return;
        }
        produced++;
        this.push(`{"id":"s-${produced}","title":"Paper ${produced}"}\n`);
      },
    });
    const it = readPapers(['-'], { stdin: input })[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value).toMatchObject({ ok: true, paper: { id: 's-1' } });
    expect(produced).toBeLessThan(total);
    let n = 1;
    for (let r = await it.next(); !r.done; r = await it.next()) n++;
    expect(n).toBe(total);
  });
});

describe('Readers: json array, arXiv snapshot, Hugging Face daily papers', () => {
  it('streams a JSON array and reports the empty element', async () => {
    const rs = await collect([path.join(FIX, 'papers.json')]);
    expect(rs.map((r) => (r.ok ? r.paper.id : `bad:${r.reason}`))).toEqual([
      'arr-1',
      'bad:array element 2: record needs a non-empty "title" or "abstract" (or "summary"/"text")',
      'arr-3',
    ]);
    // the line each element starts on, though the small file is read in one chunk
    expect(rs.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('yields the elements before a syntax error, then reports the error once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pg-readers-'));
    try {
      const file = path.join(dir, 'truncated.json');
      writeFileSync(file, '[{"id":"t-1","title":"Kept"},\n{"id":"t-2","title":');
      const rs = await collect([file]);
      expect(rs.map((r) => (r.ok ? r.paper.id : 'bad'))).toEqual(['t-1', 'bad']);
      expect(rs[1]).toMatchObject({
        ok: false,
        line: 2,
        reason: expect.stringMatching(/invalid JSON array after element 1/),
      });
      expect(rs[0].line).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps arXiv metadata snapshot lines', async () => {
    const rs = await collect([path.join(FIX, 'arxiv-snapshot.jsonl')]);
    expect(rs[0]).toMatchObject({
      ok: true,
      paper: {
        id: '0704.0001',
        arxivId: '0704.0001',
        title: 'A fixture paper with a wrapped title',
        abstract: 'We study fixtures. They are small.',
        doi: '10.1000/XYZ.1',
        published: '2007-04-02',
        authors: ['A. Person', 'B. Someone', 'C. Third'],
        url: 'https://arxiv.org/abs/0704.0001',
      },
    });
    expect(rs[1]).toMatchObject({
      ok: true,
      paper: { id: 'cs/0112017', arxivId: 'cs/0112017', authors: ['Han Solo'], published: '2002-01-05' },
    });
  });

  it('maps Hugging Face daily-papers objects', async () => {
    const rs = await collect([path.join(FIX, 'hf-daily.json')]);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({
      ok: true,
      paper: {
        id: '2403.01234',
        arxivId: '2403.01234',
        title: 'QuuxLM: A Daily Paper Fixture',
        abstract: 'We present QuuxLM, a language model fixture. Code: https://github.com/quux/quuxlm.',
        published: '2024-03-02',
        authors: ['Ada Example', 'Bo Sample'],
        links: ['https://github.com/quux/quuxlm'],
      },
    });
  });

  it('reports a missing file and goes on with the next source', async () => {
    const rs = await collect([path.join(FIX, 'nope.jsonl'), path.join(FIX, 'papers.json')]);
    expect(rs[0]).toMatchObject({ ok: false, line: 0 });
    expect(rs.filter((r) => r.ok)).toHaveLength(2);
  });
});

describe('Readers: format detection', () => {
  it.each([
    ['[{"title":"x"}]', 'a.txt', 'json'],
    ['{"title":"x"}\n', 'a.txt', 'jsonl'],
    ['\uFEFF  {"title":"x"}', 'a', 'jsonl'],
    ['new\n\nGet trending papers', 'page.txt', 'page'],
    ['', 'x.jsonl', 'jsonl'],
  ])('detects %j in %s as %s', (head, file, format) => {
    expect(detectFormat(head, file)).toBe(format);
  });
});

describe('Readers: toPaperInput', () => {
  it.each<[string, unknown, RegExp]>([
    ['a string', 'hello', /must be a JSON object/],
    ['no text', { id: 'a' }, /needs a non-empty "title" or "abstract"/],
    ['abstract of wrong type', { title: 't', abstract: ['x'] }, /"abstract" must be a string/],
    ['absurd size', { title: 't', abstract: 'a'.repeat(100_001) }, /too large/],
    ['NUL byte', { title: 'a\u0000b' }, /NUL bytes/],
    ['many control characters', { title: 'a\u0001b\u0002c\u0003d\u0004e' }, /control characters/],
    ['undecodable bytes', { title: 'x', abstract: 'ab\uFFFDc\uFFFDd\uFFFD' }, /undecodable/],
    ['id of wrong type', { id: { x: 1 }, title: 't' }, /"id" must be a string or number/],
    ['authors of wrong type', { title: 't', authors: 7 }, /"authors" must be a string or an array/],
  ])('rejects %s', (_label, raw, reason) => {
    const r = toPaperInput(raw);
    expect(isMapFailure(r)).toBe(true);
    expect(isMapFailure(r) && r.reason).toMatch(reason);
  });

  it('blanks a stray control character from PDF extraction', () => {
    const r = toPaperInput({ title: 'T', abstract: 'one\u0002two' });
    expect(isMapFailure(r) ? r.reason : r.abstract).toBe('one two');
  });

  it.each<[string, unknown, string]>([
    ['record id exactly', { id: ' My-ID ', title: 't', arxivId: '2101.00001' }, 'My-ID'],
    ['arXiv id without version', { title: 't', arxivId: 'arXiv:2101.00001v2' }, '2101.00001'],
    ['arXiv id from the url', { title: 't', url: 'https://arxiv.org/abs/2101.00002v1' }, '2101.00002'],
    ['DOI lower-cased', { title: 't', doi: 'https://doi.org/10.55/AbC' }, '10.55/abc'],
    ['title hash', { title: 'Same  Title' }, titleHashId('same title')],
  ])('gives the contract paper id: %s', (_label, raw, id) => {
    const r = toPaperInput(raw);
    expect(isMapFailure(r) ? r.reason : r.id).toBe(id);
  });
});
