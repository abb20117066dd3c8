// Cypher for `Query.search` over the full-text index `entity_search` (name, aliases, title).

/** Params: `query` (a Lucene query built by lucene-query.ts), `labels` (null = all), `first`. Rows `{ node, score }`. */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN node, score
ORDER BY score DESC, node.id
LIMIT toInteger($first)`;
