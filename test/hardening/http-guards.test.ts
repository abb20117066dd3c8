import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkBatch,
  HttpRequestError,
  parseJsonBody,
  readBody,
  sendRequestError,
} from '../../src/server/limits/http-guards';

describe('HTTP guards: body size, JSON and batches', () => {
  let server: Server;
  let port: number;
  const MAX = 1024 * 1024;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      try {
        const body = parseJsonBody(await readBody(req, MAX));
        checkBatch(body, 1);
        res.end(JSON.stringify({ ok: true }));
      } catch (error) {
        if (error instanceof HttpRequestError) sendRequestError(res, error);
        else res.destroy();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('passes a normal body', async () => {
    const res = await post('{"query":"{ stats { papers } }"}');
    expect(res.status).toBe(200);
  });

  it('answers 413 with a coded error for a 10 MB body (declared length)', async () => {
    const res = await post(Buffer.alloc(10 * 1024 * 1024, 0x20));
    expect(res.status).toBe(413);
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toMatch(/larger than 1048576 bytes/);
  });

  it('answers 413 for a chunked body that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      for (let i = 0; i < 8; i += 1) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });

  it.each([
    ['malformed JSON', '{"query": ', 400, 'BAD_REQUEST'],
    ['a batch while batching is off', '[{"query":"{a}"},{"query":"{b}"}]', 400, 'QUERY_TOO_COMPLEX'],
  ])('answers %s with %i %s', async (_name, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe(code);
  });

  it('limits batch length when batching is on', () => {
    expect(() => checkBatch([{}, {}], 2)).not.toThrow();
    expect(() => checkBatch([{}, {}, {}], 2)).toThrow(/3 operations; the limit is 2/);
    expect(() => checkBatch({ query: '{a}' }, 1)).not.toThrow();
  });
});
