// The API's view of the graph version (src/db/graph-version.ts): a few version reads per `staleMs`
// interval however many requests arrive, refreshed ahead of expiry in the background (earlier while
// version reads are slow), and re-read right after this server's own writes. A version counts as fresh
// for `staleMs` from the moment its read STARTED, so a write another process committed before that
// moment is always reflected: nothing older than the bound is ever answered.
import type { GraphVersion } from '../../db/graph-version';

export interface VersionClockOptions {
  /** Reads the current version (one statement). */
  read: () => Promise<GraphVersion>;
  staleMs: number;
  /** Called when a newer read returns another version than the one held. */
  onChange?: (previous: GraphVersion, next: GraphVersion) => void;
  /** Called when a version read fails (the requests meanwhile bypass the cache). */
  onError?: (error: unknown) => void;
  /** Milliseconds on a monotonic clock (tests pass their own). */
  now?: () => number;
}

interface Reading {
  version: GraphVersion;
  startedAt: number;
}

export class VersionClock {
  private held: Reading | null = null;
  private inFlight: { promise: Promise<GraphVersion>; startedAt: number } | null = null;
  /** When the last read failed: requests bypass the cache without another read until the bound passes. */
  private failedAt: number | null = null;
  private readonly now: () => number;
  /** How long the last few version reads took (ms): a slow database starts the refresh earlier. */
  private readonly recentReadMs: number[] = [];
  reads = 0;

  constructor(private readonly options: VersionClockOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * The version to key a read by, or `null` when it cannot be read (the caller then bypasses the
   * cache). Fresh: returned at once (and refreshed in the background past half its life). Stale: one
   * read, shared by every request that arrives while it runs.
   */
  async current(): Promise<GraphVersion | null> {
    const now = this.now();
    const held = this.held;
    if (held && now - held.startedAt < this.options.staleMs) {
      if (now - held.startedAt >= this.refreshAge()) this.refresh(now).catch(() => undefined);
      return held.version;
    }
    // the database just failed a version read: one failed read per interval, not one per request
    if (this.failedAt !== null && now - this.failedAt < this.options.staleMs && !this.inFlight) return null;
    try {
      return await this.refresh(now);
    } catch {
      return null;
    }
  }

  /** After this server committed a write: a read that starts now, so the next request sees the write. */
  async afterWrite(): Promise<void> {
    await this.start(this.now()).catch(() => {
      // unread: forget the version held, so the next request reads one instead of trusting it
      this.held = null;
    });
  }

  /**
   * The age at which a held version is refreshed in the background: half the bound, or earlier when
   * recent reads were slow - the bound less twice the slowest of the last 8 reads, but not before a
   * quarter of it - so a refresh finishes before the version expires and requests never wait for one
   * (a loaded database can take hundreds of ms for the one-node read). At most about 4 reads per
   * interval, and 2 while reads are quick.
   */
  private refreshAge(): number {
    const staleMs = this.options.staleMs;
    const slowest = this.recentReadMs.length > 0 ? Math.max(...this.recentReadMs) : 0;
    return Math.max(staleMs / 4, Math.min(staleMs / 2, staleMs - 2 * slowest));
  }

  /** Joins a read in flight that started within the bound, else starts one. */
  private refresh(now: number): Promise<GraphVersion> {
    const pending = this.inFlight;
    if (pending && now - pending.startedAt < this.options.staleMs) return pending.promise;
    return this.start(now);
  }

  private start(startedAt: number): Promise<GraphVersion> {
    this.reads += 1;
    const promise = this.options.read().then(
      (version) => {
        this.failedAt = null;
        this.recentReadMs.push(this.now() - startedAt);
        if (this.recentReadMs.length > 8) this.recentReadMs.shift();
        this.apply({ version, startedAt });
        return version;
      },
      (error: unknown) => {
        this.failedAt = this.now();
        this.options.onError?.(error);
        throw error;
      },
    );
    const entry = { promise, startedAt };
    this.inFlight = entry;
    const clear = () => {
      if (this.inFlight === entry) this.inFlight = null;
    };
    promise.then(clear, clear);
    return promise;
  }

  /** Keeps the reading that started last (reads may finish out of order). */
  private apply(reading: Reading): void {
    const held = this.held;
    if (held && held.startedAt > reading.startedAt) return;
    this.held = reading;
    if (held && held.version !== reading.version) this.options.onChange?.(held.version, reading.version);
  }
}
