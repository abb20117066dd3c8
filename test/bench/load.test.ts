// The API benchmark's load generator must never count a failed answer as a fast one: GraphQL reports
// errors inside a 200, and a failed request must not vanish from the latency percentiles.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answered, graphqlTask, percentile, runClosedLoop } from '../../bench/api/load';

describe('answered', () => {
  it('accepts a 200 with data and no errors', () => {
    expect(answered(200, '{"data":{"method":{"id":"m"}}}')).toBe(true);
    expect(answered(200, '{"data":{"method":null}}')).toBe(true);
    expect(answered(200, '{"data":{"a":1},"errors":[]}')).toBe(true);
  });

  it('refuses GraphQL errors inside a 200, wherever the errors key sits', () => {
    expect(answered(200, '{"errors":[{"message":"time limit"}],"data":{"method":null}}')).toBe(false);
    expect(answered(200, '{"data":{"method":null},"errors":[{"message":"time limit"}]}')).toBe(false);
    expect(answered(200, '{ "data": { "method": null }, "errors": [ { "message": "x" } ] }')).toBe(false);
    expect(answered(200, '{"errors":[{"message":"memory limit"}],"data":null}')).toBe(false);
  });

  it('refuses other statuses, no data and bodies that are not a JSON object', () => {
    expect(answered(400, '{"data":{"a":1}}')).toBe(false);
    expect(answered(undefined, '{"data":{"a":1}}')).toBe(false);
    expect(answered(200, '{"data":null}')).toBe(false);
    expect(answered(200, '{}')).toBe(false);
    expect(answered(200, '[]')).toBe(false);
    expect(answered(200, 'Internal error')).toBe(false);
    expect(answered(200, '{"data":{"a":1}')).toBe(false);
  });

  it('does not mistake an answer that mentions errors for an error', () => {
    expect(answered(200, '{"data":{"paper":{"abstract":"\\"errors\\":[ are reduced"}}}')).toBe(true);
  });
});

describe('percentile', () => {
  const sorted = Array.from({ length: 99 }, (_, i) => i + 1);

  it('is the nearest-rank percentile of the answered latencies when none failed', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted.slice(0, 50), 50)).toBe(25);
    expect(percentile([], 99)).toBeNaN();
  });

  it('ranks failed requests slowest: no latency where the percentile falls on one', () => {
    expect(percentile(sorted, 99, 1)).toBe(99); // 100 requests, the 99th answered
    expect(percentile(sorted, 99, 2)).toBeNaN(); // 101 requests, the 100th failed
    expect(percentile(sorted, 50, 2)).toBe(51);
    expect(percentile([], 50, 3)).toBeNaN();
  });
});

describe('graphqlTask in the closed loop', () => {
  let server: http.Server;
  let url: string;
  const bodies = [
    '{"data":{"ok":true}}',
    '{"errors":[{"message":"ran past the time limit"}],"data":{"method":null}}',
  ];

  beforeAll(async () => {
    let n = 0;
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(bodies[n++ % bodies.length]);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('counts a 200 carrying errors as a failed request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const failures: string[] = [];
    const task = graphqlTask('q', url, agent, { query: '{ ok }', variables: {} }, (b) => failures.push(b));
    expect(await task.run()).toBe(true);
    expect(await task.run()).toBe(false);
    agent.destroy();
    expect(failures).toEqual([bodies[1]]);
  });

  it('keeps failed requests out of the latencies and counts them per task', async () => {
    const tasks = [
      { name: 'good', run: () => Promise.resolve(true) },
      { name: 'bad', run: () => Promise.resolve(false) },
      { name: 'thrown', run: () => Promise.reject(new Error('socket hang up')) },
    ];
    const sample = await runClosedLoop(tasks, 2, 30);
    expect(sample.latencies.get('bad')).toEqual([]);
    expect(sample.latencies.get('thrown')).toEqual([]);
    expect(sample.latencies.get('good')).toHaveLength(sample.completed);
    expect(sample.errorsByName.get('good')).toBe(0);
    expect((sample.errorsByName.get('bad') ?? 0) + (sample.errorsByName.get('thrown') ?? 0)).toBe(
      sample.errors,
    );
  });
});
