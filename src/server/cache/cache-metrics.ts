// GET /metrics: the result cache's counters in the Prometheus text exposition format (version 0.0.4),
// so a scraper (or `curl`) sees hit and miss rates while the server runs, not only in its shutdown log.
import type { ResponseCaching } from './response-caching';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface Metric {
  name: string;
  type: 'counter' | 'gauge';
  help: string;
  value: number;
}

/** The metrics of a server's caching (`null`: caching not configured at all). */
export function cacheMetrics(caching: ResponseCaching | null): Metric[] {
  const stats = caching?.stats();
  const on = stats !== undefined && 'hits' in stats ? stats : null;
  const metrics: Metric[] = [
    {
      name: 'papergraph_cache_enabled',
      type: 'gauge',
      help: 'Whether the result cache is on (PAPERGRAPH_CACHE_MB > 0).',
      value: on ? 1 : 0,
    },
  ];
  if (stats) {
    metrics.push({
      name: 'papergraph_graph_version_reads_total',
      type: 'counter',
      help: 'Graph version reads (at most one per PAPERGRAPH_CACHE_STALE_MS, plus one after each write through this server).',
      value: stats.versionReads,
    });
  }
  if (on) {
    const counter = (name: string, help: string, value: number) =>
      metrics.push({ name: `papergraph_cache_${name}`, type: 'counter', help, value });
    const gauge = (name: string, help: string, value: number) =>
      metrics.push({ name: `papergraph_cache_${name}`, type: 'gauge', help, value });
    counter('hits_total', 'Reads answered from the result cache.', on.hits);
    counter('misses_total', 'Cacheable reads that were executed.', on.misses);
    counter('stores_total', 'Responses stored (successful queries).', on.stores);
    counter('evictions_total', 'Entries evicted to stay within PAPERGRAPH_CACHE_MB.', on.evictions);
    counter(
      'bypassed_total',
      'Reads run without the cache because the graph version could not be read.',
      on.bypassed,
    );
    gauge('entries', 'Entries held.', on.entries);
    gauge('bytes', 'Estimated memory held by the entries, bytes.', on.bytes);
    gauge('max_bytes', 'The memory bound, bytes.', on.maxBytes);
  }
  return metrics;
}

/** The metrics as Prometheus text. */
export function metricsText(metrics: Metric[]): string {
  return metrics
    .map((m) => `# HELP ${m.name} ${m.help}\n# TYPE ${m.name} ${m.type}\n${m.name} ${m.value}\n`)
    .join('');
}
