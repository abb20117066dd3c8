import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLogger,
  createLoggingPlugin,
  requestIdFor,
  startHttpRequestLog,
} from '../../src/server/logging';
import { limits, testServer } from './limits-fixture';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(line) },
  });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

const SECRET = 'pg_live_9f8e7d6c5b4a39281706';
const ABSTRACT =
  'We introduce the Quokka Transformer, a distinctive architecture whose abstract must never reach a log line.';

describe('Logs: structured lines', () => {
  it.each([
    ['abc-123', 'abc-123'],
    ['req.7:trace_9', 'req.7:trace_9'],
  ])('keeps a sane client request id %j', (header, id) => {
    expect(requestIdFor(header)).toBe(id);
  });

  it.each([['../../etc/passwd'], ['<script>'], ['x'.repeat(200)], [''], [undefined]])(
    'replaces an unusable request id %j with a UUID',
    (header) => {
      expect(requestIdFor(header)).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('censors authorization headers, keys, variables, queries and abstracts wherever they are logged', () => {
    const { logger, lines } = capture();
    logger.info(
      { headers: { authorization: `Bearer ${SECRET}` }, variables: { papers: [{ abstract: ABSTRACT }] } },
      'one',
    );
    logger.info(
      {
        req: { headers: { authorization: SECRET } },
        apiKey: SECRET,
        abstract: ABSTRACT,
        query: `{ x(a: "${SECRET}") }`,
      },
      'two',
    );
    logger.info({ paper: { abstract: ABSTRACT }, input: { papers: [{ abstract: ABSTRACT }] } }, 'three');
    const text = lines.join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Quokka');
    expect(text).toContain('[redacted]');
  });

  it('logs one http line per request with request id, status and duration, and echoes the id', async () => {
    const { logger, records } = capture();
    const server: Server = createServer((req, res) => {
      startHttpRequestLog(logger, req, res);
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${base}/healthz?token=${SECRET}`, {
        headers: { 'x-request-id': 'trace-42', authorization: `Bearer ${SECRET}` },
      });
      expect(ok.headers.get('x-request-id')).toBe('trace-42');
      await ok.text();
      const missing = await fetch(`${base}/missing`);
      const generated = missing.headers.get('x-request-id');
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      await missing.text();
      // a line is written when the server closes the response, which may come just after the
      // client has read it: wait for both lines rather than sleeping
      for (let i = 0; i < 1_000 && records().filter((r) => r.kind === 'http').length < 2; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const http = records().filter((r) => r.kind === 'http');
      expect(http).toEqual([
        expect.objectContaining({
          requestId: 'trace-42',
          method: 'GET',
          path: '/healthz',
          status: 200,
          outcome: 'ok',
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({
          requestId: generated,
          path: '/missing',
          status: 404,
          outcome: 'client_error',
        }),
      ]);
      expect(JSON.stringify(records())).not.toContain(SECRET); // query string is not logged
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('logs one graphql line per operation with name, outcome, codes, duration and cost, without variables', async () => {
    const { logger, records, lines } = capture();
    const server = testServer(limits(), [createLoggingPlugin(logger)]);
    await server.start();
    try {
      await server.executeOperation(
        {
          query: 'mutation Ingest($papers: [PaperInput!]!) { ingestPapers(papers: $papers) }',
          variables: { papers: [{ title: 'T', abstract: ABSTRACT }] },
        },
        { contextValue: { requestId: 'req-1', keyId: 'write-1' } },
      );
      await server.executeOperation(
        {
          query:
            'query Deep { paper(id: "1") { methods { edges { node { parents { parents { parents { parents { parents { parents { parents { parents { name } } } } } } } } } } } } }',
        },
        { contextValue: { requestId: 'req-2' } },
      );
      await server.executeOperation(
        { query: 'query Missing { paper(id: "missing") { id } }' },
        { contextValue: { requestId: 'req-3' } },
      );
      const graphql = records().filter((r) => r.kind === 'graphql');
      expect(graphql).toEqual([
        expect.objectContaining({
          requestId: 'req-1',
          operationName: 'Ingest',
          operationType: 'mutation',
          outcome: 'ok',
          keyId: 'write-1',
          cost: 1,
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({
          requestId: 'req-2',
          operationName: 'Deep',
          outcome: 'error',
          status: 400,
          errorCodes: ['QUERY_TOO_COMPLEX'],
        }),
        expect.objectContaining({ requestId: 'req-3', operationName: 'Missing', errorCodes: ['NOT_FOUND'] }),
      ]);
      expect(records().filter((r) => r.level === 'error')).toEqual([]); // a coded AppError is not an internal error
      expect(lines.join('\n')).not.toContain('Quokka');
    } finally {
      await server.stop();
    }
  });
});
