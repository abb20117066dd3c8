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
