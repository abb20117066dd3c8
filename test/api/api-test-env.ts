// Helpers of the API integration tests: an executor on the test Neo4j (NEO4J_TEST_PORT), the schema
// (the project's migrations), the fixture graph (test/fixtures/api/graph.json) loaded in the graph-model
// shape, and an in-process Apollo server using the real schema, formatError, plugins and context.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Executor } from '../../src/db/executor';
import { migrate } from '../../src/db/migrations';
import { createContext, type GraphQLContext } from '../../src/graphql/common/context';
import type { IngestPort } from '../../src/graphql/common/ingest-port';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { normalizeName } from '../../src/names/normalize';
import { createApolloServer } from '../../src/server/apollo-server';
import type { JitExecutor } from '../../src/server/jit-executor';
import type { ServerLogger } from '../../src/server/http-server';
import { assertReachable, testExecutor as supportExecutor } from '../support/neo4j';
import {
  FIXTURE_CLEANUP,
  FIXTURE_ENTITIES,
  FIXTURE_PAPERS,
  FIXTURE_RELS,
  FIXTURE_REPOS,
} from './api-fixture.queries';

export const TEST_API_KEY = 'test-key-0123456789';

/**
 * An executor on the test server. The query time limit is raised well above the product default:
 * the shared test machine can be busy, and a cold server plans the first statements slowly.
 */
export function testExecutor(): Executor {
  return supportExecutor({ queryTimeoutMs: 60_000, connectionTimeoutMs: 10_000 });
}

/** Connects and applies the migrations (constraints, indexes, full-text indexes). */
export async function prepareDatabase(executor: Executor): Promise<void> {
  await assertReachable(executor);
  await migrate(executor);
}

interface FixtureEvidence {
  field: 'title' | 'abstract';
  mention: string;
  nth?: number;
}

interface FixtureRel {
  type: string;
  from: string;
  to: string;
  confidence: number;
  evidence: FixtureEvidence[];
  paperId?: string;
  relation?: string;
  source?: string;
  extractorVersion?: string;
  official?: boolean;
}

export interface FixtureGraph {
  papers: {
    id: string;
    title: string;
    abstract: string;
    published: string;
    year: number;
    url: string | null;
    authors: string[];
  }[];
  entities: {
    label: 'Method' | 'Dataset' | 'Task' | 'Concept';
    id: string;
    name: string;
    aliases: string[];
  }[];
  repos: { id: string; url: string; host: string; owner: string; name: string; stars: number }[];
  rels: FixtureRel[];
}

export function readFixture(): FixtureGraph {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'api', 'graph.json'), 'utf8'),
  ) as FixtureGraph;
}

/** Offsets of the nth occurrence of `mention` in `text`, and the sentence around it. */
export function locate(
  text: string,
  mention: string,
  nth = 1,
): { start: number; end: number; sentence: string } {
  let start = -1;
  for (let i = 0; i < nth; i += 1) start = text.indexOf(mention, start + 1);
  if (start < 0) throw new Error(`fixture: "${mention}" not found in "${text}"`);
  const end = start + mention.length;
  const before = text.lastIndexOf('. ', start);
  const sentenceStart = before < 0 ? 0 : before + 2;
  const after = text.indexOf('.', end);
  const sentenceEnd = after < 0 ? text.length : after + 1;
  return { start, end, sentence: text.slice(sentenceStart, sentenceEnd) };
}

export async function loadFixture(executor: Executor, graph: FixtureGraph = readFixture()): Promise<void> {
  await cleanFixture(executor, graph);
  const papers = new Map(graph.papers.map((p) => [p.id, p]));
  await executor.write(FIXTURE_PAPERS, {
    rows: graph.papers.map((p) => ({
      id: p.id,
      props: {
        ...p,
        extractorVersion: 'fixture-1',
        ingestedAt: '1999-01-01T00:00:00Z',
        sources: ['extracted'],
        links: [],
        linkKinds: [],
      },
    })),
  });
  for (const label of ['Method', 'Dataset', 'Task', 'Concept'] as const) {
    const rows = graph.entities
      .filter((e) => e.label === label)
      .map((e) => ({
        id: e.id,
        props: {
          name: e.name,
          aliases: e.aliases,
          keys: [...new Set([e.name, ...e.aliases].map(normalizeName))],
        },
      }));
    await executor.write(FIXTURE_ENTITIES[label], { rows });
  }
  await executor.write(FIXTURE_REPOS, { rows: graph.repos.map((r) => ({ id: r.id, props: r })) });
  for (const [type, cypher] of Object.entries(FIXTURE_RELS)) {
    const rows = graph.rels
      .filter((r) => r.type === type)
      .map((r) => {
        const paperId = r.paperId ?? r.from;
        const paper = papers.get(paperId);
        if (!paper) throw new Error(`fixture: no paper ${paperId}`);
        const evidence = r.evidence.map((e) => {
          const located = locate(paper[e.field], e.mention, e.nth);
          return { field: e.field, sentence: located.sentence, start: located.start, end: located.end };
        });
        const source = r.source ?? 'extracted';
        return {
          from: r.from,
          to: r.to,
          props: {
            source,
            paperId,
            extractorVersion: r.extractorVersion ?? 'fixture-1',
            confidence: r.confidence,
            rule: source === 'extracted' ? `fixture-${type.toLowerCase()}` : null,
            evidence: JSON.stringify(evidence),
            ...(r.relation ? { relation: r.relation } : {}),
            ...(r.official !== undefined ? { official: r.official } : {}),
          },
        };
      });
    if (rows.length > 0) await executor.write(cypher, { rows });
  }
}

export async function cleanFixture(executor: Executor, graph: FixtureGraph = readFixture()): Promise<void> {
  await executor.write(FIXTURE_CLEANUP, {
    paperIds: graph.papers.map((p) => p.id),
    ids: [...graph.entities.map((e) => e.id), ...graph.repos.map((r) => r.id)],
  });
}

export interface TestApi {
  apollo: ApolloServer<GraphQLContext>;
  /** Runs one operation in process (same schema, formatError, plugins and context as HTTP); returns `{ data, errors }`. */
  run(
    query: string,
    variables?: Record<string, unknown>,
    options?: { authorization?: string },
  ): Promise<{ data?: unknown; errors?: unknown[] }>;
  stop(): Promise<void>;
}

export const silentLogger: ServerLogger = {
  error: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};

export async function createTestApi(
  executor: Executor,
  ingest: IngestPort | null = null,
  logger = silentLogger,
  operations?: (schema: GraphQLSchema) => JitExecutor,
): Promise<TestApi> {
  const schema = await buildPapergraphSchema();
  const apollo = createApolloServer({ schema, logger, executor: operations?.(schema) });
  await apollo.start();
  const canWrite = (header: string | undefined) => header === `Bearer ${TEST_API_KEY}`;
  return {
    apollo,
    async run(query, variables, options = {}) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext({ executor, canWrite, ingest }, options.authorization) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      return { ...(data !== undefined ? { data } : {}), ...(errors ? { errors: [...errors] } : {}) };
    },
    stop: () => apollo.stop(),
  };
}
