// Cypher of the curation service (src/curation/curation.service.ts). Labels and relationship types
// come from the closed sets of curation.types.ts, never from input; every value is a parameter.
import { MOVABLE_RELS, MOVABLE_REL_TYPES, type EntityLabel, type NodeLabel } from './curation.types';

/**
 * The ids `$ids` stand for now (through merge redirects). A statement of its own, without writes:
 * in a statement that writes, Neo4j seeks unique-index entries with a lock, and a redirect being
 * recorded by another open transaction would hold the operation up before it has even started.
 */
export const RESOLVE_IDS = `
UNWIND $ids AS id
OPTIONAL MATCH (r:__Redirect {id: id})
RETURN collect(DISTINCT coalesce(r.into, id)) AS ids`;

/**
 * Takes the write lock of the `$ids` nodes of a label (ids as resolved by RESOLVE_IDS; unknown ids
 * lock nothing), in id order. Every curation operation starts with it, before it reads anything: an
 * ingest transaction that writes one of these nodes or a relationship touching it (which takes the
 * node's lock, at the latest when it commits) then either committed before the operation read the
 * state, or waits for the operation to commit and meets its result (a merged node deleted, a
 * redirect or retraction that its pre-commit check of the curation state sees). Without it, an
 * ingest edge to a merged entity committed between the merge's relationship move and its delete of
 * the old node was deleted with it. Setting and removing a property takes the lock and leaves
 * nothing behind.
 */
export function lockNodes(label: NodeLabel): string {
  return `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
WITH n ORDER BY n.id
SET n.__curationLock = true
REMOVE n.__curationLock
RETURN count(n) AS locked`;
}

/** A node by id, through a merge redirect when the id is an old one. Returns `{ id, props }` or no row. */
export function findNode(label: NodeLabel): string {
  return `
OPTIONAL MATCH (r:__Redirect {id: $id})
WITH coalesce(r.into, $id) AS target
MATCH (n:${label} {id: target})
RETURN n.id AS id, properties(n) AS props`;
}

/** Ids of the entities of a label whose `keys` hold `$key` (the name lookup of the API). */
export function entitiesWithKey(label: EntityLabel): string {
  // metrics have their own keyword index (V007); the other entities share `entity_keys`
  const index = label === 'Metric' ? 'metric_keys' : 'entity_keys';
  return `
CALL db.index.fulltext.queryNodes('${index}', $quotedKey) YIELD node AS n
WITH n WHERE n:${label} AND $key IN n.keys
RETURN n.id AS id`;
}

/** Sets an entity's aliases and keys (computed by the service from the state read in the same transaction). */
export function setAliases(label: EntityLabel): string {
  return `
MATCH (n:${label} {id: $id})
SET n.aliases = $aliases, n.keys = $keys
RETURN n.id AS id`;
}

export const BLOCK_ALIAS = `
MERGE (b:__RemovedAlias {entity: $id, key: $key})
ON CREATE SET b.alias = $alias, b.at = $at`;

export const FIND_BLOCK = `
MATCH (b:__RemovedAlias {entity: $id, key: $key})
RETURN b.key AS key`;

export const UNBLOCK_ALIAS = `
MATCH (b:__RemovedAlias {entity: $id, key: $key})
DELETE b`;

/**
 * The relationships of one type between two nodes (all, or those of `$paper`): their properties,
 * and whether a retraction of them is already recorded.
 */
export function matchRels(type: string, from: NodeLabel, to: NodeLabel): string {
  return `
MATCH (a:${from} {id: $from})-[r:${type}]->(b:${to} {id: $to})
WHERE $paper IS NULL OR r.paperId = $paper
RETURN properties(r) AS props`;
}

export function deleteRels(type: string, from: NodeLabel, to: NodeLabel): string {
  return `
MATCH (a:${from} {id: $from})-[r:${type}]->(b:${to} {id: $to})
WHERE $paper IS NULL OR r.paperId = $paper
DELETE r
RETURN count(*) AS deleted`;
}

/**
 * A retracted `EVALUATES_ON` (the paper does not evaluate on that dataset) takes the paper's
 * extracted results on the dataset with it; pwc results stay (they are not the extractor's reading).
 */
export const DELETE_RETRACTED_RESULTS = `
MATCH (:Paper {id: $from})-[:REPORTS]->(r:Result)-[:ON_DATASET]->(:Dataset {id: $to})
WHERE r.source = 'extracted'
DETACH DELETE r
RETURN count(*) AS deleted`;

/** `paper` is `*` for "every such relationship between the two". */
export const FIND_RETRACTION = `
MATCH (t:__Retraction {from: $from, to: $to})
WHERE t.type = $type AND t.paper = $paper
RETURN t.type AS type`;

export const RECORD_RETRACTION = `
MERGE (t:__Retraction {from: $from, to: $to, type: $type, paper: $paper})
ON CREATE SET t.at = $at, t.auditId = $auditId`;

export const FIND_LINEAGE_RETRACTIONS = `
MATCH (t:__Retraction {from: $from, to: $to})
WHERE t.type = 'BUILDS_ON'
RETURN properties(t) AS t`;

/** A later assertion reverses every retraction of the pair (of that type). */
export const CLEAR_RETRACTIONS = `
MATCH (t:__Retraction {from: $from, to: $to})
WHERE t.type = $type
DELETE t
RETURN count(*) AS cleared`;

export const FIND_CURATED_LINEAGE = `
MATCH (c:Method {id: $child})-[e:BUILDS_ON]->(p:Method {id: $parent})
WHERE e.source = 'curated' AND e.relation = $relation
RETURN properties(e) AS props`;

