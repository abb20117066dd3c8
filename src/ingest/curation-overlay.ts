// Curators' corrections applied to a write batch before it is written (src/curation/ records them):
// an entity merged into another is written as the survivor (its rows folded into the survivor's,
// its relationships re-pointed), a retracted relationship is not written again, and an alias a
// curator removed is not added back. Pure; the bookkeeping is read by GraphWriter (READ_CURATION).
import { normalizeName, type EntityType } from '../names/normalize';
import {
  REL_KINDS,
  type EntityRow,
  type MetricRow,
  type RelKind,
  type RelRow,
  type WriteBatch,
} from './graph-rows';

export interface CurationState {
  /** Old entity id -> the survivor's id. */
  redirects: Map<string, string>;
  /** `type\0from\0to\0paper` (`paper` `*` = every paper). */
  retractions: Set<string>;
  /** `entityId\0key` of removed aliases. */
  removedAliases: Set<string>;
}

export function emptyCurationState(): CurationState {
  return { redirects: new Map(), retractions: new Set(), removedAliases: new Set() };
}

export function isEmptyCuration(state: CurationState): boolean {
  return state.redirects.size === 0 && state.retractions.size === 0 && state.removedAliases.size === 0;
}

/** Every id whose curation state the batch needs: entities, repos, papers and relationship ends. */
export function curationLookupIds(batch: WriteBatch): string[] {
  const ids = new Set<string>();
  for (const rows of Object.values(batch.entities)) for (const r of rows) ids.add(r.id);
  for (const r of batch.repos) ids.add(r.id);
  for (const r of batch.metrics) ids.add(r.id);
  for (const p of batch.papers) ids.add(p.id);
  for (const kind of REL_KINDS)
    for (const r of [...batch.created[kind], ...batch.merged[kind]]) {
      ids.add(r.from);
      ids.add(r.to);
    }
  for (const r of batch.results) {
    ids.add(r.paperId);
    ids.add(r.datasetId);
    ids.add(r.metricId);
    if (r.methodId) ids.add(r.methodId);
    if (r.taskId) ids.add(r.taskId);
  }
  return [...ids];
}

/** The relationship type of a kind (`INTRODUCES_METHOD` -> `INTRODUCES`). */
export function relTypeOf(kind: RelKind): string {
  return kind === 'INTRODUCES_METHOD' || kind === 'INTRODUCES_DATASET' ? 'INTRODUCES' : kind;
}

export function retractionKey(type: string, from: string, to: string, paper: string): string {
  return [type, from, to, paper].join('\u0000');
}

/** The batch as it must be written given the curation state (the input is not modified). */
export function applyCuration(batch: WriteBatch, state: CurationState): WriteBatch {
  if (isEmptyCuration(state)) return batch;
  const map = (id: string) => state.redirects.get(id) ?? id;
  const entities = {} as Record<EntityType, EntityRow[]>;
  for (const [type, rows] of Object.entries(batch.entities) as [EntityType, EntityRow[]][])
    entities[type] = foldNames(rows, state, (existing, row) => {
      existing.fullName ??= row.fullName;
      existing.description ??= row.description;
      existing.url ??= row.url;
      existing.collections ??= row.collections;
      existing.areas ??= row.areas;
    });
  // a merged metric's row says nothing of its survivor's direction (the merge kept the survivor's)
  const metricRows = batch.metrics.map((r) =>
    state.redirects.has(r.id) ? { ...r, higherIsBetter: null } : r,
  );
  const metrics = foldNames(metricRows, state, (existing, row) => {
    existing.higherIsBetter ??= row.higherIsBetter;
  });
  const rels = (source: Record<RelKind, RelRow[]>): Record<RelKind, RelRow[]> => {
    const out = {} as Record<RelKind, RelRow[]>;
    for (const kind of REL_KINDS) {
      const type = relTypeOf(kind);
      const seen = new Set<string>();
      out[kind] = [];
      for (const row of source[kind]) {
        const from = map(row.from);
        const to = map(row.to);
        if (from === to) continue;
        if (
          state.retractions.has(retractionKey(type, from, to, '*')) ||
          state.retractions.has(retractionKey(type, from, to, row.props.paperId))
        )
          continue;
        const key = [from, to, row.props.source, row.props.paperId, row.props.relation ?? ''].join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        out[kind].push(from === row.from && to === row.to ? row : { ...row, from, to });
      }
    }
    return out;
  };
  const retracted = (type: string, from: string, to: string, paper: string) =>
    state.retractions.has(retractionKey(type, from, to, '*')) ||
    state.retractions.has(retractionKey(type, from, to, paper));
  // A result follows merged entities; an extracted result on a dataset whose EVALUATES_ON a curator
  // retracted for its paper is not written (the extractor misread the dataset: its score goes too).
  const results = batch.results
    .filter(
      (r) => r.source !== 'extracted' || !retracted('EVALUATES_ON', r.paperId, map(r.datasetId), r.paperId),
    )
    .map((r) => ({
      ...r,
      datasetId: map(r.datasetId),
      metricId: map(r.metricId),
      methodId: r.methodId === null ? null : map(r.methodId),
      taskId: r.taskId === null ? null : map(r.taskId),
    }));
  return {
    ...batch,
    entities,
    metrics,
    created: rels(batch.created),
    merged: rels(batch.merged),
    results,
  };
}

/**
 * Rows of named nodes (entities, metrics) as the curation state wants them written: each under its
 * survivor's id (rows that meet there folded into one: names and keys accumulate, `absorb` fills the
 * rest), without the aliases a curator removed, in id order (concurrent writers lock shared nodes in
 * one order).
 */
function foldNames<R extends EntityRow | MetricRow>(
  rows: readonly R[],
  state: CurationState,
  absorb: (existing: R, row: R) => void,
): R[] {
  const byId = new Map<string, R>();
  for (const row of rows) {
    const id = state.redirects.get(row.id) ?? row.id;
    const existing = byId.get(id);
    if (!existing) byId.set(id, { ...row, id, aliases: [...row.aliases], keys: [...row.keys] });
    else {
      for (const a of row.aliases) if (!existing.aliases.includes(a)) existing.aliases.push(a);
      for (const k of row.keys) if (!existing.keys.includes(k)) existing.keys.push(k);
      absorb(existing, row);
    }
  }
  const out = [...byId.values()].map((row) => ({
    ...row,
    aliases: row.aliases.filter((a) => !state.removedAliases.has(`${row.id}\u0000${normalizeName(a)}`)),
    keys: row.keys.filter((k) => !state.removedAliases.has(`${row.id}\u0000${k}`)),
  }));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
