// Cypher used only by the explorer test: removes the sample's curated lineage it applied.

/** Deletes the curated BUILDS_ON edges between the given [child, parent] id pairs. */
export const CLEANUP_CURATED_LINEAGE = `
UNWIND $pairs AS pair
MATCH (:Method {id: pair[0]})-[r:BUILDS_ON {source: 'curated'}]->(:Method {id: pair[1]})
DELETE r`;
