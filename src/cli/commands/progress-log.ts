// Progress of `export` / `import` on stderr: a line at most every few seconds (and a last one), with
// records done, the expected total and what is being written.
export type ProgressLog = (done: number, total: number, what: string, last?: boolean) => void;

export function progressLogger(
  command: string,
  stream: NodeJS.WritableStream = process.stderr,
  intervalMs = 3_000,
): ProgressLog {
  const started = Date.now();
  let lastAt = 0;
  return (done, total, what, last = false) => {
    const now = Date.now();
    if (!last && now - lastAt < intervalMs) return;
    lastAt = now;
    const pct = total > 0 ? ` (${Math.min(100, (100 * done) / total).toFixed(1)}%)` : '';
    const seconds = ((now - started) / 1000).toFixed(1);
    stream.write(`${command}: ${done}${total > 0 ? `/${total}` : ''} records${pct}, ${what}, ${seconds} s\n`);
  };
}
