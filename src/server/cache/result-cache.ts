// The in-process result cache: complete GraphQL responses of successful queries, keyed by the graph
// version, the document, the operation name, the variables and the negotiated media type, bounded by
// bytes (lru-cache, least recently used evicted first). Entries of an older version are dropped when
// the version changes (they could never be served again: the version is part of every key).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { GraphVersion } from '../../db/graph-version';

/**
 * A stored response: the body exactly as sent, its media type and its entity tag - computed the first
 * time a GET needs it (etagOf), since only GET answers carry one: a hash of a 50 KB body on every POST
 * answer was CPU spent for nothing.
 */
export interface CachedResponse {
  body: string;
  contentType: string;
  etag?: string;
}

/** The entity tag of a stored response (computed once, then kept with it). */
export function etagOf(read: CachedResponse): string {
  return (read.etag ??= entityTag(read.body));
}

/** What identifies a read, apart from the graph version (see requestKey in cacheable-request.ts). */
export type RequestKey = string;

export interface ResultCacheStats {
  hits: number;
  misses: number;
  stores: number;
  evictions: number;
  /** Requests answered without the cache because the graph version could not be read. */
  bypassed: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

/** A strong entity tag of a response body. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export class ResultCache {
  private readonly lru: LRUCache<string, CachedResponse>;
  private counts = { hits: 0, misses: 0, stores: 0, evictions: 0, bypassed: 0 };

  constructor(readonly maxBytes: number) {
    this.lru = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      // UTF-16 string lengths: what the strings hold in memory, about 2 bytes a character.
      sizeCalculation: (value, key) => 2 * (value.body.length + key.length) + 200,
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') this.counts.evictions += 1;
      },
    });
  }

  get(version: GraphVersion, key: RequestKey): CachedResponse | undefined {
    const found = this.lru.get(`${version}\n${key}`);
    if (found) this.counts.hits += 1;
    else this.counts.misses += 1;
    return found;
  }

  /** Stores a response; one larger than the whole bound is not stored. */
  set(version: GraphVersion, key: RequestKey, response: CachedResponse): void {
    const full = `${version}\n${key}`;
    this.lru.set(full, response);
    if (this.lru.has(full)) this.counts.stores += 1;
  }

  /** The graph changed: nothing stored can be served again. */
  clear(): void {
    this.lru.clear();
  }

  noteBypass(): void {
    this.counts.bypassed += 1;
  }

  stats(): ResultCacheStats {
    return {
      ...this.counts,
      entries: this.lru.size,
      bytes: this.lru.calculatedSize,
      maxBytes: this.maxBytes,
    };
  }
}
