// The query mix: the same reads, with the same semantics and page sizes, for Papergraph (its public
// schema, CONTRACT.md), the @neo4j/graphql peer (its generated schema + the @cypher fields of
// peer.typedefs.ts) and the raw-Cypher baseline (raw.queries.ts). Targets are picked from the loaded
// graph deterministically: the most used entity ("popular") and the one at the 10th percentile of use
// ("medium"), lineage targets with bounded answers (bench.queries.ts); each query alternates between
// its two variable sets.
import { normalizeName } from '../../src/names/normalize';
import { toLuceneQuery } from '../../src/graphql/search/lucene-query';
import type { GraphQLRequest } from './load';
import {
  RAW_DATASET_PAPERS,
  RAW_LEADERBOARD,
  RAW_LINEAGE,
  RAW_LIST,
  RAW_LOOKUP,
  RAW_PAPER,
  RAW_PATH,
  RAW_SEARCH,
} from './raw.queries';

export interface Targets {
  methods: { id: string; name: string; uses: number }[];
  datasets: { id: string; name: string; uses: number }[];
  /** Lineage targets with bounded answers (see LINEAGE_TARGETS). */
  lineageMethods: { id: string; name: string }[];
  /** The method with parents and the most children, when it has more than the targets may (not a target). */
  lineageHub?: { id: string; name: string; children: number };
  /** Direct children of the mid-level lineage target. */
  lineageMidChildren?: number;
  paperIds: string[];
  /** Search text typed by a user: a method name with a typo-free prefix and a topic word. */
  searchTexts: string[];
  paths: { from: string; to: string }[];
  /** The leaderboard table's dataset and metric (graph-loader.ts LEADERBOARD_TABLE), when it is in the graph. */
  leaderboard?: { datasetId: string; metric: string; metricId: string; results: number; entrants: number };
}

export interface RawStatement {
  cypher: string;
  params: Record<string, unknown>;
}

export interface MixQuery {
  name: string;
  description: string;
  papergraph: GraphQLRequest[];
  peer: GraphQLRequest[];
  raw: RawStatement[];
  /**
   * False for a query timed on its own only, not in the mix (nor the Zipf workload): `leaderboard`,
   * added after the mix's history began, so the mix stays comparable across runs.
   */
  inMix?: boolean;
  /**
   * The answer reduced to what all three systems must agree on (the harness compares them before
   * timing anything): from each HTTP system's `data` and raw Cypher's rows. Without it, only the
   * shapes are printed side by side.
   */
  answer?: {
    papergraph: (data: unknown) => unknown;
    peer: (data: unknown) => unknown;
    raw: (rows: Record<string, unknown>[]) => unknown;
  };
}

type Obj = Record<string, unknown> | null | undefined;
const field = (o: unknown, key: string): unknown => (o as Obj)?.[key];

/** A leaderboard page as `{total, page: [[value, unit, date, method name, paper title], ...]}`. */
function leaderboardAnswer(total: unknown, entries: unknown): unknown {
  return {
    total: Number(total),
    page: ((entries ?? []) as unknown[]).map((e) => [
      field(e, 'value') ?? null,
      field(e, 'unit') ?? null,
      field(e, 'date') ?? null,
      field(field(e, 'method'), 'name') ?? null,
      field(field(e, 'paper'), 'title') ?? null,
    ]),
  };
}

/**
 * A lineage answer (Papergraph's `Lineage`, the peer's field, raw Cypher's after rawAnswer (raw-answer.ts)) as
 * `{truncated, nodes: [id], edges: [[from id, to id, depth, relation, [[sentence, confidence]]]]}`: the
 * same methods in the same order (the method first), the same edges in the lineage order (depth, child
 * name, parent name), each with its smallest depth, the relation of its most confident relationship and
 * the evidence of all its relationships (most confident first, each mention once).
 */
