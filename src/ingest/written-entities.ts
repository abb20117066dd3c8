// What this writer has already committed of each entity (names, aliases, keys, descriptive values), so
// a later batch does not send an entity row that would change nothing. A popular entity is named by
// almost every batch; merging it again costs an index seek, a lock and reading its properties, and in
// the synthetic 100k-paper corpus two thirds of all entity rows are such no-ops. Bounded: the least
// recently seen entities are forgotten first (an entity that is forgotten is simply merged again).
import type { EntityRow } from './graph-rows';

/**
 * One entity, compactly: its aliases and keys as one string each (`\u0000`-separated, with a leading
 * and trailing separator, so `includes('\u0000' + x + '\u0000')` is a membership test) - a few small
 * strings per entity instead of two Sets.
 */
interface Written {
  aliases: string;
  keys: string;
  fullName: string | null;
  description: string | null;
  collections: string | null;
  areas: string | null;
  url: string | null;
}

const SEP = '\u0000';
// a value holding the separator is never a member (so its row is always written)
const has = (set: string, value: string): boolean => !value.includes(SEP) && set.includes(SEP + value + SEP);
const add = (set: string, values: readonly string[]): string =>
  values.reduce((acc, v) => (has(acc, v) ? acc : acc + v + SEP), set);

/** Entities kept by default: the popular ones (power-law popularity). */
export const DEFAULT_WRITTEN_ENTITIES = 10_000;

const list = (v: string[] | null): string | null => (v === null ? null : JSON.stringify(v));

export class WrittenEntities {
  /** Insertion order = recency (a hit moves the entry to the end). */
  private readonly entries = new Map<string, Written>();

  constructor(private readonly capacity = DEFAULT_WRITTEN_ENTITIES) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * True when merging `row` would change nothing this writer has not already committed: every alias
   * and key is on the node (an alias equal to the node's name counts), and each descriptive value is
   * absent from the row or equal to the one last written.
   */
  covers(row: EntityRow): boolean {
    const w = this.entries.get(row.id);
    if (!w) return false;
    this.entries.delete(row.id);
    this.entries.set(row.id, w);
    return (
      row.aliases.every((a) => has(w.aliases, a)) &&
      row.keys.every((k) => has(w.keys, k)) &&
      same(row.fullName, w.fullName) &&
      same(row.description, w.description) &&
      same(list(row.collections), w.collections) &&
      same(list(row.areas), w.areas) &&
      same(row.url, w.url)
    );
  }

  /** Records rows whose merge has committed (in commit order: a later value replaces an earlier one). */
  remember(rows: readonly EntityRow[]): void {
    for (const row of rows) {
      let w = this.entries.get(row.id);
      if (w) this.entries.delete(row.id);
      else
        w = {
          aliases: SEP,
          keys: SEP,
          fullName: null,
          description: null,
          collections: null,
          areas: null,
          url: null,
        };
      // after the merge each alias is on the node or is its name, each key on the node
      w.aliases = add(w.aliases, row.aliases);
      w.keys = add(w.keys, row.keys);
      w.fullName = row.fullName ?? w.fullName;
      w.description = row.description ?? w.description;
      w.collections = list(row.collections) ?? w.collections;
      w.areas = list(row.areas) ?? w.areas;
      w.url = row.url ?? w.url;
      this.entries.set(row.id, w);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A row value changes nothing when absent, or equal to what was written. */
function same(value: string | null, written: string | null): boolean {
  return value === null || value === written;
}
