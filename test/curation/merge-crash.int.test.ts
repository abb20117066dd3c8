// A crash between the steps of a merge leaves either the old or the new state, never a half one.
// 1. In-process: the merge transaction fails after each of its steps (the service's step hook).
// 2. For real: `papergraph curate` (the CLI, a child process) runs a merge that the test holds just
//    before its last write - the test's own open transaction owns the unique-constraint entry of the
//    redirect the merge records, so the merge waits there with relationships moved, properties
//    absorbed and the old node deleted, all uncommitted - and the child is killed with SIGKILL. No
//    timing: the test waits until the server lists the merge as blocked, and until it is gone.
//    The merge's own lookups of redirects (before it locks its entities) are statements without
//    writes: in a statement that writes, Neo4j seeks a unique-index entry with a lock, and a first
//    version of the lock that looked redirects up in its locking statement waited there for this
//    test's held entry - with `{ids}` as parameters, so the wait below never saw it - until its 120 s
//    transaction limit (child: "Unexpected database error"; debug.log: "Transaction ... timeout").
// Each outcome is classified from a scoped dump of the two entities (nodes, relationships, curation
// bookkeeping): old, new, or half; the last step merges for real so "new" is seen to be recognised.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CurationService } from '../../src/curation/curation.service';
import type { Executor } from '../../src/db/executor';
import { migrate } from '../../src/db/migrations';
import type { Plain } from '../../src/db/values';
import { IngestService } from '../../src/ingest/ingest.service';
import { canonical } from '../support/canonical';
import { cliChildEnv } from '../support/cli-env';
import { connectTestExecutor } from '../support/neo4j';
import {
  CLEANUP,
  HOLD_REDIRECT,
  MERGE_TRANSACTIONS,
  SCOPED_BOOKKEEPING,
  SCOPED_NODES,
  SCOPED_RELS,
} from './merge-crash.queries';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const INTO = 'method:crashnetalpha';
const FROM = 'method:crashnetbeta';
const IDS = [INTO, FROM];
const PAPER_IDS = ['crashtest-0001', 'crashtest-0002'];
const PAPERS = [
  {
    id: 'crashtest-0001',
    title: 'CrashNetAlpha: Striped Kernels for Heron Detection',
    abstract:
      'We introduce CrashNetAlpha, a network with striped kernels. CrashNetAlpha is built on top of HeronNet by adding striped residual blocks. We evaluate on ImageNet.',
  },
  {
    id: 'crashtest-0002',
    title: 'CrashNetBeta: Faster Striped Kernels',
    abstract:
      'We propose CrashNetBeta, a variant of HeronNet with fewer stripes. CrashNetBeta outperforms CrashNetAlpha on ImageNet.',
  },
];
const STEPS = ['lock', 'read', 'moveRels', 'absorbProperties', 'deleteMerged', 'redirect'];

let executor: Executor;

interface Scoped {
  nodes: Map<string, Record<string, Plain>>;
  rels: string[];
  redirects: Record<string, Plain>[];
  merges: number;
}

async function scoped(): Promise<Scoped> {
  const nodes = new Map(
    (await executor.read(SCOPED_NODES, { ids: IDS })).map((r) => [
      String(r.id),
      r.props as Record<string, Plain>,
    ]),
  );
  const rels = (await executor.read(SCOPED_RELS, { ids: IDS }))
    .map((r) => `${String(r.from)}-[${String(r.type)} ${canonical(r.props)}]->${String(r.to)}`)
    .sort();
  const book = await executor.read(SCOPED_BOOKKEEPING, { ids: IDS });
  return {
    nodes,
    rels,
    redirects: book.filter((b) => b.label === '__Redirect').map((b) => b.props as Record<string, Plain>),
    merges: book.filter(
      (b) => b.label === '__AuditEntry' && (b.props as { action?: string }).action === 'mergeEntities',
    ).length,
  };
}