function lineageAnswer(lineage: unknown): unknown {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return {
    truncated: field(lineage, 'truncated') ?? null,
    nodes: list(field(lineage, 'nodes')).map((n) => field(n, 'id') ?? null),
    edges: list(field(lineage, 'edges')).map((e) => [
      field(field(e, 'from'), 'id') ?? null,
      field(field(e, 'to'), 'id') ?? null,
      Number(field(e, 'depth')),
      field(e, 'relation') ?? null,
      list(field(e, 'evidence')).map((x) => [field(x, 'sentence') ?? null, field(x, 'confidence') ?? null]),
    ]),
  };
}

/** Both directions of a lineage request. */
export function lineagePair(method: unknown): unknown {
  return {
    ancestors: lineageAnswer(field(method, 'ancestors')),
    descendants: lineageAnswer(field(method, 'descendants')),
  };
}

const PG_LOOKUP = /* GraphQL */ `
  query Lookup($name: String!) {
    method(name: $name) {
      id
      name
      aliases
      papers(role: USED, first: 20) {
        totalCount
        edges {
          node {
            id
            title
            year
          }
        }
      }
    }
  }
`;
const PEER_LOOKUP = /* GraphQL */ `
  query Lookup($key: String!) {
    methods(where: { keys: { includes: $key } }, limit: 1) {
      id
      name
      aliases
      usedInConnection(first: 20, sort: [{ node: { published: DESC } }]) {
        totalCount
        edges {
          node {
            id
            title
            year
          }
        }
      }
    }
  }
`;

const PG_PAPER = /* GraphQL */ `
  query PaperPage($id: ID!) {
    paper(id: $id) {
      id
      title
      abstract
      year
      authors
      methods(first: 20) {
        edges {
          node {
            id
            name
          }
        }
      }
      datasets(first: 20) {
        edges {
          node {
            id
            name
          }
        }
      }
      tasks(first: 20) {
        edges {
          node {
            id
            name
          }
        }
      }
      repos(first: 20) {
        edges {
          node {
            id
            url
            stars
          }
        }
      }
    }
  }
`;
const PEER_PAPER = /* GraphQL */ `
  query PaperPage($id: ID!) {
    papers(where: { id: { eq: $id } }) {
      id
      title
      abstract
      year
      authors
      introducesMethods(limit: 20, sort: [{ name: ASC }]) {
        id
        name
      }
      usesMethods(limit: 20, sort: [{ name: ASC }]) {
        id
        name
      }
      introducesDatasets(limit: 20, sort: [{ name: ASC }]) {
        id
        name
      }
      evaluatesOn(limit: 20, sort: [{ name: ASC }]) {
        id
        name
      }
      addresses(limit: 20, sort: [{ name: ASC }]) {
        id
        name
      }
      repos(limit: 20) {
        id
        url
        stars
      }
    }
  }
`;

const PG_LIST = /* GraphQL */ `
  query PaperList {
    papers(first: 50, orderBy: { field: YEAR, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          title
          year
          methods(first: 10) {
            edges {
              node {
                id
                name
              }
            }
          }
          datasets(first: 10) {
            edges {
              node {
                id
                name
              }
            }
          }
          tasks(first: 10) {
            edges {
              node {
                id
                name
              }
            }
          }
          repos(first: 10) {
            edges {
              node {
                id
                url
              }
            }
          }
        }
      }
    }
  }
`;
const PEER_LIST = /* GraphQL */ `
  query PaperList {
    papersConnection(first: 50, sort: [{ published: DESC }]) {
      totalCount
      edges {
        node {
          id
          title
          year
          introducesMethods(limit: 10, sort: [{ name: ASC }]) {
            id
            name
          }
          usesMethods(limit: 10, sort: [{ name: ASC }]) {
            id
            name
          }
          evaluatesOn(limit: 10, sort: [{ name: ASC }]) {
            id
            name
          }
          addresses(limit: 10, sort: [{ name: ASC }]) {
            id
            name
          }
          repos(limit: 10) {
            id
            url
          }
        }
      }
    }
  }
`;

