// Cypher for loading nodes by id: one statement for a whole batch, one index seek per label.

/** Params: one list of `id` values per label (`paper` holds bare paper ids). Returns rows `{ n }`. */
export const NODES_BY_ID = `
MATCH (n:Paper) WHERE n.id IN $paper RETURN n
UNION ALL MATCH (n:Method) WHERE n.id IN $method RETURN n
UNION ALL MATCH (n:Dataset) WHERE n.id IN $dataset RETURN n
UNION ALL MATCH (n:Task) WHERE n.id IN $task RETURN n
UNION ALL MATCH (n:Concept) WHERE n.id IN $concept RETURN n
UNION ALL MATCH (n:Repo) WHERE n.id IN $repo RETURN n`;

/** Merged entities' old ids (`__Redirect`, src/curation/): `$ids` -> the survivor's id. */
export const REDIRECTS = `
UNWIND $ids AS id
MATCH (r:__Redirect {id: id})
RETURN r.id AS id, r.into AS into`;
