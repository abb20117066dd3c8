// Type definitions of the benchmark's peer: the same labels, relationship types and properties as
// docs/GRAPH-MODEL.md, written the way @neo4j/graphql v7 documents them (`@node`, `@relationship` with
// `@relationshipProperties` types for provenance). Where the library has no native equivalent of a
// Papergraph traversal (variable-length lineage, shortest path, full-text search over several labels),
// a `@cypher` field does the work in one statement, as the library's docs recommend for custom logic.

import { LEADERBOARD_RANKING } from '../raw.queries';

/** The deepest lineage the peer's `lineage` field serves (Papergraph's own bound is checked the same way). */
export const PEER_MAX_LINEAGE_DEPTH = 10;
/** The longest path the peer's `path` field searches. */
export const PEER_MAX_PATH_LENGTH = 10;

/**
 * Variable-length bounds cannot be Cypher parameters, so the lineage statement has one branch per
 * (direction, depth) and a parameter guard picks the one that runs; the others are filtered out before
 * any expansion. Edges are reported once per (child, parent) pair with all their evidence, at the
 * smallest depth they are reached, in Papergraph's order (depth, child name, parent name). With
 * `first`, the same bounded page as Papergraph's (loaders/lineage.queries.ts lineagePageClauses): the
 * lineage grows one depth at a time and stops at the first depth holding more than `first` edges; level
 * 1 reads the method's own relationships and each level keeps its first `first + 1` edges.
 */
function lineageStatement(): string {
  const level = (depth: number): string => {
    const branches = (
      [
        [
          'ANCESTORS',
          depth === 1 ? '(this)-[r1:BUILDS_ON]->(:Method)' : `(this)-[rels:BUILDS_ON*1..${depth}]->(:Method)`,
        ],
        [
          'DESCENDANTS',
          depth === 1 ? '(this)<-[r1:BUILDS_ON]-(:Method)' : `(this)<-[rels:BUILDS_ON*1..${depth}]-(:Method)`,
        ],
      ] as const
    ).map(
      ([direction, pattern]) =>
        `    WITH this\n    WITH this WHERE $direction = '${direction}'\n    MATCH ${pattern}\n` +
        (depth === 1
          ? `    RETURN r1 AS r, 1 AS depth`
          : `    UNWIND range(0, size(rels) - 1) AS i\n    RETURN rels[i] AS r, i + 1 AS depth`),
    );
    const guard =
      depth === 1
        ? 'WITH this'
        : `WITH this, l${depth - 1}\n  WITH this WHERE $maxDepth >= ${depth} AND ($first IS NULL OR size(l${depth - 1}) <= $first)`;
    return `CALL {
  ${guard}
  CALL {
${branches.join('\n    UNION ALL\n')}
  }
  WITH startNode(r) AS child, endNode(r) AS parent, min(depth) AS depth, collect(DISTINCT r) AS rs
  WITH child, parent, depth, rs ORDER BY depth, toLower(child.name), toLower(parent.name)
  LIMIT coalesce($first, 1000000000) + 1
  RETURN collect({child: child, parent: parent, depth: depth, rs: rs}) AS within${depth}
}`;
  };
  const levels = [`${level(1)}\nWITH this, within1 AS l1`];
  for (let d = 2; d <= PEER_MAX_LINEAGE_DEPTH; d++)
    levels.push(
      `${level(d)}\nWITH this, CASE WHEN $maxDepth < ${d} OR ($first IS NOT NULL AND size(l${d - 1}) > $first) THEN l${d - 1} ELSE within${d} END AS l${d}`,
    );
  const last = `l${PEER_MAX_LINEAGE_DEPTH}`;
  return `${levels.join('\n')}
WITH CASE WHEN $first IS NULL THEN ${last} ELSE ${last}[..$first] END AS page,
  $first IS NOT NULL AND size(${last}) > $first AS truncated
WITH this, truncated, [e IN page | {e: e, rs: apoc.coll.sortMulti([r IN e.rs | r { .relation, .paperId, .source, .evidence, confidence: coalesce(r.confidence, 0.0), c: r.confidence }], ['confidence', '^paperId', '^relation', '^source'])}] AS page
WITH this, truncated, [p IN page | {
  from: {id: p.e.child.id, name: p.e.child.name},
  to: {id: p.e.parent.id, name: p.e.parent.name},
  relation: head([r IN p.rs WHERE r.relation IS NOT NULL | r.relation]),
  depth: p.e.depth,
  evidence: reduce(acc = [], r IN p.rs | acc + [x IN apoc.convert.fromJsonList(coalesce(r.evidence, '[]')) | { sentence: coalesce(x.sentence, ''), confidence: r.c, key: [r.paperId, coalesce(x.field, 'abstract'), x.start, x.end, coalesce(x.sentence, '')] }])
}] AS edges
// each mention once (the same mention in the same paper backing two relationships), first kept
WITH this, truncated, [e IN edges | e { .from, .to, .relation, .depth,
  evidence: [i IN range(0, size(e.evidence) - 1) WHERE NOT e.evidence[i].key IN [j IN range(0, i - 1) | e.evidence[j].key] | {sentence: e.evidence[i].sentence, confidence: e.evidence[i].confidence}] }] AS edges
// the method first, then each edge's child and parent as they first appear (Papergraph's nodes)
WITH truncated, edges, reduce(ns = [{id: this.id, name: this.name}], e IN edges | ns + [x IN [e.from, e.to] WHERE NOT x IN ns | x][..CASE WHEN e.from = e.to THEN 1 ELSE 2 END]) AS nodes
RETURN { nodes: nodes, edges: edges, truncated: truncated } AS lineage`;
}

