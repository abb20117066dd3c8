// The raw-Cypher baseline: the reads of the query mix hand-written as one Cypher statement each, run
// through neo4j-driver directly (the floor any GraphQL layer over this graph adds to). Same parameters,
// same orderings and page sizes as the GraphQL queries in query-mix.ts.

export const RAW_LOOKUP = `
MATCH (m:Method) WHERE $key IN m.keys
WITH m LIMIT 1
CALL { WITH m MATCH (m)<-[:USES]-(p:Paper) RETURN count(DISTINCT p) AS total }
CALL { WITH m MATCH (m)<-[:USES]-(p:Paper) WITH DISTINCT p ORDER BY coalesce(p.published, '') DESC, p.id LIMIT 20 RETURN collect(p { .id, .title, .year }) AS papers }
RETURN m.id AS id, m.name AS name, m.aliases AS aliases, total, papers`;

export const RAW_PAPER = `
MATCH (p:Paper {id: $id})
RETURN p { .id, .title, .abstract, .year, .authors,
  methods: [(p)-[:INTRODUCES|USES]->(m:Method) | m { .id, .name }][..20],
  datasets: [(p)-[:INTRODUCES|EVALUATES_ON]->(d:Dataset) | d { .id, .name }][..20],
  tasks: [(p)-[:ADDRESSES]->(t:Task) | t { .id, .name }][..20],
  repos: [(p)-[:HAS_CODE]->(r:Repo) | r { .id, .url, .stars }][..20]
} AS paper`;

export const RAW_LIST = `
CALL { MATCH (p:Paper) RETURN count(p) AS total }
MATCH (p:Paper)
WITH total, p ORDER BY coalesce(p.published, '') DESC, p.id LIMIT 50
RETURN total, collect(p { .id, .title, .year,
  methods: [(p)-[:INTRODUCES|USES]->(m:Method) | m { .id, .name }][..10],
  datasets: [(p)-[:INTRODUCES|EVALUATES_ON]->(d:Dataset) | d { .id, .name }][..10],
  tasks: [(p)-[:ADDRESSES]->(t:Task) | t { .id, .name }][..10],
  repos: [(p)-[:HAS_CODE]->(r:Repo) | r { .id, .url }][..10]
}) AS papers`;

/**
 * One direction of a lineage to depth 3, paged like Papergraph's `lineage(first:)`: the lineage grows one
 * depth at a time and stops at the first depth holding more than `$first` edges; each level keeps its
 * first `$first + 1` edges, the last one only saying "truncated". Level 1 reads the method's own
 * relationships; deeper levels walk path by path and report each (child, parent) pair once, at the
 * smallest position it takes on any path - the same depth as Papergraph's breadth-first walk (the
 * smallest hop count to the pair's near end, plus one), reached the way one would write it by hand.
 * The answer is the one Papergraph gives (see raw-answer.ts): `truncated`, the page's methods (the
 * method first, then each edge's child and parent as they first appear) and the page's edges with their
 * relationships (relation, confidence, paper, source and the evidence JSON as stored).
 */
function lineageBranch(direction: 'ANCESTORS' | 'DESCENDANTS', depth: number): string {
  const pattern = (d: number) =>
    direction === 'ANCESTORS'
      ? `(m)-[rels:BUILDS_ON*1..${d}]->(:Method)`
      : `(m)<-[rels:BUILDS_ON*1..${d}]-(:Method)`;
  const level = (d: number) => `CALL {
    ${d === 1 ? 'WITH m' : `WITH m, l${d - 1}\n    WITH m WHERE size(l${d - 1}) <= toInteger($first)`}
    ${
      d === 1
        ? `MATCH ${direction === 'ANCESTORS' ? '(m)-[r:BUILDS_ON]->(:Method)' : '(m)<-[r:BUILDS_ON]-(:Method)'}
    WITH r, 1 AS depth`
        : `MATCH ${pattern(d)}
    UNWIND range(0, size(rels) - 1) AS i
    WITH rels[i] AS r, i + 1 AS depth`
    }
    WITH startNode(r) AS child, endNode(r) AS parent, min(depth) AS depth, collect(DISTINCT r) AS rs
    WITH child, parent, depth, rs ORDER BY depth, toLower(child.name), toLower(parent.name)
    LIMIT toInteger($first) + 1
    RETURN collect({child: child, parent: parent, depth: depth, rs: rs}) AS within${d}
  }`;
  const levels = [`${level(1)}\n  WITH m, within1 AS l1`];
  for (let d = 2; d <= depth; d++)
    levels.push(
      `${level(d)}\n  WITH m, CASE WHEN size(l${d - 1}) > toInteger($first) THEN l${d - 1} ELSE within${d} END AS l${d}`,
    );
  return `CALL {
  WITH m
  ${levels.join('\n  ')}
  WITH m, l${depth}[..toInteger($first)] AS page, size(l${depth}) > toInteger($first) AS truncated
  WITH page, truncated,
    reduce(ns = [m], e IN page | ns + [x IN [e.child, e.parent] WHERE NOT x IN ns | x][..CASE WHEN e.child = e.parent THEN 1 ELSE 2 END]) AS nodes
  RETURN { truncated: truncated, nodes: [n IN nodes | n { .id, .name }],
    edges: [e IN page | { from: {id: e.child.id, name: e.child.name}, to: {id: e.parent.id, name: e.parent.name}, depth: e.depth,
      rels: [r IN e.rs | r { .relation, .confidence, .paperId, .source, .evidence }] }] } AS ${direction === 'ANCESTORS' ? 'ancestors' : 'descendants'}
}`;
}

