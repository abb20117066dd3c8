// Everything the HTTP server needs to cache reads (docs/API.md, "Caching"): the result cache (null when
// PAPERGRAPH_CACHE_MB=0), the graph version clock, the Cache-Control of public GET reads, and an Apollo
// plugin that tells the server what each executed request was (query or mutation, with or without
// errors) - only a query answered without any error is stored, and after a mutation the version is
// re-read before the response leaves, so this server's next read sees its write.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { CacheConfig } from '../../config/cache-config';
import type { Executor } from '../../db/executor';
import { readGraphVersion, type GraphVersion } from '../../db/graph-version';
import { ResultCache, type CachedResponse, type RequestKey, type ResultCacheStats } from './result-cache';
import { VersionClock } from './version-clock';

export type CacheStatus = 'hit' | 'miss' | 'off';

/** What Apollo did with one request, recorded by the plugin against the request's context object. */
export interface RequestOutcome {
  operation: 'query' | 'mutation' | 'subscription' | null;
  /** No error at all (request, validation or field errors). */
  ok: boolean;
}

/**
 * Where the plugin leaves a request's outcome: a slot on the request's context. Apollo hands plugins a
 * shallow copy of the context object, so the slot (an object, copied by reference) is what both see.
 */
const OUTCOME_SLOT = Symbol('papergraph.requestOutcome');

type Slotted = { [OUTCOME_SLOT]?: { outcome?: RequestOutcome } };

export interface ResponseCachingOptions {
  executor: Executor;
  config: CacheConfig;
  onVersionError?: (error: unknown) => void;
}

export class ResponseCaching {
  readonly results: ResultCache | null;
  readonly clock: VersionClock;
  readonly cacheControl: string;

  constructor(options: ResponseCachingOptions) {
    this.results = options.config.maxBytes > 0 ? new ResultCache(options.config.maxBytes) : null;
    this.cacheControl = options.config.cacheControl;
    this.clock = new VersionClock({
      read: () => readGraphVersion(options.executor, 2_000),
      staleMs: options.config.staleMs,
      onChange: () => this.results?.clear(),
      onError: options.onVersionError,
    });
  }

  get enabled(): boolean {
    return this.results !== null;
  }

  /** The version to key a read by; `null` (cache bypassed for this request) when it cannot be read. */
  async version(): Promise<GraphVersion | null> {
    const version = await this.clock.current();
    if (version === null) this.results?.noteBypass();
    return version;
  }

  get(version: GraphVersion, key: RequestKey): CachedResponse | undefined {
    return this.results?.get(version, key);
  }

  set(version: GraphVersion, key: RequestKey, response: CachedResponse): void {
    this.results?.set(version, key, response);
  }

  /** After a mutation: the next request is keyed by a version read after the write committed. */
  afterWrite(): Promise<void> {
    return this.clock.afterWrite();
  }

  /** Gives a request's context the slot its outcome is recorded in; returns the context. */
  track<T extends object>(contextValue: T): T {
    (contextValue as Slotted)[OUTCOME_SLOT] = {};
    return contextValue;
  }

  /** What Apollo did with a tracked request (undefined when it never got to run it). */
  outcomeOf(contextValue: object | undefined): RequestOutcome | undefined {
    return (contextValue as Slotted | undefined)?.[OUTCOME_SLOT]?.outcome;
  }

  stats(): (ResultCacheStats & { versionReads: number }) | { enabled: false; versionReads: number } {
    const versionReads = this.clock.reads;
    return this.results ? { ...this.results.stats(), versionReads } : { enabled: false, versionReads };
  }

  /** Records each request's outcome (add it to Apollo's plugins). */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return {
      async requestDidStart() {
        return {
          async willSendResponse(rc) {
            const body = rc.response.body;
            const fieldErrors = body.kind === 'single' ? (body.singleResult.errors?.length ?? 0) : 1;
            const slot = (rc.contextValue as Slotted)[OUTCOME_SLOT];
            if (slot)
              slot.outcome = {
                operation: rc.operation?.operation ?? null,
                ok: (rc.errors?.length ?? 0) === 0 && fieldErrors === 0,
              };
          },
        };
      },
    };
  }
}
