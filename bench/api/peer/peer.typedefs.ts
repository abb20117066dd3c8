// Type definitions of the benchmark's peer: the same labels, relationship types and properties as
// docs/GRAPH-MODEL.md, written the way @neo4j/graphql v7 documents them (`@node`, `@relationship` with
// `@relationshipProperties` types for provenance). Where the library has no native equivalent of a
// Papergraph traversal (variable-length lineage, shortest path, full-text search over several labels),
// a `@cypher` field does the work in one statement, as the library's docs recommend for custom logic.

/** The deepest lineage the peer's `lineage` field serves (Papergraph's own bound is checked the same way). */
export const PEER_MAX_LINEAGE_DEPTH = 10;
/** The longest path the peer's `path` field searches. */
export const PEER_MAX_PATH_LENGTH = 10;

/**
 * Variable-length bounds cannot be Cypher parameters, so the lineage statement has one branch per
 * (direction, depth) and a parameter guard picks the one that runs; the others are filtered out before
 * any expansion. Edges are reported once per (child, parent) pair with all their evidence, at the
 * smallest depth they are reached, in Papergraph's order (depth, child name, parent name).
 */
function lineageStatement(): string {
  const branches: string[] = [];
  for (const [direction, pattern] of [
    ['ANCESTORS', '(this)-[rels:BUILDS_ON*1..{depth}]->(:Method)'],
    ['DESCENDANTS', '(this)<-[rels:BUILDS_ON*1..{depth}]-(:Method)'],
  ] as const) {
    for (let depth = 1; depth <= PEER_MAX_LINEAGE_DEPTH; depth++) {
      branches.push(
        `  WITH this\n  WITH this WHERE $direction = '${direction}' AND $maxDepth = ${depth}\n` +
          `  MATCH ${pattern.replace('{depth}', String(depth))}\n` +
          `  UNWIND range(0, size(rels) - 1) AS i\n` +
          `  RETURN rels[i] AS r, i + 1 AS depth`,
      );
    }
  }
  return `CALL {
${branches.join('\n  UNION ALL\n')}
}
WITH startNode(r) AS child, endNode(r) AS parent, min(depth) AS depth, collect(DISTINCT r) AS rs
WITH child, parent, depth, rs ORDER BY depth, toLower(child.name), toLower(parent.name)
WITH collect({
  from: child { .id, .name },
  to: parent { .id, .name },
  relation: head([r IN rs | r.relation]),
  depth: depth,
  evidence: reduce(acc = [], r IN rs | acc + [e IN apoc.convert.fromJsonList(coalesce(r.evidence, '[]')) | { sentence: e.sentence, confidence: r.confidence, paperId: r.paperId }])
}) AS edges
WITH edges, [e IN edges | e.from] + [e IN edges | e.to] AS ends
UNWIND (CASE WHEN size(ends) = 0 THEN [null] ELSE ends END) AS n
WITH edges, collect(DISTINCT n) AS nodes
RETURN { nodes: nodes, edges: edges } AS lineage`;
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
    "Ancestors (direction ANCESTORS) or descendants (DESCENDANTS) up to maxDepth BUILDS_ON hops."
    lineage(direction: String!, maxDepth: Int!): LineageResult!
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
