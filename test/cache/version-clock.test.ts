// The version clock's contract, on an injected clock: one version read per interval however many
// requests arrive, a refresh ahead of expiry, a fresh read after this server's own writes, the newest
// read kept when reads finish out of order, and `null` (bypass) when the version cannot be read.
import { VersionClock } from '../../src/server/cache/version-clock';

/** A reader whose reads finish when the test says so, returning the graph version of that moment. */
function controlledReader() {
  const pending: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  let graph = 'e:1';
  return {
    read: () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject })),
    setGraph: (v: string) => {
      graph = v;
    },
    /** Finishes the oldest pending read with the graph's version as it is now. */
    finishOldest: async () => {
      pending.shift()?.resolve(graph);
      await new Promise((r) => setImmediate(r));
    },
    failOldest: async () => {
      pending.shift()?.reject(new Error('database unavailable'));
      await new Promise((r) => setImmediate(r));
    },
    get pending() {
      return pending.length;
    },
  };
}

describe('VersionClock', () => {
  it('reads once for many concurrent requests, then not again within the bound', async () => {
    let now = 0;
    const reader = controlledReader();
    const clock = new VersionClock({ read: reader.read, staleMs: 1000, now: () => now });
    const requests = Array.from({ length: 20 }, () => clock.current());
    expect(reader.pending).toBe(1);
    await reader.finishOldest();
    expect(await Promise.all(requests)).toEqual(Array(20).fill('e:1'));
    now = 400;
    expect(await clock.current()).toBe('e:1');
    expect(clock.reads).toBe(1);
  });

  it('refreshes in the background past half the bound, and waits for a read past the bound', async () => {
    let now = 0;
    const reader = controlledReader();
    const clock = new VersionClock({ read: reader.read, staleMs: 1000, now: () => now });
    const first = clock.current();
    await reader.finishOldest();
    await first;
    reader.setGraph('e:2');
    now = 600; // past half: answered with the held version, one refresh started
    expect(await clock.current()).toBe('e:1');
    expect(await clock.current()).toBe('e:1');
    expect(reader.pending).toBe(1);
    await reader.finishOldest();
    expect(await clock.current()).toBe('e:2');
    now = 2000; // past the bound of the read started at 600: the request waits for a new read
    reader.setGraph('e:3');
    const late = clock.current();
    expect(reader.pending).toBe(1);
    await reader.finishOldest();
    expect(await late).toBe('e:3');
  });

  it('refreshes earlier while version reads are slow, so requests do not wait for one', async () => {
    let now = 0;
    const reader = controlledReader();
    const clock = new VersionClock({ read: reader.read, staleMs: 1000, now: () => now });
    const first = clock.current();
    now = 400; // the read took 400 ms: a refresh at half the bound might not finish before it expires
    await reader.finishOldest();
    expect(await first).toBe('e:1');
    now = 420; // age 420 of the reading started at 0: past a quarter, before half
    reader.setGraph('e:2');
    expect(await clock.current()).toBe('e:1');
    expect(reader.pending).toBe(1);
    now = 600; // the refresh (started at 420) keys the requests from now on; no other read before age 250
    await reader.finishOldest();
    expect(await clock.current()).toBe('e:2');
    expect(clock.reads).toBe(2);
  });

  it('refreshes at half the bound while version reads are quick', async () => {
    let now = 0;
    const reader = controlledReader();
    const clock = new VersionClock({ read: reader.read, staleMs: 1000, now: () => now });
    const first = clock.current();
    now = 5;
    await reader.finishOldest();
    await first;
    now = 420;
    expect(await clock.current()).toBe('e:1');
    expect(reader.pending).toBe(0);
    now = 510;
    expect(await clock.current()).toBe('e:1');
    expect(reader.pending).toBe(1);
  });

  it('after a write, starts a read of its own even when one is in flight', async () => {
    let now = 0;
    const reader = controlledReader();
    const clock = new VersionClock({ read: reader.read, staleMs: 60_000, now: () => now });
    const first = clock.current();
    await reader.finishOldest();
    expect(await first).toBe('e:1');
    now = 40_000;
    clock.current().catch(() => undefined); // a refresh ahead, started before the write
    reader.setGraph('e:2');
    const written = clock.afterWrite();
    expect(reader.pending).toBe(2);
    await reader.finishOldest(); // the refresh reads 'e:2' too here; then the post-write read
    await reader.finishOldest();
    await written;
    expect(await clock.current()).toBe('e:2');
  });

  it('keeps the reading that started last when reads finish out of order, and reports changes', async () => {
    let now = 0;
    const changes: string[] = [];
    const reads: ((v: string) => void)[] = [];
    const clock = new VersionClock({
      read: () => new Promise<string>((resolve) => reads.push(resolve)),
      staleMs: 100,
      now: () => now,
      onChange: (a, b) => changes.push(`${a}->${b}`),
    });
    const a = clock.current();
    reads[0]('e:1');
    await a;
    now = 200;
    const older = clock.current(); // read started at 200
    now = 350;
    const newer = clock.current(); // started at 350 (the one at 200 is past the bound)
    reads[2]('e:3');
    await newer;
    reads[1]('e:2'); // finishes last but started first: ignored
    await older;
    now = 360;
    expect(await clock.current()).toBe('e:3');
    expect(changes).toEqual(['e:1->e:3']);
  });

  it('answers null (bypass) while the version cannot be read, one failed read per interval, then recovers', async () => {
    let now = 0;
    const reader = controlledReader();
    const errors: unknown[] = [];
    const clock = new VersionClock({
      read: reader.read,
      staleMs: 1000,
      onError: (e) => errors.push(e),
      now: () => now,
    });
    const failing = clock.current();
    await reader.failOldest();
    expect(await failing).toBeNull();
    expect(errors).toHaveLength(1);
    now = 500; // within the interval of the failure: bypassed without another read
    expect(await clock.current()).toBeNull();
    expect(clock.reads).toBe(1);
    now = 1500;
    const next = clock.current();
    await reader.finishOldest();
    expect(await next).toBe('e:1');
  });

  it('with a bound of 0 reads for every request', async () => {
    const reader = controlledReader();
    const clock = new VersionClock({ read: reader.read, staleMs: 0 });
    const a = clock.current();
    const b = clock.current();
    expect(reader.pending).toBe(2);
    await reader.finishOldest();
    await reader.finishOldest();
    expect([await a, await b]).toEqual(['e:1', 'e:1']);
  });
});
