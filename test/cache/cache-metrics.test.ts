// GET /metrics' text: the cache counters in Prometheus' text format, with the cache on, off and absent.
import { cacheMetrics, metricsText } from '../../src/server/cache/cache-metrics';
import { ResponseCaching } from '../../src/server/cache/response-caching';
import type { Executor } from '../../src/db/executor';

// the version is never read here: these tests only count
const executor = {} as Executor;
const caching = (maxBytes: number) =>
  new ResponseCaching({ executor, config: { maxBytes, staleMs: 1000, cacheControl: 'no-cache' } });

describe('cache metrics', () => {
  it('counts hits, misses and stores of the result cache', () => {
    const on = caching(1024 * 1024);
    on.get('v1', 'k');
    on.set('v1', 'k', { body: '{"data":{}}', contentType: 'application/json', etag: '"e"' });
    on.get('v1', 'k');
    on.get('v1', 'k');
    const text = metricsText(cacheMetrics(on));
    expect(text).toContain('# TYPE papergraph_cache_hits_total counter\npapergraph_cache_hits_total 2\n');
    expect(text).toContain('\npapergraph_cache_misses_total 1\n');
    expect(text).toContain('\npapergraph_cache_stores_total 1\n');
    expect(text).toContain('\npapergraph_cache_entries 1\n');
    expect(text).toContain('\npapergraph_cache_max_bytes 1048576\n');
    expect(text).toContain('\npapergraph_cache_enabled 1\n');
    // every sample line follows its HELP and TYPE lines
    const lines = text.trimEnd().split('\n');
    expect(lines.length % 3).toBe(0);
    for (let i = 0; i < lines.length; i += 3) {
      const name = lines[i + 2].split(' ')[0];
      expect(lines[i]).toMatch(new RegExp(`^# HELP ${name} `));
      expect(lines[i + 1]).toMatch(new RegExp(`^# TYPE ${name} (counter|gauge)$`));
      expect(lines[i + 2]).toMatch(/^[a-z_]+ \d+$/);
    }
  });

  it('says off with PAPERGRAPH_CACHE_MB=0, and without caching configured', () => {
    const off = metricsText(cacheMetrics(caching(0)));
    expect(off).toContain('\npapergraph_cache_enabled 0\n');
    expect(off).toContain('\npapergraph_graph_version_reads_total 0\n');
    expect(off).not.toContain('hits_total');
    expect(metricsText(cacheMetrics(null))).toBe(
      '# HELP papergraph_cache_enabled Whether the result cache is on (PAPERGRAPH_CACHE_MB > 0).\n# TYPE papergraph_cache_enabled gauge\npapergraph_cache_enabled 0\n',
    );
  });
});
