// Small HTTP helpers for the reliability tests (loopback only): GraphQL POSTs with variables, raw
// requests, and a check that every error in a body carries `extensions.code`.
export interface GqlResponse {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  };
  ms: number;
}

export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  // a guard against a hung request, not a verdict on speed: wide for a loaded 2-core machine
  timeoutMs = 120_000,
): Promise<GqlResponse> {
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body: GqlResponse['body'];
  try {
    body = JSON.parse(text) as GqlResponse['body'];
  } catch {
    throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body, ms: Date.now() - started };
}

export function codes(response: GqlResponse): string[] {
  return (response.body.errors ?? []).map((e) => String(e.extensions?.code));
}

/** Every error has a code; returns the codes. */
export function expectCoded(response: GqlResponse): string[] {
  for (const e of response.body.errors ?? []) {
    if (typeof e.extensions?.code !== 'string')
      throw new Error(`uncoded error: ${JSON.stringify(e).slice(0, 300)}`);
  }
  return codes(response);
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function status(url: string): Promise<number> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  return res.status;
}
