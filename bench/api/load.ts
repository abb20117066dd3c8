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
  /** Failed requests per task name. */
  errorsByName: Map<string, number>;
  /** Latencies in ms per task name (successful requests only). */
  latencies: Map<string, number[]>;
}

export async function runClosedLoop(
  tasks: Task[],
  connections: number,
  durationMs: number,
): Promise<LoadSample> {
  const latencies = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const errorsByName = new Map<string, number>(tasks.map((t) => [t.name, 0]));
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
      } else {
        errors++;
        errorsByName.set(task.name, (errorsByName.get(task.name) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { durationS: (performance.now() - started) / 1000, completed, errors, errorsByName, latencies };
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Whether a GraphQL-over-HTTP response is an answer: status 200 and a JSON body with a `data` object and
 * no `errors` entry. GraphQL reports field errors (time limits, bad arguments, ...) inside a 200, so the
 * status alone would count a failed read as a fast one.
 */
export function answered(status: number | undefined, text: string): boolean {
  if (status !== 200) return false;
  // the common case without parsing (the load generator shares the cores with what it measures): a
  // compact object that opens with `data` and mentions no `errors` anywhere
  if (text.startsWith('{"data":{') && !text.includes('"errors"') && /}\s*}\s*$/.test(text.slice(-8)))
    return true;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined && !(Array.isArray(errors) && errors.length === 0)) return false;
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

/** An HTTP task posting one GraphQL request; ok when `answered` (status 200, `data`, no `errors`). */
export function graphqlTask(
  name: string,
  url: string,
  agent: http.Agent,
  request: GraphQLRequest,
  onError?: (body: string) => void,
  onAnswer?: (res: http.IncomingMessage, ok: boolean) => void,
): Task {
  const target = new URL(url);
  // the body is made when the request is sent: a run builds tens of thousands of tasks, and their
  // bodies made up front were megabytes of garbage collected during the timed run
  return {
    name,
    run: () =>
      new Promise<boolean>((resolve, reject) => {
        const body = Buffer.from(JSON.stringify(request));
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
              const ok = answered(res.statusCode, text);
              if (!ok) onError?.(text);
              onAnswer?.(res, ok);
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

/**
 * The p-th percentile of the answered latencies (sorted ascending), with `failed` requests ranked slowest:
 * NaN (reported as null) when the percentile falls on a failed request, so a latency is never given for
 * a share of requests that were not answered.
 */
export function percentile(sorted: number[], p: number, failed = 0): number {
  const n = sorted.length + failed;
  if (n === 0) return NaN;
  const i = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
  return i < sorted.length ? sorted[i] : NaN;
}
