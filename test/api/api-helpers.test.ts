// Pure helpers of the API: Lucene query building, cursors, global ids, argument ranges.
import { toLuceneQuery, escapeLucene } from '../../src/graphql/search/lucene-query';
import { decodeCursor, encodeCursor, pageRequest } from '../../src/graphql/common/connection';
import { parseGlobalId, paperKeyFromId, repoKeyFromUrl } from '../../src/read-model/ids';
import { checkRange } from '../../src/graphql/common/argument-limits';

describe('Search: Lucene query from user text', () => {
  it.each([
    ['MLP', '(mlp^3 OR mlp*^2 OR mlp~1)'],
    [
      'Vision Transformer',
      '(vision^3 OR vision*^2 OR vision~2) (transformer^3 OR transformer*^2 OR transformer~2)',
    ],
    ['a+b', 'a^2 b^2'],
    ['GPT-4', '(gpt^3 OR gpt*^2 OR gpt~1) 4^2'],
    ['  ', null],
    ['"(*)"', null],
  ])('%j -> %j', (text, expected) => {
    expect(toLuceneQuery(text)).toBe(expected);
  });

  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
});

describe('Connections: cursors and pages', () => {
  it('round-trips cursors and continues after them', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(pageRequest(10, encodeCursor(4))).toEqual({ skip: 5, limit: 10 });
    expect(pageRequest(undefined, undefined)).toEqual({ skip: 0, limit: 20 });
  });

  it.each(['x', Buffer.from('offset:-1').toString('base64'), Buffer.from('page:2').toString('base64')])(
    'rejects cursor %j',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    },
  );

  it.each([
    ['first', 101],
    ['first', -1],
    ['maxDepth', 0],
    ['maxDepth', 11],
    ['maxLength', 0],
    ['maxLength', 11],
  ] as const)('%s = %d is BAD_USER_INPUT', (name, value) => {
    expect(() => checkRange(name, value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('Ids: global ids and repo URLs', () => {
  it.each([
    ['method:mlp-mixer', { type: 'Method', key: 'method:mlp-mixer' }],
    ['paper:2105.01601', { type: 'Paper', key: '2105.01601' }],
    ['repo:github.com/o/n', { type: 'Repo', key: 'repo:github.com/o/n' }],
    ['widget:x', null],
    ['method:', null],
    ['nocolon', null],
  ])('parses %j', (id, expected) => {
    expect(parseGlobalId(id)).toEqual(expected);
  });

  it.each([
    ['https://github.com/Owner/Name', 'repo:github.com/owner/name'],
    ['github.com/owner/name.git', 'repo:github.com/owner/name'],
    ['https://www.gitlab.com/g/p/', 'repo:gitlab.com/g/p'],
    ['repo:github.com/o/n', 'repo:github.com/o/n'],
    ['https://huggingface.co/datasets/o/n', null],
    ['https://github.com/onlyowner', null],
  ])('repo key of %j', (url, expected) => {
    expect(repoKeyFromUrl(url)).toBe(expected);
  });

  it('accepts bare and prefixed paper ids', () => {
    expect(paperKeyFromId('paper:1234.5678')).toBe('1234.5678');
    expect(paperKeyFromId('1234.5678')).toBe('1234.5678');
  });
});
