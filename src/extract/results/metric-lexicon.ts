// The metric lexicon (data/lexicon/metrics.json, written from general knowledge) compiled once per
// process: canonical metrics with aliases and a direction, a matcher over running text, and the
// lookup every layer uses to turn any metric name (extracted or from a leaderboard dump) into a
// Metric entity under the one name normalization.
import metricsData from '../../../data/lexicon/metrics.json';
import { normalizeName } from '../../names/normalize';

export type MetricKind = 'score' | 'efficiency';

export interface MetricEntry {
  /** Stable key: the normalized canonical name; the Metric id is `metric:<key>`. */
  key: string;
  name: string;
  aliases: string[];
  higherIsBetter: boolean | null;
  kind: MetricKind;
}

export interface MetricMention {
  entry: MetricEntry;
  /** Offsets into the searched text. */
  start: number;
  end: number;
  surface: string;
}

interface MetricFileEntry {
  name: string;
  aliases: string[];
  caseSensitive?: string[];
  higherIsBetter: boolean | null;
  kind: MetricKind;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any run of spaces or hyphens in an alias matches any run of spaces or hyphens in text. */
function aliasPattern(alias: string): string {
  return alias
    .split(/[\s-]+/)
    .map(escapeRe)
    .join('[\\s\\-]*');
}

function build(): {
  entries: MetricEntry[];
  byKey: Map<string, MetricEntry>;
  anyCase: RegExp;
  exactCase: RegExp;
  surfaceOf: Map<string, MetricEntry>;
} {
  const entries: MetricEntry[] = [];
  const byKey = new Map<string, MetricEntry>();
  const surfaceOf = new Map<string, MetricEntry>();
  const anyCase: string[] = [];
  const exactCase: string[] = [];
  for (const raw of (metricsData as { entries: MetricFileEntry[] }).entries) {
    const entry: MetricEntry = {
      key: normalizeName(raw.name),
      name: raw.name,
      aliases: raw.aliases.filter((a) => a !== raw.name),
      higherIsBetter: raw.higherIsBetter,
      kind: raw.kind,
    };
    entries.push(entry);
    const cs = new Set(raw.caseSensitive ?? []);
    for (const surface of [raw.name, ...raw.aliases]) {
      const k = normalizeName(surface);
      if (!byKey.has(k)) byKey.set(k, entry);
      if (cs.has(surface)) {
        exactCase.push(aliasPattern(surface));
        surfaceOf.set(surface, entry);
      } else {
        anyCase.push(aliasPattern(surface));
        surfaceOf.set(surface.toLowerCase(), entry);
      }
    }
  }
  const byLength = (a: string, b: string): number => b.length - a.length;
  const wrap = (alts: string[], flags: string): RegExp =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${alts.sort(byLength).join('|')})(?:s(?=\\s+of\\b))?(?![\\p{L}\\p{N}])`,
      flags,
    );
  return { entries, byKey, anyCase: wrap(anyCase, 'giu'), exactCase: wrap(exactCase, 'gu'), surfaceOf };
}

const LEXICON = build();

/** Every metric of the lexicon. */
export function metricEntries(): readonly MetricEntry[] {
  return LEXICON.entries;
}

/** The lexicon metric a name (any alias, any spelling that normalizes the same) stands for. */
export function lookupMetric(name: string): MetricEntry | undefined {
  return LEXICON.byKey.get(normalizeName(name));
}

/**
 * The Metric entity of any metric name: the lexicon's when it knows the name, else a metric keyed by
 * the normalized name whose direction is unknown (`higherIsBetter: null`).
 */
export function resolveMetric(name: string): MetricEntry {
  const known = lookupMetric(name);
  if (known) return known;
  const trimmed = name.trim();
  return { key: normalizeName(trimmed), name: trimmed, aliases: [], higherIsBetter: null, kind: 'score' };
}

function entryForSurface(surface: string): MetricEntry | undefined {
  const found =
    LEXICON.surfaceOf.get(surface) ??
    LEXICON.surfaceOf.get(surface.toLowerCase()) ??
    LEXICON.byKey.get(normalizeName(surface));
  // A plural before "of" ("APs of 51.2 and 49.0", "AUCs of 0.91"): the metric of its singular.
  return found ?? (surface.endsWith('s') ? entryForSurface(surface.slice(0, -1)) : undefined);
}

/** Metric mentions in `text`, longest first where they overlap, in text order. */
export function findMetrics(text: string): MetricMention[] {
  const found: MetricMention[] = [];
  for (const re of [LEXICON.exactCase, LEXICON.anyCase]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const entry = entryForSurface(m[0]);
      if (entry) found.push({ entry, start: m.index, end: m.index + m[0].length, surface: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: MetricMention[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/** The raw lexicon data, for version hashes. */
export const METRIC_LEXICON_DATA = metricsData;
