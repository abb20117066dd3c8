// Full-text indexes (Neo4j 5 indexes STRING and LIST<STRING> properties in full-text indexes;
// verified on 5.26.19: a word from one element of `aliases` finds the node).
// entity_search: Query.search over papers (title) and entities (name, aliases).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Paper|Method|Dataset|Task|Concept|Repo) ON EACH [n.name, n.aliases, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
// entity_keys: exact, index-backed lookup by normalized name or alias (`keys`). A range index on a
// list property cannot serve `$key IN n.keys` (the planner falls back to a label scan), but a
// full-text index with the `keyword` analyzer indexes each list element as one token:
//   CALL db.index.fulltext.queryNodes('entity_keys', '"' + $key + '"') YIELD node
// (keys hold only letters and digits, so quoting is enough).
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS
FOR (n:Method|Dataset|Task|Concept) ON EACH [n.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};
