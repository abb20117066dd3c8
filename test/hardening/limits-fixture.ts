// A small schema shaped like Papergraph's (connections with `first`, nested lists, a mutation taking
// an abstract) for testing the limit rules and plugins without a database.
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { buildSchema } from 'graphql';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { DEFAULT_LIMITS, type LimitsConfig } from '../../src/config/limits-config';
import {
  createLimitsPlugin,
  limitParseOptions,
  limitValidationRules,
} from '../../src/server/limits/limits.plugin';

export const typeDefs = /* GraphQL */ `
  type Query {
    papers(first: Int, after: String): PaperConnection!
    paper(id: ID!): Paper
    search(query: String!, first: Int = 10): [Paper!]!
    stats: Stats!
  }
  type Stats {
    papers: Int!
  }
  type PaperConnection {
    edges: [PaperEdge!]!
    totalCount: Int!
  }
  type PaperEdge {
    cursor: String!
    node: Paper!
  }
  type Paper {
    id: ID!
    title: String!
    abstract: String
    methods(first: Int): MethodConnection!
  }
  type MethodConnection {
    edges: [MethodEdge!]!
  }
  type MethodEdge {
    node: Method!
  }
  type Method {
    id: ID!
    name: String!
    papers(first: Int): PaperConnection!
    parents: [Method!]!
  }
  input PaperInput {
    title: String!
    abstract: String
  }
  type Mutation {
    ingestPapers(papers: [PaperInput!]!): Int!
  }
`;

export const schema = buildSchema(typeDefs);

const method = (i: number) => ({
  id: `method:m${i}`,
  name: `M${i}`,
  papers: () => page(2),
  parents: () => [],
});
const paper = (i: number) => ({
  id: `paper:${i}`,
  title: `Paper ${i}`,
  abstract: `Abstract ${i}`,
  methods: () => ({ edges: [{ node: method(i) }] }),
});
const page = (n: number) => ({
  edges: Array.from({ length: n }, (_, i) => ({ cursor: String(i), node: paper(i) })),
  totalCount: n,
});

export const resolvers = {
  Query: {
    papers: (_: unknown, args: { first?: number }) => page(Math.min(args.first ?? 3, 3)),
    paper: (_: unknown, args: { id: string }) => {
      if (args.id === 'missing') throw new AppError(ErrorCode.NOT_FOUND, 'No paper "missing".');
      return paper(Number(args.id.replace(/\D/g, '')) || 0);
    },
    search: () => [paper(1)],
    stats: () => ({ papers: 3 }),
  },
  Mutation: {
    ingestPapers: (_: unknown, args: { papers: unknown[] }) => args.papers.length,
  },
};

export function limits(overrides: Partial<LimitsConfig> = {}): LimitsConfig {
  return { ...DEFAULT_LIMITS, ...overrides };
}

export function testServer(
  config: LimitsConfig,
  plugins: ApolloServerPlugin<BaseContext>[] = [],
): ApolloServer {
  return new ApolloServer({
    typeDefs,
    resolvers,
    introspection: true,
    validationRules: limitValidationRules(config),
    parseOptions: limitParseOptions(config),
    plugins: [createLimitsPlugin(config), ...plugins],
  });
}

/** `{ a { b { c ... } } }` style query with `levels` nested field levels over Method.parents. */
export function nestedQuery(levels: number): string {
  // Query.paper(1) > methods(2) > edges(3) > node(4) > parents(5..levels-1) > name(levels)
  if (levels < 5) throw new Error('nestedQuery needs at least 5 levels');
  let inner = 'name';
  for (let i = 0; i < levels - 5; i += 1) inner = `parents { ${inner} }`;
  return `query Nested { paper(id: "1") { methods { edges { node { ${inner} } } } } }`;
}