export const PG_LINEAGE = /* GraphQL */ `
  query Lineage($id: ID!, $first: Int) {
    method(id: $id) {
      id
      name
      ancestors: lineage(direction: ANCESTORS, maxDepth: 3, first: $first) {
        truncated
        nodes {
          id
          name
        }
        edges {
          from {
            id
            name
          }
          to {
            id
            name
          }
          relation
          depth
          evidence {
            sentence
            confidence
          }
        }
      }
      descendants: lineage(direction: DESCENDANTS, maxDepth: 3, first: $first) {
        truncated
        nodes {
          id
          name
        }
        edges {
          from {
            id
            name
          }
          to {
            id
            name
          }
          relation
          depth
          evidence {
            sentence
            confidence
          }
        }
      }
    }
  }
`;
const PEER_LINEAGE = /* GraphQL */ `
  query Lineage($id: ID!, $first: Int) {
    methods(where: { id: { eq: $id } }) {
      id
      name
      ancestors: lineage(direction: "ANCESTORS", maxDepth: 3, first: $first) {
        truncated
        nodes {
          id
          name
        }
        edges {
          from {
            id
            name
          }
          to {
            id
            name
          }
          relation
          depth
          evidence {
            sentence
            confidence
          }
        }
      }
      descendants: lineage(direction: "DESCENDANTS", maxDepth: 3, first: $first) {
        truncated
        nodes {
          id
          name
        }
        edges {
          from {
            id
            name
          }
          to {
            id
            name
          }
          relation
          depth
          evidence {
            sentence
            confidence
          }
        }
      }
    }
  }
`;

const PG_DATASET = /* GraphQL */ `
  query DatasetPapers($name: String!) {
    dataset(name: $name) {
      id
      name
      papers(role: USED, first: 20) {
        totalCount
        edges {
          node {
            id
            title
            methods(first: 10) {
              edges {
                node {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;
const PEER_DATASET = /* GraphQL */ `
  query DatasetPapers($key: String!) {
    datasets(where: { keys: { includes: $key } }, limit: 1) {
      id
      name
      evaluatedInConnection(first: 20, sort: [{ node: { published: DESC } }]) {
        totalCount
        edges {
          node {
            id
            title
            introducesMethods(limit: 10, sort: [{ name: ASC }]) {
              id
              name
            }
            usesMethods(limit: 10, sort: [{ name: ASC }]) {
              id
              name
            }
          }
        }
      }
    }
  }
`;

const PG_SEARCH = /* GraphQL */ `
  query Search($query: String!) {
    search(query: $query, first: 10) {
      score
      node {
        id
        ... on Paper {
          title
        }
        ... on Method {
          name
        }
        ... on Dataset {
          name
        }
        ... on Task {
          name
        }
        ... on Concept {
          name
        }
      }
    }
  }
`;
const PEER_SEARCH = /* GraphQL */ `
  query Search($query: String!) {
    search(query: $query, first: 10) {
      score
      id
      label
      name
    }
  }
`;

const PG_PATH = /* GraphQL */ `
  query PathBetween($from: ID!, $to: ID!) {
    path(from: $from, to: $to, maxLength: 4) {
      length
      nodes {
        id
      }
    }
  }
`;
const PEER_PATH = /* GraphQL */ `
  query PathBetween($from: ID!, $to: ID!) {
    path(from: $from, to: $to, maxLength: 4) {
      length
      nodes {
        id
        name
      }
      relationships
    }
  }
`;

const PG_LEADERBOARD = /* GraphQL */ `
  query Leaderboard($id: ID!, $metric: String!) {
    dataset(id: $id) {
      leaderboard(metric: $metric, first: 20) {
        totalCount
        edges {
          node {
            value
            unit
            date
            method {
              name
            }
            paper {
              title
            }
          }
        }
      }
    }
  }
`;
const PEER_LEADERBOARD = /* GraphQL */ `
  query Leaderboard($id: ID!, $metricId: ID!) {
    datasets(where: { id: { eq: $id } }) {
      leaderboard(metricId: $metricId, first: 20) {
        totalCount
        entries {
          value
          unit
          date
          method {
            name
          }
          paper {
            title
          }
        }
      }
    }
  }
