// Ingest progress on stderr: a cli-progress bar with rate and ETA on a terminal, a one-line log
// every few seconds otherwise. Position is measured in input lines (totals counted up front for
// plain files), so the ETA works for every format; counts are papers.
import * as fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { IngestProgress } from './ingest.types';

export interface ProgressReporter {
  update(p: IngestProgress): void;
  stop(): void;
}

/** Newlines in each plain (not gzip, not stdin) file; files we cannot count are left out. */
export async function countLines(files: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const file of files) {
    if (file === '-' || file.toLowerCase().endsWith('.gz')) continue;
    let n = 0;
    try {
      for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
        const buf = chunk as Buffer;
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
      }
      out.set(file, n + 1);
    } catch {
      // unreadable: the reader reports it as a reject
    }
  }
  return out;
}

function fmtRate(r: number): string {
  return r < 10 ? r.toFixed(1) : r.toFixed(0);
}

function fmtDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

export function createProgressReporter(
  files: string[],
  lineTotals: Map<string, number>,
  options: { tty?: boolean; intervalMs?: number; stream?: NodeJS.WriteStream } = {},
): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean(stream.isTTY);
  const total = [...lineTotals.values()].reduce((a, b) => a + b, 0);
  const offsets = new Map<string, number>();
  let acc = 0;
  for (const f of files) {
    offsets.set(f, acc);
    acc += lineTotals.get(f) ?? 0;
  }
  const started = Date.now();
  let last: IngestProgress = { papers: 0, skipped: 0, rejected: 0 };
  const position = (p: IngestProgress): number =>
    p.file && p.line !== undefined ? (offsets.get(p.file) ?? 0) + p.line : 0;
  const rateOf = (p: IngestProgress): number =>
    (p.papers + p.skipped) / Math.max(0.001, (Date.now() - started) / 1000);

  if (tty) {
    const bar = new SingleBar({
      stream,
      format:
        ' ingest {bar} {percentage}% | {papers} papers, {skipped} skipped, {rejected} rejected | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    });
    bar.start(total || 1, 0, { papers: 0, skipped: 0, rejected: 0, rate: '0' });
    return {
      update(p) {
        last = p;
        bar.update(Math.min(total || 1, position(p)), {
          papers: p.papers,
          skipped: p.skipped,
          rejected: p.rejected,
          rate: fmtRate(rateOf(p)),
        });
      },
      stop() {
        bar.update(total || 1, {
          papers: last.papers,
          skipped: last.skipped,
          rejected: last.rejected,
          rate: fmtRate(rateOf(last)),
        });
        bar.stop();
      },
    };
  }

  const interval = options.intervalMs ?? 5_000;
  let lastLog = Date.now();
  const log = (p: IngestProgress): void => {
    const pos = position(p);
    const elapsed = (Date.now() - started) / 1000;
    const pct = total > 0 ? Math.min(100, (100 * pos) / total) : undefined;
    const eta = pct && pct > 0 ? fmtDuration((elapsed * (100 - pct)) / pct) : '?';
    stream.write(
      `ingest: ${p.papers} papers, ${p.skipped} skipped, ${p.rejected} rejected | ${fmtRate(rateOf(p))} papers/s` +
        (pct !== undefined ? ` | ${pct.toFixed(1)}% | ETA ${eta}` : '') +
        ` | ${fmtDuration(elapsed)} elapsed\n`,
    );
  };
  return {
    update(p) {
      last = p;
      if (Date.now() - lastLog >= interval) {
        lastLog = Date.now();
        log(p);
      }
    },
    stop() {},
  };
}