/** `old` = exactly as before; `new` = exactly what the merge makes of it; anything else is `half`. */
function classify(now: Scoped, old: Scoped): 'old' | 'new' | 'half' {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (
    same([...now.nodes.entries()].sort(), [...old.nodes.entries()].sort()) &&
    same(now.rels, old.rels) &&
    now.redirects.length === 0 &&
    now.merges === 0
  )
    return 'old';
  // the new state: FROM gone, its relationships the survivor's (deduplicated, no self-loop), its names aliases
  const moved = [
    ...new Set(
      old.rels
        .map((l) => l.split(FROM).join(INTO))
        .filter((l) => !(l.startsWith(`${INTO}-[`) && l.endsWith(`]->${INTO}`))),
    ),
  ].sort();
  const survivor = now.nodes.get(INTO);
  const fromBefore = old.nodes.get(FROM);
  const names = [String(fromBefore?.name), ...((fromBefore?.aliases as string[] | undefined) ?? [])];
  if (
    !now.nodes.has(FROM) &&
    survivor !== undefined &&
    names.every((n) => ((survivor.aliases as string[]) ?? []).includes(n)) &&
    same(now.rels, moved) &&
    now.redirects.length === 1 &&
    now.redirects[0].id === FROM &&
    now.redirects[0].into === INTO &&
    now.merges === 1
  )
    return 'new';
  return 'half';
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  // a hang guard, not a verdict: the condition is what the test waits on
  const deadline = Date.now() + 240_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let old: Scoped;

beforeAll(async () => {
  executor = await connectTestExecutor({ queryTimeoutMs: 60_000 });
  await migrate(executor);
  await executor.write(CLEANUP, { ids: IDS, paperIds: PAPER_IDS });
  const ingest = new IngestService(executor, { threads: 0 });
  try {
    expect((await ingest.ingestRecords(PAPERS)).map((r) => r.status)).toEqual(['ingested', 'ingested']);
  } finally {
    await ingest.close();
  }
  // a curated lineage between the two (a self-loop after the merge, which drops it), whatever the extractor found
  const lineage = await new CurationService(executor).assertLineage(
    { actor: 'test' },
    { child: FROM, parent: INTO, relation: 'variant_of', note: 'set up by the crash test' },
  );
  expect(lineage.changed).toBe(true);
  old = await scoped();
  expect(old.nodes.size).toBe(2);
  expect(old.rels.filter((l) => l.includes(FROM)).length).toBeGreaterThanOrEqual(2);
  expect(classify(old, old)).toBe('old');
});

afterAll(async () => {
  if (executor) {
    await executor.write(CLEANUP, { ids: IDS, paperIds: PAPER_IDS });
    await executor.close();
  }
});

describe('a crash between the steps of a merge', () => {
  it.each(STEPS)('after step "%s" (the transaction fails there) leaves the old state', async (at) => {
    const service = new CurationService(executor, {
      afterStep: (_op, step) => {
        if (step === at) throw new Error(`crash after ${step}`);
      },
    });
    await expect(
      service.mergeEntities({ actor: 'test' }, { from: FROM, into: INTO, note: 'crash' }),
    ).rejects.toThrow();
    expect(classify(await scoped(), old)).toBe('old');
  });

  it('killing `papergraph curate` (SIGKILL) with the merge done but not committed leaves the old or the new state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-crash-'));
    const ops = path.join(dir, 'ops.jsonl');
    fs.writeFileSync(
      ops,
      JSON.stringify({ op: 'mergeEntities', from: FROM, into: INTO, note: 'killed' }) + '\n',
    );
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const lock = executor
      .writeTransaction(
        async (tx) => {
          await tx.run(HOLD_REDIRECT, { id: FROM });
          held();
          await released;
          throw new Error('roll back the lock');
        },
        { operation: 'test.holdRedirect', timeoutMs: 280_000 },
      )
      .catch((error: Error) => error);
    await holding;
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'papergraph.js'), 'curate', ops, '--no-progress'],
      {
        env: cliChildEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor('the merge to block on its redirect', async () => {
        if (child.exitCode !== null) throw new Error(`papergraph curate exited early: ${output}`);
        const txs = await executor.read(MERGE_TRANSACTIONS, { from: FROM });
        return txs.some((t) => String(t.status).startsWith('Blocked'));
      });
      // mid-merge, uncommitted: nothing of it is visible yet
      expect(classify(await scoped(), old)).toBe('old');
      child.kill('SIGKILL');
      await exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      release();
      // the lock's own end does not matter to the verdict (rolled back by us, or ended by the server)
      await lock;
    }
    await waitFor(
      'the killed merge to leave the server',
      async () => (await executor.read(MERGE_TRANSACTIONS, { from: FROM })).length === 0,
    );
    expect(['old', 'new']).toContain(classify(await scoped(), old));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a merge that completes gives the new state (the classifier recognises it)', async () => {
    const service = new CurationService(executor);
    const now = await scoped();
    if (classify(now, old) === 'old')
      expect(
        (await service.mergeEntities({ actor: 'test' }, { from: FROM, into: INTO, note: 'done' })).changed,
      ).toBe(true);
    expect(classify(await scoped(), old)).toBe('new');
  });
});
