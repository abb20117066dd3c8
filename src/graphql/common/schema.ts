// Builds the executable schema from the resolver classes (type-graphql). `reflect-metadata` must be
// imported once by the entry point before this module loads (src/server/*, scripts, tests).
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ConceptResolver } from '../concept/concept.resolver';
import { DatasetResolver } from '../dataset/dataset.resolver';
import { IngestResolver } from '../ingest/ingest.resolver';
import { MethodResolver } from '../method/method.resolver';
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
import { Paper } from '../paper/paper.type';
import { Repo } from '../repo/repo.type';
import { Task } from '../task/task.type';

let cached: Promise<GraphQLSchema> | undefined;

export const RESOLVERS = [
  NodeResolver,
  PaperResolver,
  MethodResolver,
  DatasetResolver,
  TaskResolver,
  ConceptResolver,
  RepoResolver,
  EvidenceResolver,
  PathResolver,
  SearchResolver,
  TrendingResolver,
  StatsResolver,
  IngestResolver,
] as const;

/** The schema (built once per process: type-graphql metadata is global). */
export function buildPapergraphSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    // Types reachable only through interfaces (Node, Entity) must be listed to appear in the schema.
    orphanedTypes: [Paper, Method, Dataset, Task, Concept, Repo],
    validate: false,
  });
  return cached;
}
