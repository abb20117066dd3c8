// A pool of worker threads running `extract` (all cores by default). Used by ingest and the
// benchmark. The worker entry is the compiled `extract.worker.js` next to this file in dist/; when
// this module runs from TypeScript sources (ts-jest), there is no compiled worker, so the pool
// falls back to extracting in the calling thread (same results, no parallelism) unless
// `workerFile` points at a compiled worker (e.g. dist/src/extract/extract.worker.js).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractionRecord, PaperInput } from './extraction.types';

export interface ExtractionPoolOptions {
  /** Worker threads; default: all cores. 0 = extract in the calling thread. */
  threads?: number;
  /** Compiled worker entry; default `extract.worker.js` beside this module. */
  workerFile?: string;
  /** Papers sent to a worker per message (amortizes messaging); default 8. */
  batchSize?: number;
}

export interface ExtractionPool {
  extract(paper: PaperInput): Promise<ExtractionRecord>;
  close(): Promise<void>;
  /** Threads actually running (0 when extracting in the calling thread). */
  readonly threads: number;
}

interface Pending {
  resolve: (r: ExtractionRecord) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
  queue: { id: number; paper: PaperInput }[];
  flushScheduled: boolean;
}

type WorkerReply = { id: number; record?: ExtractionRecord; error?: string };

export function defaultWorkerFile(): string {
  return path.join(__dirname, 'extract.worker.js');
}

export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const threads = options.threads ?? availableParallelism();
  const workerFile = options.workerFile ?? defaultWorkerFile();
  if (threads <= 0 || !existsSync(workerFile)) return inThreadPool();
  const batchSize = Math.max(1, options.batchSize ?? 8);
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  const spawn = (index: number): Slot => {
    const slot: Slot = {
      worker: new Worker(workerFile),
      inFlight: new Map(),
      queue: [],
      flushScheduled: false,
    };
    slot.worker.on('message', (replies: WorkerReply[]) => {
      for (const r of replies) {
        const p = slot.inFlight.get(r.id);
        if (!p) continue;
        slot.inFlight.delete(r.id);
        if (r.record) p.resolve(r.record);
        else p.reject(new Error(`extraction failed in worker: ${r.error ?? 'unknown error'}`));
      }
    });
    const fail = (e: Error): void => {
      for (const p of slot.inFlight.values()) p.reject(e);
      slot.inFlight.clear();
      if (!closed) slots[index] = spawn(index); // replace a crashed worker
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closed) fail(new Error(`extraction worker exited with code ${code}`));
    });
    return slot;
  };
  for (let i = 0; i < threads; i++) slots.push(spawn(i));

  const flush = (slot: Slot): void => {
    slot.flushScheduled = false;
    if (slot.queue.length === 0) return;
    const jobs = slot.queue;
    slot.queue = [];
    slot.worker.postMessage(jobs);
  };

  return {
    threads,
    extract(paper: PaperInput): Promise<ExtractionRecord> {
      if (closed) return Promise.reject(new Error('extraction pool is closed'));
      // Least-loaded worker gets the job.
      let slot = slots[0];
      for (const s of slots) if (s.inFlight.size < slot.inFlight.size) slot = s;
      const id = nextId++;
      return new Promise<ExtractionRecord>((resolve, reject) => {
        slot.inFlight.set(id, { resolve, reject });
        slot.queue.push({ id, paper });
        if (slot.queue.length >= batchSize) flush(slot);
        else if (!slot.flushScheduled) {
          slot.flushScheduled = true;
          setImmediate(() => flush(slot));
        }
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const err = new Error('extraction pool closed');
      for (const s of slots) {
        for (const p of s.inFlight.values()) p.reject(err);
        s.inFlight.clear();
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

function inThreadPool(): ExtractionPool {
  let closed = false;
  return {
    threads: 0,
    extract(paper: PaperInput): Promise<ExtractionRecord> {
      if (closed) return Promise.reject(new Error('extraction pool is closed'));
      // Loaded on first use: with workers, the calling thread never needs the NLP library and lexicon.
      return import('./extractor').then((extractor) => extractor.extract(paper));
    },
    close(): Promise<void> {
      closed = true;
      return Promise.resolve();
    },
  };
}
