import { cleanUrl, findUrls, linkKind, normalizeRepoUrl } from '../../src/extract/urls';

describe('Extractor: repo URL normalization', () => {
  it.each<[string, string | undefined]>([
    [
      'https://github.com/Med-Org/Strip_Thing{https://github.com/Med-Org/Strip\\_Thing.',
      'https://github.com/Med-Org/Strip_Thing',
    ],
    ['https://github.com/owner/name.git', 'https://github.com/owner/name'],
    ['https://github.com/owner/name.', 'https://github.com/owner/name'],
    ['https://github.com/owner/name),', 'https://github.com/owner/name'],
    ['https://github.com/owner/name/#readme', 'https://github.com/owner/name'],
    ['https://github.com/owner/name?tab=readme', 'https://github.com/owner/name'],
    ['https://github.com/owner/name/tree/main/src', 'https://github.com/owner/name'],
    ['http://www.github.com/owner/name', 'https://github.com/owner/name'],
    ['github.com/owner/name', 'https://github.com/owner/name'],
    ['https://gitlab.com/group/project', 'https://gitlab.com/group/project'],
    ['https://bitbucket.org/team/repo/', 'https://bitbucket.org/team/repo'],
    ['https://codeberg.org/user/tool.git', 'https://codeberg.org/user/tool'],
    ['https://github.com/owner', undefined],
    ['https://github.com/orgs/owner', undefined],
    ['https://owner.github.io/name', undefined],
    ['https://huggingface.co/owner/model', undefined],
    ['https://example.com/owner/name', undefined],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeRepoUrl(raw)).toBe(expected);
  });
});

describe('Extractor: links', () => {
  it.each<[string, string]>([
    ['https://huggingface.co/datasets/org/data', 'hf-dataset'],
    ['https://huggingface.co/spaces/org/demo', 'hf-space'],
    ['https://huggingface.co/org/model', 'hf-model'],
    ['https://huggingface.co/docs/transformers/index', 'other'],
    ['https://someone.github.io/proj', 'project'],
    ['https://example.org/page', 'other'],
  ])('%s is %s', (url, kind) => {
    expect(linkKind(url)?.kind).toBe(kind);
  });

  it('finds URLs with offsets of the cleaned mention', () => {
    const text = 'See (https://github.com/a/b). And https://x.org/y, too.';
    const found = findUrls(text);
    expect(found.map((f) => f.url)).toEqual(['https://github.com/a/b', 'https://x.org/y']);
    for (const f of found) expect(cleanUrl(text.slice(f.start, f.end))).toBe(f.url);
  });
});
