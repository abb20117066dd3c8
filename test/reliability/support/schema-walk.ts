// Walks the served schema (by introspection) and lists every place a client string can go: each
// String/ID argument of Query and Mutation fields, each String/ID field of their input objects (at
// any depth, inside lists too), and string arguments of nested fields reachable from a top-level
// list. Each target comes with a ready operation and variables that put a given string there, with
// every other required argument filled with a harmless valid value. New fields are covered
// automatically.
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { gql } from './http-client';

export interface StringTarget {
  /** e.g. `Query.search(query)`, `Mutation.ingestPapers(papers[0].title)`, `Query.methods > Method.papers(after)`. */
  label: string;
  operation: 'query' | 'mutation';
  build(value: string): { query: string; variables: Record<string, unknown> };
}

export async function fetchSchema(url: string): Promise<GraphQLSchema> {
  const res = await gql(url, getIntrospectionQuery());
  return buildClientSchema(res.body.data as IntrospectionQuery);
}

type Path = (string | number)[];

const isStringScalar = (t: GraphQLInputType) => {
  const named = getNamedType(t);
  return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
};

/** A harmless valid value for a (possibly required) input type; undefined for optional ones. */
function filler(type: GraphQLInputType, required = isNonNullType(type)): unknown {
  if (!required) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [filler(inner.ofType, true)];
  if (isScalarType(inner)) {
    if (inner.name === 'Int') return 1;
    if (inner.name === 'Float') return 0.5;
    if (inner.name === 'Boolean') return false;
    return 'probe';
  }
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      const v = filler(f.type, isNonNullType(f.type));
      if (v !== undefined) out[f.name] = v;
    }
    return out;
  }
  return undefined;
}

/** Every path inside an argument value where a string goes. */
function stringPaths(type: GraphQLInputType, seen: Set<string> = new Set()): Path[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return stringPaths(inner.ofType, seen).map((p) => [0, ...p]);
  if (isStringScalar(inner)) return [[]];
  if (isInputObjectType(inner)) {
    if (seen.has(inner.name)) return [];
    const next = new Set(seen).add(inner.name);
    return Object.values(inner.getFields()).flatMap((f) =>
      stringPaths(f.type, next).map((p) => [f.name, ...p]),
    );
  }
  return [];
}

/** The argument's value with `value` at `path` (structure built from fillers). */
function valueWithString(type: GraphQLInputType, path: Path, value: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (path.length === 0) return value;
  if (isListType(inner)) return [valueWithString(inner.ofType, path.slice(1), value)];
  if (isInputObjectType(inner)) {
    const base = (filler(inner, true) as Record<string, unknown>) ?? {};
    const field = inner.getFields()[String(path[0])];
    return { ...base, [field.name]: valueWithString(field.type, path.slice(1), value) };
  }
  return value;
}

function selectionFor(field: GraphQLField<unknown, unknown>): string {
  return isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
}

function pathLabel(path: Path): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

interface Hop {
  field: GraphQLField<unknown, unknown>;
  /** `(first: 1)` etc.: literal arguments for this hop. */
  args: string;
}

/** One field call with every argument as a variable `$<prefix><i>`. */
function callWithVariables(field: GraphQLField<unknown, unknown>, prefix: string) {
  const defs = field.args.map((a, i) => `$${prefix}${i}: ${String(a.type)}`);
  const call =
    field.args.length > 0 ? `(${field.args.map((a, i) => `${a.name}: $${prefix}${i}`).join(', ')})` : '';
  return { defs, call };
}

function targetsOnField(
  operation: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  wrap: (inner: string) => string,
  labelPrefix: string,
  parentName: string,
): StringTarget[] {
  const out: StringTarget[] = [];
  field.args.forEach((arg: GraphQLArgument, index) => {
    for (const path of stringPaths(arg.type)) {
      out.push({
        label: `${labelPrefix}${parentName}.${field.name}(${arg.name}${path.length ? (typeof path[0] === 'number' ? '' : '.') + pathLabel(path) : ''})`,
        operation,
        build(value) {
          const { defs, call } = callWithVariables(field, 'v');
          const variables: Record<string, unknown> = {};
          field.args.forEach((a, i) => {
            const v = i === index ? valueWithString(a.type, path, value) : filler(a.type);
            if (v !== undefined) variables[`v${i}`] = v;
          });
          // `first: 1` keeps nested probes cheap when the field pages
          const query = `${operation} Probe(${defs.join(', ')}) { ${wrap(`${field.name}${call}${selectionFor(field)}`)} }`;
          return { query, variables };
        },
      });
    }
  });
  return out;
}

/** Literal arguments that let a hop run without variables (only optional args, `first: 1` when paged). */
function hopArgs(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return null;
  return field.args.some((a) => a.name === 'first') ? '(first: 1)' : '';
}

export function stringTargets(schema: GraphQLSchema): StringTarget[] {
  const targets: StringTarget[] = [];
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [operation, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()))
      targets.push(...targetsOnField(operation, field, (s) => s, '', root.name));
  }
  // Nested string arguments: reach each object type through top-level fields without required
  // arguments (lists with `first: 1`), breadth first, and probe its string arguments there.
  const query = schema.getQueryType()!;
  const reached = new Map<string, Hop[]>();
  const queue: { type: GraphQLObjectType; hops: Hop[] }[] = [{ type: query, hops: [] }];
  while (queue.length > 0) {
    const { type, hops } = queue.shift()!;
    if (hops.length > 4) continue;
    for (const field of Object.values(type.getFields())) {
      const args = hopArgs(field);
      if (args === null) continue;
      const named = getNamedType(field.type);
      if (!isObjectType(named) || reached.has(named.name) || named === query) continue;
      const next = [...hops, { field, args }];
      reached.set(named.name, next);
      queue.push({ type: named, hops: next });
    }
  }
  for (const [typeName, hops] of reached) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => stringPaths(a.type).length > 0)) continue;
      const wrap = (inner: string) =>
        hops.reduceRight((acc, hop) => `${hop.field.name}${hop.args} { ${acc} }`, inner);
      const via = hops.map((h) => h.field.name).join('.');
      targets.push(...targetsOnField('query', field, wrap, `Query.${via} > `, typeName));
    }
  }
  return targets;
}
