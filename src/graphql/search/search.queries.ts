// Cypher for `Query.search` over the full-text index `entity_search` (name, aliases, title; metrics since V008).

/**
 * Params: `query` (a Lucene query built by lucene-query.ts), `labels` (null = all), `first`, `abstract`
 * (return paper abstracts: only when the client selected them, they are most of a paper's bytes).
 * Rows `{ node, score }`, `node` a property map with `__labels`.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score
ORDER BY score DESC, node.id
LIMIT toInteger($first)
RETURN node { .*, abstract: CASE WHEN $abstract THEN node.abstract END, __labels: labels(node) } AS node, score`;
