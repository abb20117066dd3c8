import type * as ArgumentLimits from '../../src/graphql/common/argument-limits';

function loadWithEnv(env: Record<string, string>): typeof ArgumentLimits {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let mod: typeof ArgumentLimits | undefined;
    jest.isolateModules(() => {
      mod = require('../../src/graphql/common/argument-limits') as typeof ArgumentLimits;
    });
    return mod!;
  } finally {
    process.env = saved;
  }
}

describe('Limits: argument caps are configurable', () => {
  it('uses the documented defaults: first <= 100, lineage maxDepth <= 10, path maxLength <= 10', () => {
    const { checkRange } = loadWithEnv({});
    expect(checkRange('first', 100)).toBe(100);
    expect(() => checkRange('first', 101)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkRange('maxDepth', 11)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkRange('maxLength', 11)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('takes the caps from PAPERGRAPH_MAX_FIRST / _LINEAGE_DEPTH / _PATH_LENGTH', () => {
    const { checkRange } = loadWithEnv({
      PAPERGRAPH_MAX_FIRST: '10',
      PAPERGRAPH_MAX_LINEAGE_DEPTH: '2',
      PAPERGRAPH_MAX_PATH_LENGTH: '4',
    });
    expect(checkRange('first', undefined)).toBe(10); // the default never exceeds the cap
    expect(() => checkRange('first', 11)).toThrow(/between 0 and 10/);
    expect(checkRange('maxDepth', 2)).toBe(2);
    expect(() => checkRange('maxDepth', 3)).toThrow(/between 1 and 2/);
    expect(() => checkRange('maxLength', 5)).toThrow(/between 1 and 4/);
  });
});

describe('Limits: argument caps of a repeated document', () => {
  it('checks the values of every request, literal or variable, while the walk is made once per parsed operation', () => {
    // the module and graphql-js from one registry (isolateModules gives the module a graphql of its own)
    let mod: typeof ArgumentLimits | undefined;
    let graphql: typeof import('graphql') | undefined;
    jest.isolateModules(() => {
      mod = require('../../src/graphql/common/argument-limits') as typeof ArgumentLimits;
      graphql = require('graphql') as typeof import('graphql');
    });
    const { findArgumentLimitErrors } = mod!;
    const { buildSchema, parse, getOperationAST } = graphql!;
    const schema = buildSchema(
      'type Query { papers(first: Int): Int, lineage(maxDepth: Int, first: Int): Int }',
    );
    const document = parse(`
      query Q($n: Int, $d: Int) { papers(first: $n) ...F }
      fragment F on Query { lineage(maxDepth: $d, first: 5) }
      query Literal { papers(first: 500) }`);
    const q = getOperationAST(document, 'Q');
    const messages = (variables: Record<string, unknown>) =>
      findArgumentLimitErrors(schema, document, q, variables).map((e) => e.message);
    expect(messages({ n: 10, d: 2 })).toEqual([]);
    expect(messages({ n: 101, d: 2 })).toEqual(['`first` must be between 0 and 100 (got 101).']);
    expect(messages({ n: 10, d: 11 })).toEqual(['`maxDepth` must be between 1 and 10 (got 11).']);
    expect(messages({ n: -1, d: 0 })).toHaveLength(2);
    expect(messages({ n: 100, d: 10 })).toEqual([]);
    // another operation of the same document has its own arguments
    const literal = getOperationAST(document, 'Literal');
    expect(findArgumentLimitErrors(schema, document, literal, {}).map((e) => e.message)).toEqual([
      '`first` must be between 0 and 100 (got 500).',
    ]);
    expect(findArgumentLimitErrors(schema, document, q, { n: 1, d: 1 })).toEqual([]);
  });
});
