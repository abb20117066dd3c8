// Builds the executable schema from the resolver classes (type-graphql). `reflect-metadata` must be
// imported once by the entry point before this module loads (src/server/*, scripts, tests).
import { buildSchema } from 'type-graphql';
import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { ConceptResolver } from '../concept/concept.resolver';
import { CurationResolver } from '../curation/curation.resolver';
import { DatasetResolver } from '../dataset/dataset.resolver';
import { IngestResolver } from '../ingest/ingest.resolver';
import { MethodResolver } from '../method/method.resolver';
import { MetricResolver } from '../metric/metric.resolver';
import { NodeResolver } from '../node/node.resolver';
import { PaperResolver } from '../paper/paper.resolver';
import { PathResolver } from '../path/path.resolver';
import { RepoResolver } from '../repo/repo.resolver';
import { SearchResolver } from '../search/search.resolver';
import { StatsResolver } from '../stats/stats.resolver';
import { TaskResolver } from '../task/task.resolver';
import { TrendingResolver } from '../trending/trending.resolver';
import { EvidenceResolver } from './evidence.resolver';
import { Concept } from '../concept/concept.type';
import { Dataset } from '../dataset/dataset.type';
import { Method } from '../method/method.type';
import { Metric } from '../metric/metric.type';
import { Paper } from '../paper/paper.type';
import { Repo } from '../repo/repo.type';
import { Result } from '../result/result.type';
import { Task } from '../task/task.type';

let cached: Promise<GraphQLSchema> | undefined;

export const RESOLVERS = [
  NodeResolver,
  PaperResolver,
  MethodResolver,
  DatasetResolver,
  TaskResolver,
  ConceptResolver,
  MetricResolver,
  RepoResolver,
  EvidenceResolver,
  PathResolver,
  SearchResolver,
  TrendingResolver,
  StatsResolver,
  IngestResolver,
  CurationResolver,
] as const;

/** type-graphql has no option for root type descriptions; set them on the built schema. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Papergraph: a knowledge graph of machine-learning research (papers, methods, datasets, tasks, concepts, code and method lineage). Look things up by id or name, list and filter, traverse lineage and paths, search.';
  }
  const mutation = schema.getMutationType();
  if (mutation)
    mutation.description =
      'Writes to the graph. Every mutation requires `Authorization: Bearer <key>`: `ingestPapers` a key from PAPERGRAPH_API_KEYS, the curation mutations one from PAPERGRAPH_CURATOR_KEYS.';
  return schema;
}

/**
 * Every model carries `__typename` (models.ts), which is what the interfaces' resolveType returns; but
 * type-graphql wraps each resolveType in an async function, so every Node/Entity value would cost a
 * promise, and graphql-jit (jit-executor.ts) needs the type synchronously. Read it directly.
 */
function resolveTypesByTypename(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type)) type.resolveType = (value: { __typename: string }) => value.__typename;
  }
  return schema;
}

/** The schema (built once per process: type-graphql metadata is global). */
export function buildPapergraphSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    // Types reachable only through interfaces (Node, Entity) must be listed to appear in the schema.
    orphanedTypes: [Paper, Method, Dataset, Task, Concept, Repo, Metric, Result],
    validate: false,
  })
    .then(resolveTypesByTypename)
    .then(describeRoots);
  return cached;
}
