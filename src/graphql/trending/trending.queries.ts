// Cypher for `Query.trending`: entities (and repos) by the number of papers published in a window.

/**
 * Params: `from`, `to` (ISO dates, inclusive; null = open), `labels` (null = all), `first`.
 * A partial `published` (`2021`, `2021-05`) counts as the first day of its year or month.
 * Rows `{ node, n }`.
 */
export const TRENDING = `
MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|ADDRESSES|MENTIONS|HAS_CODE]->(t)
WHERE p.published IS NOT NULL
WITH p, t, left(p.published + substring('-01-01', size(p.published) - 4), 10) AS day
WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
  AND ($labels IS NULL OR any(l IN labels(t) WHERE l IN $labels))
WITH t, count(DISTINCT p) AS n
ORDER BY n DESC, toLower(coalesce(t.name, t.id)), t.id
LIMIT toInteger($first)
RETURN t AS node, n`;
