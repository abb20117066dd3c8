// Cypher of the API benchmark's own bookkeeping: the corpus marker, wiping a stale graph, the
// fallback schema (used only when `papergraph migrate` is not available) and picking query targets.

export const READ_MARKER = `MATCH (m:__BenchCorpus {key: 'api'}) RETURN m.papers AS papers, m.seed AS seed, m.version AS version, m.leaderboard AS leaderboard`;

/** Records that the leaderboard table (graph-loader.ts addLeaderboardTable) is in the graph. */
export const WRITE_LEADERBOARD_MARKER = `
MATCH (m:__BenchCorpus {key: 'api'}) SET m.leaderboard = $leaderboard`;

/**
 * What the leaderboard table cites: the first $papers papers with an arXiv id (by id) and the first
 * $methods methods some paper introduces (by id), as the corpus ingest wrote them.
 */
export const LEADERBOARD_REFS = `
CALL {
  MATCH (p:Paper) WHERE p.arxivId IS NOT NULL AND p.title IS NOT NULL
  WITH p ORDER BY p.id LIMIT toInteger($papers)
  RETURN collect({arxivId: p.arxivId, title: p.title, date: p.published}) AS papers
}
CALL {
  MATCH (m:Method) WHERE EXISTS { (m)<-[:INTRODUCES]-(:Paper) }
  WITH m ORDER BY m.id LIMIT toInteger($methods)
  RETURN collect({id: m.id, name: m.name}) AS methods
}
RETURN papers, methods`;

/** The leaderboard target: the dataset's results by the metric, and how many entrants they have. */
export const LEADERBOARD_TARGET = `
MATCH (d:Dataset {id: $dataset})<-[:ON_DATASET]-(r:Result)-[:BY_METRIC]->(:Metric {id: $metric})
OPTIONAL MATCH (r)-[:OF_METHOD]->(m:Method)
RETURN d.name AS name, count(r) AS results, count(DISTINCT coalesce(m.id, 'paper:' + r.paperId)) AS entrants`;

export const WRITE_MARKER = `
MERGE (m:__BenchCorpus {key: 'api'})
SET m.papers = $papers, m.seed = $seed, m.version = $version, m.loadedAt = $loadedAt, m.loader = $loader`;

/** Small batches: a 20,000-node DETACH DELETE of the 100k graph (~15 relationships a node) exhausted the 1 GB heap. */
export const WIPE_BATCH = `MATCH (n) WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted`;

/** Same names and definitions as migrations/V001 + V003 (so a later `papergraph migrate` finds them in place). */
export const FALLBACK_SCHEMA = [
  'CREATE CONSTRAINT paper_id_unique IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT method_id_unique IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT dataset_id_unique IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT task_id_unique IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT concept_id_unique IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT repo_id_unique IF NOT EXISTS FOR (n:Repo) REQUIRE n.id IS UNIQUE',
  "CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Paper|Method|Dataset|Task|Concept|Repo) ON EACH [n.name, n.aliases, n.title] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}}",
  "CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS FOR (n:Method|Dataset|Task|Concept) ON EACH [n.keys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}}",
];

export const AWAIT_INDEXES = `CALL db.awaitIndexes(600)`;

export const COUNT_GRAPH = `
CALL { MATCH (p:Paper) RETURN count(p) AS papers }
CALL { MATCH (m:Method) RETURN count(m) AS methods }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN papers, methods, relationships`;

/** Methods by number of using papers, with their lineage size: targets are picked from this ranking. */
export const RANK_METHODS = `
MATCH (m:Method)
WITH m, COUNT { (m)<-[:USES]-(:Paper) } AS uses
ORDER BY uses DESC, m.id
WITH collect({id: m.id, name: m.name, uses: uses}) AS ranked
RETURN ranked`;

/** The leaderboard table's dataset is left out, so the other queries keep the targets of a graph without it. */
export const RANK_DATASETS = `
MATCH (d:Dataset) WHERE d.id <> $leaderboardDataset
WITH d, COUNT { (d)<-[:EVALUATES_ON]-(:Paper) } AS uses
ORDER BY uses DESC, d.id
RETURN collect({id: d.id, name: d.name, uses: uses}) AS ranked`;

/** A paper with code and at least two methods, deterministic: the $skip-th such paper by id. */
export const PICK_PAPER = `
MATCH (p:Paper) WHERE EXISTS { (p)-[:HAS_CODE]->() } AND COUNT { (p)-[:INTRODUCES|USES]->(:Method) } >= 2
WITH p ORDER BY p.id SKIP toInteger($skip) LIMIT 1
RETURN p.id AS id`;

/**
 * Lineage targets with a bounded answer: the method with parents that has the most children but at most
 * $maxChildren (a mid-level node: depth-3 lineage both ways) and the method with the most parents. The
 * roots (Transformer-like methods with thousands of direct children) are left out: neither API pages a
 * lineage, so their depth-3 descendants are a multi-megabyte answer, not an interactive query - and so
 * is a mid-level extraction hub (the 2026-12-02 100k graph has one with 75,751 children, whose first
 * page orders them all): the method with parents and the most children is returned as `hub`, so the
 * results say what was skipped.
 */
export const LINEAGE_TARGETS = `
CALL {
  MATCH (m:Method) WHERE EXISTS { (m)-[:BUILDS_ON]->() }
  WITH m, COUNT { (m)<-[:BUILDS_ON]-() } AS children, COUNT { (m)-[:BUILDS_ON]->() } AS parents
  WHERE children <= $maxChildren
  RETURN m AS mid, children AS midChildren ORDER BY children DESC, parents DESC, m.id LIMIT 1
}
CALL {
  MATCH (m:Method) WHERE EXISTS { (m)-[:BUILDS_ON]->() }
  WITH m, COUNT { (m)-[:BUILDS_ON]->() } AS parents
  RETURN m AS leaf ORDER BY parents DESC, m.id LIMIT 1
}
CALL {
  MATCH (m:Method) WHERE EXISTS { (m)-[:BUILDS_ON]->() }
  WITH m, COUNT { (m)<-[:BUILDS_ON]-() } AS children
  RETURN m AS hub, children AS hubChildren ORDER BY children DESC, m.id LIMIT 1
}
RETURN [x IN [mid, leaf] | {id: x.id, name: x.name}] AS targets, midChildren,
       {id: hub.id, name: hub.name, children: hubChildren} AS hub`;

/** The most children a lineage target of the benchmark may have (the 2026-11-27 graph's mid-level hub had 907). */
export const LINEAGE_MAX_CHILDREN = 1_000;
