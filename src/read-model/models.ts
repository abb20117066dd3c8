// Plain data objects that resolvers return. Each carries `__typename` (the GraphQL object type), so
// the `Node` and `Entity` interfaces resolve without instanceof checks; services build them from rows.

export type EntityTypeName = 'Method' | 'Dataset' | 'Task' | 'Concept';
export type NodeTypeName = 'Paper' | EntityTypeName | 'Repo';

/** One evidence item of an extracted relationship, with the relationship's provenance. */
export interface EvidenceModel {
  field: string;
  sentence: string;
  start: number | null;
  end: number | null;
  paperId: string | null;
  confidence: number | null;
  extractorVersion: string | null;
  source: string | null;
  rule: string | null;
  /** A link a curator gave as evidence (`curated` relationships). */
  url?: string | null;
}

export interface PaperModel {
  __typename: 'Paper';
  /** GraphQL id `paper:<bare id>`. */
  id: string;
  /** Bare paper id (the `id` property of `:Paper`). */
  key: string;
  title: string;
  abstract: string | null;
  url: string | null;
  arxivId: string | null;
  doi: string | null;
  published: string | null;
  year: number | null;
  authors: string[];
  links: string[];
  linkKinds: string[];
  extractorVersion: string | null;
  ingestedAt: string | null;
  sources: string[];
}

export interface EntityModel {
  __typename: EntityTypeName;
  id: string;
  key: string;
  name: string;
  aliases: string[];
  fullName: string | null;
  description: string | null;
  url: string | null;
  collections: string[];
}

export interface RepoModel {
  __typename: 'Repo';
  id: string;
  key: string;
  url: string;
  host: string | null;
  owner: string | null;
  name: string;
  stars: number | null;
  framework: string | null;
}

export type NodeModel = PaperModel | EntityModel | RepoModel;

/** A metric (`Metric` node): an entity of its own with a direction. */
export interface MetricModel {
  __typename: 'Metric';
  id: string;
  key: string;
  name: string;
  aliases: string[];
  /** true: higher is better; false: lower is better; null: unknown. */
  higherIsBetter: boolean | null;
}

/** A score a paper reports (`Result` node) with the nodes it links to. */
export interface ResultModel {
  __typename: 'Result';
  id: string;
  key: string;
  value: number;
  unit: string | null;
  rawValue: string | null;
  modelName: string | null;
  date: string | null;
  source: string;
  confidence: number | null;
  evidence: EvidenceModel[];
  metric: MetricModel;
  dataset: EntityModel;
  method: EntityModel | null;
  task: EntityModel | null;
  paper: PaperModel;
}

/** A page of results (`ResultConnection`) before cursors are attached. */
export interface ResultPageModel {
  total: number;
  items: ResultModel[];
}

/** A relationship between a parent and the edge's node, aggregated over sources and papers. */
export interface EdgeDataModel {
  role: 'INTRODUCED' | 'USED' | null;
  relation: string | null;
  relations: string[];
  confidence: number | null;
  source: string | null;
  sources: string[];
  paperCount: number | null;
  evidence: EvidenceModel[];
}

export interface EdgeModel<T> extends EdgeDataModel {
  cursor: string;
  node: T;
}

export interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionModel<T> {
  edges: EdgeModel<T>[];
  nodes: T[];
  pageInfo: PageInfoModel;
  totalCount: number;
}
