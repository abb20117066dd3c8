// Query.search covers metrics too (a Metric is an entity: name, aliases). A full-text index cannot be
// altered, so entity_search is rebuilt with the Metric label; both statements are idempotent, and
// migrate waits for the new index to come online before it returns.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Paper|Method|Dataset|Task|Concept|Repo|Metric) ON EACH [n.name, n.aliases, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
