// A small closed-loop load generator: `connections` workers each send a request, wait for the answer,
// send the next, for a fixed time. HTTP requests reuse keep-alive sockets (one per worker); the same
// loop drives the raw-Cypher baseline (a worker awaits a driver call instead of an HTTP round trip).
import http from 'node:http';

/** One unit of work; resolves when done, rejects (or returns false) on a failed request. */
export type Task = { name: string; run: () => Promise<boolean> };

export interface LoadSample {
  durationS: number;
  completed: number;
  errors: number;
  /** Latencies in ms per task name (successful requests only). */
  latencies: Map<string, number[]>;
}

export async function runClosedLoop(
  tasks: Task[],
  connections: number,
  durationMs: number,
): Promise<LoadSample> {
  const latencies = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  let completed = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const task = tasks[next++ % tasks.length];
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await task.run();
      } catch {
        ok = false;
      }
      const dt = performance.now() - t0;
      if (ok) {
        completed++;
        latencies.get(task.name)!.push(dt);
      } else errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { durationS: (performance.now() - started) / 1000, completed, errors, latencies };
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** An HTTP task posting one GraphQL request; ok when the status is 200 and the body has no `errors`. */
export function graphqlTask(
  name: string,
  url: string,
  agent: http.Agent,
  request: GraphQLRequest,
  onError?: (body: string) => void,
): Task {
  const body = Buffer.from(JSON.stringify(request));
  const target = new URL(url);
  return {
    name,
    run: () =>
      new Promise<boolean>((resolve, reject) => {
        const req = http.request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': body.length,
              accept: 'application/json',
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              const ok =
                res.statusCode === 200 && !text.startsWith('{"errors"') && !text.includes('"errors":[');
              if (!ok) onError?.(text);
              resolve(ok);
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
  };
}

/** One POST, parsed: for response checks outside the timed loop. */
export async function postGraphQL(
  url: string,
  request: GraphQLRequest,
): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