/**
 * A dataset's leaderboard (`this`) for one metric: the library has no "best row per group" (its sorts
 * and aggregations cannot pick each method's best result by a metric's direction), so one statement
 * does it, the same read as the raw baseline (raw.queries.ts RAW_LEADERBOARD, whose ranking it shares).
 */
function leaderboardStatement(): string {
  return `MATCH (this)<-[:ON_DATASET]-(r:Result)-[:BY_METRIC]->(mt:Metric {id: $metricId})
${LEADERBOARD_RANKING}
RETURN { totalCount: size(ranked), entries: [b IN ranked[..$first] | {
  value: b.r.value, unit: b.r.unit, date: b.r.date,
  method: CASE WHEN b.m IS NULL THEN null ELSE { name: b.m.name } END,
  paper: { title: b.p.title }
}] } AS leaderboard`;
}

export const peerTypeDefs = /* GraphQL */ `
  "Provenance of an extracted relationship (docs/GRAPH-MODEL.md)."
  type Provenance @relationshipProperties {
    source: String
    paperId: String
    extractorVersion: String
    confidence: Float
    rule: String
    evidence: String
  }

  "Provenance plus the code-link properties of HAS_CODE."
  type CodeLink @relationshipProperties {
    source: String
    paperId: String
    extractorVersion: String
    confidence: Float
    rule: String
    evidence: String
    official: Boolean
    framework: String
    mentionedInPaper: Boolean
  }

  "Provenance plus the lineage relation of BUILDS_ON (child -> parent)."
  type LineageLink @relationshipProperties {
    source: String
    paperId: String
    extractorVersion: String
    confidence: Float
    rule: String
    evidence: String
    relation: String
  }

  type Paper @node {
    id: ID!
    title: String
    abstract: String
    url: String
    arxivId: String
    doi: String
    published: String
    year: Int
    authors: [String!]
    links: [String!]
    linkKinds: [String!]
    introducesMethods: [Method!]! @relationship(type: "INTRODUCES", direction: OUT, properties: "Provenance")
    introducesDatasets: [Dataset!]! @relationship(type: "INTRODUCES", direction: OUT, properties: "Provenance")
    usesMethods: [Method!]! @relationship(type: "USES", direction: OUT, properties: "Provenance")
    evaluatesOn: [Dataset!]! @relationship(type: "EVALUATES_ON", direction: OUT, properties: "Provenance")
    addresses: [Task!]! @relationship(type: "ADDRESSES", direction: OUT, properties: "Provenance")
    mentions: [Concept!]! @relationship(type: "MENTIONS", direction: OUT, properties: "Provenance")
    repos: [Repo!]! @relationship(type: "HAS_CODE", direction: OUT, properties: "CodeLink")
  }

  type Method @node {
    id: ID!
    name: String!
    aliases: [String!]
    keys: [String!]
    fullName: String
    description: String
    collections: [String!]
    url: String
    introducedIn: [Paper!]! @relationship(type: "INTRODUCES", direction: IN, properties: "Provenance")
    usedIn: [Paper!]! @relationship(type: "USES", direction: IN, properties: "Provenance")
    implementedBy: [Repo!]! @relationship(type: "IMPLEMENTS", direction: IN, properties: "Provenance")
    parents: [Method!]! @relationship(type: "BUILDS_ON", direction: OUT, properties: "LineageLink")
    children: [Method!]! @relationship(type: "BUILDS_ON", direction: IN, properties: "LineageLink")
    "Ancestors (direction ANCESTORS) or descendants (DESCENDANTS) up to maxDepth BUILDS_ON hops; with first, the first edges."
    lineage(direction: String!, maxDepth: Int!, first: Int): LineageResult!
      @cypher(statement: """
${lineageStatement()}
      """, columnName: "lineage")
  }

  type Dataset @node {
    id: ID!
    name: String!
    aliases: [String!]
    keys: [String!]
    fullName: String
    description: String
    url: String
    introducedIn: [Paper!]! @relationship(type: "INTRODUCES", direction: IN, properties: "Provenance")
    evaluatedIn: [Paper!]! @relationship(type: "EVALUATES_ON", direction: IN, properties: "Provenance")
    "The best result per method (else per paper) by the metric (its id), best first by the metric's direction; first entrants and their count."
    leaderboard(metricId: ID!, first: Int!): LeaderboardPage!
      @cypher(statement: """
${leaderboardStatement()}
      """, columnName: "leaderboard")
  }

  type Task @node {
    id: ID!
    name: String!
    aliases: [String!]
    keys: [String!]
    fullName: String
    description: String
    url: String
    addressedBy: [Paper!]! @relationship(type: "ADDRESSES", direction: IN, properties: "Provenance")
  }

  type Concept @node {
    id: ID!
    name: String!
    aliases: [String!]
    keys: [String!]
    description: String
    mentionedIn: [Paper!]! @relationship(type: "MENTIONS", direction: IN, properties: "Provenance")
  }

  type Repo @node {
    id: ID!
    url: String!
    host: String
    owner: String
    name: String
    stars: Int
    framework: String
    papers: [Paper!]! @relationship(type: "HAS_CODE", direction: IN, properties: "CodeLink")
    implements: [Method!]! @relationship(type: "IMPLEMENTS", direction: OUT, properties: "Provenance")
  }

  "A node on a lineage or a path (id and display name)."
  type NodeRef {
    id: ID!
    name: String
  }

  type LineageEvidence {
    sentence: String
    confidence: Float
    paperId: String
  }

  type LineageEdge {
    from: NodeRef!
    to: NodeRef!
    relation: String
    depth: Int!
    evidence: [LineageEvidence!]!
  }

  type LineageResult {
    nodes: [NodeRef!]!
    edges: [LineageEdge!]!
    truncated: Boolean!
  }

  type LeaderboardMethod {
    name: String
  }

  type LeaderboardPaper {
    title: String
  }

  type LeaderboardEntry {
    value: Float
    unit: String
    date: String
    method: LeaderboardMethod
    paper: LeaderboardPaper
  }

  type LeaderboardPage {
    totalCount: Int!
    entries: [LeaderboardEntry!]!
  }

  type PathResult {
    length: Int!
    nodes: [NodeRef!]!
    relationships: [String!]!
  }

  type SearchHit {
    score: Float!
    id: ID!
    label: String!
    name: String
  }

  type Query {
    "Full-text search over names, aliases and titles (the entity_search index)."
    search(query: String!, first: Int!): [SearchHit!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
        WITH node, score ORDER BY score DESC, node.id LIMIT $first
        RETURN { score: score, id: node.id, label: head(labels(node)), name: coalesce(node.name, node.title) } AS hit
        """
        columnName: "hit"
      )
    "Shortest path between two nodes (ids as stored) of at most maxLength relationships, any direction."
    path(from: ID!, to: ID!, maxLength: Int!): PathResult
      @cypher(
        statement: """
        CALL {
${['Paper', 'Method', 'Dataset', 'Task', 'Concept', 'Repo'].map((l) => `          MATCH (a:${l} {id: $from}) RETURN a`).join('\n          UNION\n')}
        }
        CALL {
${['Paper', 'Method', 'Dataset', 'Task', 'Concept', 'Repo'].map((l) => `          MATCH (b:${l} {id: $to}) RETURN b`).join('\n          UNION\n')}
        }
        WITH a, b LIMIT 1
        MATCH p = shortestPath((a)-[*..${PEER_MAX_PATH_LENGTH}]-(b))
        WHERE length(p) <= $maxLength
        RETURN {
          length: length(p),
          nodes: [n IN nodes(p) | { id: n.id, name: coalesce(n.name, n.title) }],
          relationships: [r IN relationships(p) | type(r)]
        } AS path
        """
        columnName: "path"
      )
  }
`;
