import {
  getIntrospectionQuery,
  Kind,
  parse,
  validate,
  specifiedRules,
  type OperationDefinitionNode,
} from 'graphql';
import { createAliasLimitRule } from '../../src/server/limits/alias-limit.rule';
import { createDepthLimitRule, measureDepth } from '../../src/server/limits/depth-limit.rule';
import { estimateOperationCost } from '../../src/server/limits/operation-cost';
import { DEFAULT_LIMITS } from '../../src/config/limits-config';
import { nestedQuery, schema } from './limits-fixture';

function codesOf(query: string, rules = [createDepthLimitRule(12), createAliasLimitRule(30)]): unknown[] {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map(
    (e) => e.extensions.code ?? 'GRAPHQL',
  );
}

function depthOf(query: string): number {
  const doc = parse(query);
  const fragments = new Map(
    doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureDepth(op.selectionSet, fragments).depth;
}

function cost(query: string, variables?: Record<string, unknown>): number | null {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return estimateOperationCost(schema, doc, op, variables, { assumedFirst: 20, maxFirst: 100 });
}

describe('Limits: depth rule', () => {
  it.each([
    [5, 5],
    [12, 12],
    [13, 13],
  ])('measures a %i-level query as depth %i', (levels, depth) => {
    expect(depthOf(nestedQuery(levels))).toBe(depth);
  });

  it('accepts 12 levels and rejects 13 with QUERY_TOO_COMPLEX at the default limit', () => {
    expect(codesOf(nestedQuery(12))).toEqual([]);
    expect(codesOf(nestedQuery(13))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it.each([
    ['graphql-js defaults', {}],
    [
      'every option GraphiQL may ask for',
      {
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      },
    ],
  ])('lets the standard introspection query (%s) pass at the default limit', (_name, options) => {
    expect(codesOf(getIntrospectionQuery(options))).toEqual([]);
  });

  it('counts introspection fields: a 13-level __schema query is rejected', () => {
    const path = [
      '__schema',
      'types',
      'fields',
      'type',
      'fields',
      'type',
      'fields',
      'type',
      'fields',
      'type',
      'fields',
      'type',
    ];
    const q = `{ ${path.join(' { ')} { name ${'} '.repeat(path.length)}}`;
    expect(depthOf(q)).toBe(13);
    // graphql-js's own MaxIntrospectionDepthRule also fires here; ours must too.
    expect(codesOf(q)).toContain('QUERY_TOO_COMPLEX');
  });

  it('caps a long run of ofType separately', () => {
    let inner = 'name';
    for (let i = 0; i < 17; i += 1) inner = `ofType { ${inner} }`;
    expect(codesOf(`{ __type(name: "Paper") { ${inner} } }`)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('expands fragments, including deeply nested fragment chains', () => {
    const fragments = Array.from(
      { length: 12 },
      (_, i) => `fragment F${i} on Method { parents { ...F${i + 1} } }`,
    );
    fragments.push('fragment F12 on Method { name }');
    const q = `query Q { paper(id: "1") { methods { edges { node { ...F0 } } } } }\n${fragments.join('\n')}`;
    expect(depthOf(q)).toBe(17);
    expect(codesOf(q)).toContain('QUERY_TOO_COMPLEX');
  });

  it('terminates on cyclic fragments (graphql-js reports the cycle)', () => {
    const q =
      'query Q { paper(id: "1") { methods { edges { node { ...A } } } } } fragment A on Method { parents { ...B } } fragment B on Method { parents { ...A } }';
    const codes = codesOf(q);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'GRAPHQL')).toBe(true);
  });

  it('stays fast on fragment fan-out (memoized per fragment)', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment G${i} on Method { parents { ...G${i + 1} ...G${i + 1} } name }`,
    );
    fragments.push('fragment G30 on Method { name }');
    const q = `query Q { paper(id: "1") { methods { edges { node { ...G0 } } } } }\n${fragments.join('\n')}`;
    const started = Date.now();
    expect(depthOf(q)).toBe(35);
    expect(cost(q)).toBeGreaterThan(1e9);
    // Memoized, this takes milliseconds; unmemoized it visits 2^30 fragment spreads (minutes), so
    // a 10 s bound tells them apart on any machine.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('Limits: alias rule', () => {
  const aliases = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: stats { papers }`).join(' ')} }`;

  it('accepts up to the limit and rejects 1,000 aliases with one QUERY_TOO_COMPLEX', () => {
    expect(codesOf(aliases(30))).toEqual([]);
    expect(codesOf(aliases(31))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codesOf(aliases(1000))).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('Limits: operation cost', () => {
  const three =
    'query Q($n: Int) { papers(first: $n) { edges { node { methods(first: $n) { edges { node { papers(first: $n) { edges { node { id } } } } } } } } } }';

  it.each([
    ['a flat lookup', '{ paper(id: "1") { id title } }', undefined, 3],
    [
      'a page of 10 (each item counts)',
      '{ papers(first: 10) { edges { node { id } } } }',
      undefined,
      1 + 10 * 3,
    ],
    [
      'the schema default of `first` (search first = 10)',
      '{ search(query: "x") { id } }',
      undefined,
      1 + 10 * 1,
    ],
    ['assumedFirst (20) when no default', '{ papers { totalCount } }', undefined, 1 + 20],
    ['first from variables', 'query Q($n: Int) { papers(first: $n) { totalCount } }', { n: 7 }, 1 + 7],
    [
      'first clamped at maxFirst (the argument check reports it)',
      '{ papers(first: 100000) { totalCount } }',
      undefined,
      1 + 100,
    ],
  ])('costs %s', (_name, query, variables, expected) => {
    expect(cost(query, variables)).toBe(expected);
  });

  it('multiplies nested pages: first 100 three levels deep is far over the default budget', () => {
    const c = cost(three, { n: 100 })!;
    expect(c).toBeGreaterThan(DEFAULT_LIMITS.maxComplexity);
    expect(c).toBe(1 + 100 * (1 + 1 + (1 + 100 * (1 + 1 + (1 + 100 * (1 + 1 + 1))))));
    expect(cost(three, { n: 10 })!).toBeLessThan(DEFAULT_LIMITS.maxComplexity);
  });

  it('returns null when variables do not coerce (execution reports them)', () => {
    expect(cost(three, { n: 'lots' })).toBeNull();
  });
});
