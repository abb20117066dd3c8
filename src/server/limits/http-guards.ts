// HTTP-level limits applied before Apollo sees a request: the body size cap (413), malformed JSON
// (400) and batched requests (400), each answered with a GraphQL-shaped body carrying
// `extensions.code`, so every rejection is machine-readable.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../../errors/error-code';

/** A request the HTTP layer refuses; `sendHttpError` turns it into a response. */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

/** Writes `{"errors":[{"message","extensions":{"code"}}]}` with the given status (no-op if already sent). */
export function sendHttpError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

export function sendRequestError(res: ServerResponse, error: HttpRequestError): void {
  sendHttpError(res, error.status, error.code, error.message, error.headers);
}

function tooLarge(maxBytes: number): HttpRequestError {
  return new HttpRequestError(
    413,
    ErrorCode.BAD_USER_INPUT,
    `The request body is larger than ${maxBytes} bytes (PAPERGRAPH_MAX_BODY_BYTES). Send fewer papers per ingestPapers call or a smaller query.`,
    { Connection: 'close' },
  );
}

/** After refusing a body, discards what the client still sends (up to a bound) so it can read the answer. */
function drain(req: IncomingMessage, maxBytes: number): void {
  let discarded = 0;
  const bound = Math.max(maxBytes * 16, 64 * 1024 * 1024);
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > bound) req.socket.destroy();
  });
  req.resume();
}

/**
 * Reads the whole body, refusing with 413 as soon as it is known to exceed `maxBytes` (from
 * Content-Length, or while streaming).
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      drain(req, maxBytes);
      reject(tooLarge(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const onData = (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        req.off('data', onData);
        drain(req, maxBytes);
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    req.once('error', (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

/** Parses a JSON body; malformed JSON is a 400 BAD_REQUEST. Empty body -> undefined. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpRequestError(
      400,
      'BAD_REQUEST',
      'The request body is not valid JSON. Send {"query": "...", "variables": {...}}.',
    );
  }
}

/** Refuses a batched (array) body when batching is off or the batch is longer than `maxBatch`. */
export function checkBatch(body: unknown, maxBatch: number): void {
  if (!Array.isArray(body)) return;
  if (maxBatch <= 1) {
    throw new HttpRequestError(
      400,
      ErrorCode.QUERY_TOO_COMPLEX,
      'Batched requests are disabled on this server (PAPERGRAPH_MAX_BATCH=1): send one operation per request.',
    );
  }
  if (body.length > maxBatch) {
    throw new HttpRequestError(
      400,
      ErrorCode.QUERY_TOO_COMPLEX,
      `The batch has ${body.length} operations; the limit is ${maxBatch} (PAPERGRAPH_MAX_BATCH).`,
    );
  }
}
