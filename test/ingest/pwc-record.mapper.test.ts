// PwC dump records: mapping of each dump kind and the reasons bad elements are rejected.
import { mapPwcRecord, pwcKindOfFile, pwcKindOfRecord } from '../../src/readers/pwc';

describe('PwC readers: file and record kinds', () => {
  it.each([
    ['papers-with-abstracts.json.gz', 'papers'],
    ['/x/links-between-papers-and-code.json', 'links'],
    ['methods.json', 'methods'],
    ['datasets.json.gz', 'datasets'],
    ['papers.jsonl', undefined],
    ['evaluation-tables.json.gz', 'evaluations'],
  ])('names the dump kind of %s', (file, kind) => {
    expect(pwcKindOfFile(file)).toBe(kind);
  });

  it.each([
    [{ repo_url: 'https://github.com/a/b', paper_url: 'x' }, 'links'],
    [{ paper_url: 'x', abstract: 'y', title: 't' }, 'papers'],
    [{ name: 'x', homepage: 'h', modalities: [] }, 'datasets'],
    [{ name: 'x', full_name: 'X', collections: [] }, 'methods'],
    [{ task: 'T', datasets: [], subtasks: [] }, 'evaluations'],
    [{ foo: 1 }, undefined],
  ])('recognizes the dump kind of %j', (raw, kind) => {
    expect(pwcKindOfRecord(raw)).toBe(kind);
  });
});

describe('PwC readers: mapping records', () => {
  it('maps a paper with its methods (taxonomy) and tasks', () => {
    const r = mapPwcRecord(
      'papers',
      {
        paper_url: 'https://paperswithcode.com/paper/p',
        arxiv_id: '2105.01601',
        title: 'MLP-Mixer: An all-MLP Architecture for Vision',
        abstract: 'We propose MLP-Mixer.',
        url_abs: 'https://arxiv.org/abs/2105.01601v4',
        authors: ['A', 'B'],
        tasks: ['Image Classification'],
        date: '2021-05-04',
        methods: [
          {
            name: 'Dense Connections',
            full_name: 'Dense Connections',
            main_collection: { name: 'Feedforward Networks', area: 'General' },
          },
        ],
      },
      'pwc:papers-with-abstracts.json',
    );
    expect(r).toEqual({
      kind: 'paper',
      paper: expect.objectContaining({
        id: '2105.01601',
        arxivId: '2105.01601',
        published: '2021-05-04',
        authors: ['A', 'B'],
      }),
      extras: {
        pwcUrl: 'https://paperswithcode.com/paper/p',
        methods: [
          {
            name: 'Dense Connections',
            fullName: 'Dense Connections',
            collections: ['Feedforward Networks'],
            areas: ['General'],
          },
        ],
        tasks: ['Image Classification'],
        dump: 'pwc:papers-with-abstracts.json',
      },
    });
  });

  it('maps a link with official flag, framework ("none" dropped) and stars', () => {
    expect(
      mapPwcRecord(
        'links',
        {
          paper_url: 'u',
          paper_title: 'T',
          paper_arxiv_id: '1706.03762',
          repo_url: 'https://github.com/a/b',
          is_official: true,
          mentioned_in_paper: false,
          framework: 'none',
          stars: 12,
        },
        'd',
      ),
    ).toEqual({
      kind: 'link',
      paper: { pwcUrl: 'u', title: 'T', arxivId: '1706.03762' },
      repoUrl: 'https://github.com/a/b',
      official: true,
      mentionedInPaper: false,
      framework: undefined,
      stars: 12,
      dump: 'd',
    });
  });

  it('maps a method with collections and its introducing paper', () => {
    expect(
      mapPwcRecord(
        'methods',
        {
          name: 'uPIT',
          full_name: 'Utterance-level PIT',
          url: 'https://paperswithcode.com/method/upit',
          paper: { title: 'P', url: 'https://paperswithcode.com/paper/p' },
          collections: [{ collection: 'Speech Separation Models', area: 'Audio' }],
        },
        'd',
      ),
    ).toEqual({
      kind: 'method',
      method: {
        name: 'uPIT',
        fullName: 'Utterance-level PIT',
        url: 'https://paperswithcode.com/method/upit',
        collections: ['Speech Separation Models'],
        areas: ['Audio'],
      },
      introducedIn: { title: 'P', pwcUrl: 'https://paperswithcode.com/paper/p' },
      dump: 'd',
    });
  });

  it.each([
    ['papers', { title: 'T', abstract: 'A', tasks: 'x' }, /tasks/],
    ['papers', { title: '', abstract: '' }, /title/],
    ['papers', { title: 'T', abstract: 'A', methods: [{ full_name: 'no name' }] }, /name/],
    ['links', { paper_url: 'u' }, /repo_url/],
    ['links', { repo_url: 'https://github.com/a/b' }, /names no paper/],
    ['links', { paper_url: 'u', repo_url: 'https://github.com/a/b', is_official: 'yes' }, /is_official/],
    ['links', { paper_url: 'u', repo_url: 'https://github.com/a/b', stars: 'many' }, /stars/],
    ['methods', { name: null }, /name/],
    ['methods', { name: 'x', collections: 'c' }, /collections/],
    ['datasets', { full_name: 'x' }, /name/],
    ['datasets', 'a string', /JSON object/],
  ] as const)('rejects a bad %s record %j', (kind, raw, reason) => {
    const r = mapPwcRecord(kind, raw, 'd');
    expect('reason' in r && r.reason).toMatch(reason);
  });
});
