// Results and leaderboards (CONTRACT.md): Metric and Result nodes are merged on `id` by ingest, so
// their keys are unique; `metric_keys` serves lookups of a metric by any name or alias (`keys`), as
// `entity_keys` does for the other entities (a full-text keyword index: one token per list element).
CREATE CONSTRAINT metric_id_unique IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT result_id_unique IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX metric_keys IF NOT EXISTS
FOR (n:Metric) ON EACH [n.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};
