// Cypher used by `papergraph start`.

/** True when the graph holds at least one paper (then the sample corpus is not ingested). */
export const HAS_PAPERS = 'MATCH (p:Paper) RETURN count(p) > 0 AS hasPapers LIMIT 1';