`;

/** Leaderboard page size: the first 20 entrants, as a leaderboard page shows them. */
export const LEADERBOARD_FIRST = 20;

/**
 * Lineage page size: the first 50 edges each way, as a lineage view shows them (`truncated` says more
 * follow). A hub's whole depth-3 tree is thousands of edges at 100k papers: not an interactive answer.
 */
export const LINEAGE_FIRST = 50;

/** The popular and the medium entity of a ranking (most used first). */
export function popularAndMedium<T>(ranked: T[]): T[] {
  return [ranked[0], ranked[Math.floor(ranked.length * 0.1)]];
}

export function buildMix(t: Targets): MixQuery[] {
  const methods = popularAndMedium(t.methods);
  const datasets = popularAndMedium(t.datasets);
  const lucene = t.searchTexts.map((s) => toLuceneQuery(s) ?? s);
  return [
    {
      name: 'lookup',
      description: 'method by name (normalized, any alias) with its 20 newest using papers + totalCount',
      papergraph: methods.map((m) => ({ query: PG_LOOKUP, variables: { name: m.name } })),
      peer: methods.map((m) => ({ query: PEER_LOOKUP, variables: { key: normalizeName(m.name) } })),
      raw: methods.map((m) => ({ cypher: RAW_LOOKUP, params: { key: normalizeName(m.name) } })),
    },
    {
      name: 'paper',
      description: 'paper page: fields + methods, datasets, tasks, repos',
      papergraph: t.paperIds.map((id) => ({ query: PG_PAPER, variables: { id: `paper:${id}` } })),
      peer: t.paperIds.map((id) => ({ query: PEER_PAPER, variables: { id } })),
      raw: t.paperIds.map((id) => ({ cypher: RAW_PAPER, params: { id } })),
    },
    {
      name: 'list50',
      description: '50 newest papers + totalCount, each with methods, datasets, tasks, repos (10 each)',
      papergraph: [{ query: PG_LIST, variables: {} }],
      peer: [{ query: PEER_LIST, variables: {} }],
      raw: [{ cypher: RAW_LIST, params: {} }],
    },
    {
      name: 'lineage',
      description:
        'ancestors and descendants to depth 3, first 50 edges each, with relation, depth and evidence',
      papergraph: t.lineageMethods.map((m) => ({
        query: PG_LINEAGE,
        variables: { id: m.id, first: LINEAGE_FIRST },
      })),
      peer: t.lineageMethods.map((m) => ({
        query: PEER_LINEAGE,
        variables: { id: m.id, first: LINEAGE_FIRST },
      })),
      raw: t.lineageMethods.map((m) => ({ cypher: RAW_LINEAGE, params: { id: m.id, first: LINEAGE_FIRST } })),
      answer: {
        papergraph: (data: unknown) => lineagePair(field(data, 'method')),
        peer: (data: unknown) => lineagePair((field(data, 'methods') as unknown[] | undefined)?.[0]),
        // the rows after rawAnswer (raw-answer.ts): each direction already in Papergraph's shape
        raw: (rows: Record<string, unknown>[]) => lineagePair(rows[0]),
      },
    },
    {
      name: 'dataset',
      description: 'dataset by name -> 20 newest evaluating papers -> their methods',
      papergraph: datasets.map((d) => ({ query: PG_DATASET, variables: { name: d.name } })),
      peer: datasets.map((d) => ({ query: PEER_DATASET, variables: { key: normalizeName(d.name) } })),
      raw: datasets.map((d) => ({ cypher: RAW_DATASET_PAPERS, params: { key: normalizeName(d.name) } })),
    },
    {
      name: 'search',
      description: "full-text search (entity_search; Papergraph's typo-tolerant Lucene query), top 10",
      papergraph: t.searchTexts.map((q) => ({ query: PG_SEARCH, variables: { query: q } })),
      peer: lucene.map((q) => ({ query: PEER_SEARCH, variables: { query: q } })),
      raw: lucene.map((q) => ({ cypher: RAW_SEARCH, params: { query: q, first: 10 } })),
    },
    {
      name: 'path',
      description: 'shortest path (<= 4 hops, any relationship) from a method to a dataset',
      papergraph: t.paths.map((p) => ({ query: PG_PATH, variables: p })),
      peer: t.paths.map((p) => ({ query: PEER_PATH, variables: p })),
      raw: t.paths.map((p) => ({ cypher: RAW_PATH, params: p })),
    },
    ...(t.leaderboard
      ? [
          {
            name: 'leaderboard',
            description: `a dataset's leaderboard (${t.leaderboard.results} results, ${t.leaderboard.entrants} entrants): best result per method by the metric's direction, first ${LEADERBOARD_FIRST} + totalCount`,
            inMix: false,
            papergraph: [
              {
                query: PG_LEADERBOARD,
                variables: { id: t.leaderboard.datasetId, metric: t.leaderboard.metric },
              },
            ],
            // the peer and raw Cypher are given the metric's id (client-side, as the peer's lookups get keys)
            peer: [
              {
                query: PEER_LEADERBOARD,
                variables: { id: t.leaderboard.datasetId, metricId: t.leaderboard.metricId },
              },
            ],
            raw: [
              {
                cypher: RAW_LEADERBOARD,
                params: {
                  dataset: t.leaderboard.datasetId,
                  metric: t.leaderboard.metricId,
                  first: LEADERBOARD_FIRST,
                },
              },
            ],
            answer: {
              papergraph: (data: unknown) => {
                const lb = field(field(data, 'dataset'), 'leaderboard');
                return leaderboardAnswer(
                  field(lb, 'totalCount'),
                  ((field(lb, 'edges') ?? []) as unknown[]).map((e) => field(e, 'node')),
                );
              },
              peer: (data: unknown) => {
                const lb = field((field(data, 'datasets') as unknown[] | undefined)?.[0], 'leaderboard');
                return leaderboardAnswer(field(lb, 'totalCount'), field(lb, 'entries'));
              },
              // RAW_LEADERBOARD's page items carry the method's name and the paper's title as strings
              raw: (rows: Record<string, unknown>[]) =>
                leaderboardAnswer(
                  rows[0]?.total,
                  ((rows[0]?.page ?? []) as unknown[]).map((e) => ({
                    ...(e as Record<string, unknown>),
                    method: field(e, 'method') == null ? null : { name: field(e, 'method') },
                    paper: { title: field(e, 'paper') },
                  })),
                ),
            },
          },
        ]
      : []),
  ];
}

/** A seeded PRNG (mulberry32): the same draws for every system and every run of one seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with P(rank k) proportional to 1/(k+1)^s (inverse CDF over the precomputed sums). */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / Math.pow(k + 1, s);
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const ZIPF_S = 1.1;

/** One request of the skewed workload, the same target for every system. */
export interface ZipfRequest {
  name: string;
  papergraph: GraphQLRequest;
  peer: GraphQLRequest;
  raw: RawStatement;
}

/**
 * The skewed workload: the same query mix, one query after another in mix order, each with its targets
 * drawn Zipf (s = 1.1) over ALL methods and datasets by popularity rank (most used first) - lookup,
 * lineage and search by a method, dataset by a dataset, path from a method to a dataset; the paper page
 * and the paper list keep their fixed targets. Deterministic for a seed.
 */
export function buildZipfRequests(t: Targets, count: number, seed: number): ZipfRequest[] {
  const random = seededRandom(seed);
  const method = zipfSampler(t.methods.length, ZIPF_S, random);
  const dataset = zipfSampler(t.datasets.length, ZIPF_S, random);
  const word = (name: string) => name.split(/[-\s]/)[0].toLowerCase();
  const out: ZipfRequest[] = [];
  const names = buildMix(t)
    .filter((q) => q.inMix !== false)
    .map((q) => q.name);
  for (let i = 0; out.length < count; i++) {
    const m = t.methods[method()];
    const d = t.datasets[dataset()];
    const one = buildMix({
      ...t,
      methods: [m],
      datasets: [d],
      lineageMethods: [{ id: m.id, name: m.name }],
      paperIds: [t.paperIds[i % t.paperIds.length]],
      searchTexts: [`${word(m.name)} learning`],
      paths: [{ from: m.id, to: d.id }],
    });
    const q = one.find((x) => x.name === names[i % names.length])!;
    out.push({ name: q.name, papergraph: q.papergraph[0], peer: q.peer[0], raw: q.raw[0] });
  }
  return out;
}