/**
 * Ancestors and descendants of one method to depth 3 (first `$first` edges each), in one statement; the
 * client orders each pair's relationships and parses their evidence JSON (raw-answer.ts).
 */
export const RAW_LINEAGE = `
MATCH (m:Method {id: $id})
${lineageBranch('ANCESTORS', 3)}
${lineageBranch('DESCENDANTS', 3)}
RETURN m.id AS id, m.name AS name, ancestors, descendants`;

export const RAW_DATASET_PAPERS = `
MATCH (d:Dataset) WHERE $key IN d.keys
WITH d LIMIT 1
CALL { WITH d MATCH (d)<-[:EVALUATES_ON]-(p:Paper) RETURN count(DISTINCT p) AS total }
CALL {
  WITH d MATCH (d)<-[:EVALUATES_ON]-(p:Paper)
  WITH DISTINCT p ORDER BY coalesce(p.published, '') DESC, p.id LIMIT 20
  RETURN collect(p { .id, .title, methods: [(p)-[:INTRODUCES|USES]->(m:Method) | m { .id, .name }][..10] }) AS papers
}
RETURN d.id AS id, d.name AS name, total, papers`;

export const RAW_SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT toInteger($first)
RETURN score, node.id AS id, head(labels(node)) AS label, coalesce(node.name, node.title) AS name`;

export const RAW_PATH = `
MATCH (a:Method {id: $from}), (b:Dataset {id: $to})
MATCH p = shortestPath((a)-[*..4]-(b))
RETURN length(p) AS length, [n IN nodes(p) | { id: n.id, name: coalesce(n.name, n.title) }] AS nodes, [r IN relationships(p) | type(r)] AS relationships`;

/**
 * The ranking of a leaderboard, after a match of results `r` on one metric `mt`: each entrant's best
 * result (`ranked`, best first). Shared by RAW_LEADERBOARD and the peer's `@cypher` field, which do
 * the same read.
 */
export const LEADERBOARD_RANKING = `MATCH (p:Paper)-[:REPORTS]->(r)
OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
WITH r, p, m, CASE WHEN mt.higherIsBetter = false THEN r.value ELSE -r.value END AS rank
WITH r, p, m, rank, coalesce(m.id, 'paper:' + p.id) AS entrant
ORDER BY entrant, rank, coalesce(r.date, '9999'), r.id
WITH entrant, head(collect({r: r, p: p, m: m, rank: rank})) AS best
ORDER BY best.rank, coalesce(best.r.date, '9999'), best.r.id
WITH collect(best) AS ranked`;

/**
 * A dataset's leaderboard for one metric (by id): the best result of each entrant (its method, else its
 * paper), best first by the metric's direction (higher first unless lower is better), ties by the
 * earlier date then the result id; the first `$first` entrants with value, unit, date, method name and
 * paper title, and the number of entrants.
 */
export const RAW_LEADERBOARD = `
MATCH (d:Dataset {id: $dataset})<-[:ON_DATASET]-(r:Result)-[:BY_METRIC]->(mt:Metric {id: $metric})
${LEADERBOARD_RANKING}
RETURN size(ranked) AS total,
  [b IN ranked[..toInteger($first)] | {value: b.r.value, unit: b.r.unit, date: b.r.date, method: b.m.name, paper: b.p.title}] AS page`;