export const MERGE_CURATED_LINEAGE = `
MATCH (c:Method {id: $child}), (p:Method {id: $parent})
MERGE (c)-[e:BUILDS_ON {source: 'curated', relation: $relation}]->(p)
SET e += $props`;

/** Every relationship of a node, for the audit log's before-state of a merge. */
export function relsOf(label: EntityLabel): string {
  return `
MATCH (n:${label} {id: $id})-[r]-(x)
RETURN type(r) AS type, startNode(r) = n AS outgoing, x.id AS other, properties(r) AS props
ORDER BY type, other`;
}

/**
 * Moves every relationship of `$from` to `$into` (same type, direction and properties); one that
 * the survivor already has (same other end, source, paper and relation) is not copied, and one
 * between the two (a self-loop after the merge) is dropped. The old node keeps its copies until
 * DELETE_MERGED removes it in the same transaction.
 */
export function moveRels(label: EntityLabel): string {
  const same = (d: string) =>
    `${d}.source = r.source AND coalesce(${d}.paperId, '') = coalesce(r.paperId, '') AND coalesce(${d}.relation, '') = coalesce(r.relation, '')`;
  // only the types a node of this label can carry, each in the direction it can have
  const outgoing = MOVABLE_REL_TYPES.filter((type) => MOVABLE_RELS[type].from.includes(label));
  const incoming = MOVABLE_REL_TYPES.filter((type) => MOVABLE_RELS[type].to.includes(label));
  const blocks = [
    ...outgoing.map(
      (type) => `CALL {
  WITH o, s
  MATCH (o)-[r:${type}]->(x) WHERE x <> s
  AND NOT EXISTS { MATCH (s)-[d:${type}]->(x) WHERE ${same('d')} }
  CREATE (s)-[n:${type}]->(x) SET n = properties(r)
  RETURN count(*) AS out_${type}
}`,
    ),
    ...incoming.map(
      (type) => `CALL {
  WITH o, s
  MATCH (x)-[r:${type}]->(o) WHERE x <> s
  AND NOT EXISTS { MATCH (x)-[d:${type}]->(s) WHERE ${same('d')} }
  CREATE (x)-[n:${type}]->(s) SET n = properties(r)
  RETURN count(*) AS in_${type}
}`,
    ),
  ];
  const counts = [...outgoing.map((t) => `out_${t}`), ...incoming.map((t) => `in_${t}`)];
  return `
MATCH (o:${label} {id: $from}), (s:${label} {id: $into})
${blocks.join('\n')}
RETURN ${counts.length > 0 ? counts.join(' + ') : '0'} AS moved`;
}

/** Descriptive properties a survivor takes from the merged entity when it has none, per label. */
const ABSORBED: Record<EntityLabel, readonly string[]> = {
  Method: ['fullName', 'description', 'url', 'collections', 'areas'],
  Dataset: ['fullName', 'description', 'url', 'collections', 'areas'],
  Task: ['fullName', 'description', 'url', 'collections', 'areas'],
  Concept: ['fullName', 'description', 'url', 'collections', 'areas'],
  // a known direction survives; an unknown one is learnt from the merged metric
  Metric: ['higherIsBetter'],
};

/** The survivor takes the old entity's names and keys and fills its empty descriptive properties. */
export function absorbProperties(label: EntityLabel): string {
  const fill = ABSORBED[label].map((p) => `s.${p} = coalesce(s.${p}, o.${p})`).join(', ');
  return `
MATCH (o:${label} {id: $from}), (s:${label} {id: $into})
SET s.aliases = $aliases, s.keys = $keys, ${fill}
RETURN s.id AS id`;
}

export function deleteMerged(label: EntityLabel): string {
  return `
MATCH (o:${label} {id: $from})
DETACH DELETE o
RETURN count(*) AS deleted`;
}

/**
 * The old id redirects to the survivor; redirects that pointed at the old id follow it; recorded
 * retractions and removed aliases of the old id now name the survivor.
 */
export const RECORD_REDIRECT = `
MERGE (r:__Redirect {id: $from})
SET r.into = $into, r.type = $type, r.at = $at, r.auditId = $auditId
WITH r
CALL {
  MATCH (older:__Redirect {into: $from})
  SET older.into = $into
  RETURN count(*) AS followed
}
CALL {
  MATCH (t:__Retraction {from: $from})
  SET t.from = $into
  RETURN count(*) AS fromMoved
}
CALL {
  MATCH (t:__Retraction {to: $from})
  SET t.to = $into
  RETURN count(*) AS toMoved
}
CALL {
  MATCH (b:__RemovedAlias {entity: $from})
  SET b.entity = $into
  RETURN count(*) AS blocksMoved
}
RETURN r.id AS id`;

export const FIND_REDIRECT = `
MATCH (r:__Redirect {id: $id})
RETURN r.into AS into`;

export const WRITE_AUDIT_ENTRY = `
CREATE (e:__AuditEntry)
SET e = $entry`;

/** Newest first; `$target` null for all. */
export const AUDIT_PAGE = `
MATCH (e:__AuditEntry)
WHERE $target IS NULL OR $target IN e.targets
RETURN properties(e) AS e
ORDER BY e.at DESC, e.seq DESC, e.id DESC
SKIP toInteger($skip) LIMIT toInteger($limit)`;

export const AUDIT_COUNT = `
MATCH (e:__AuditEntry)
WHERE $target IS NULL OR $target IN e.targets
RETURN count(e) AS total`;
