// Reads a leaderboard value as PwC wrote it: `"71.8%"`, `"0.718"`, `"48.5 ± 0.3"`, `"2.1M"`,
// `"1,234.5"`, `"85.2 (single model)"` -> the number shown and its unit. Pure.

export interface Score {
  value: number;
  /** `%`, a magnitude suffix (`K`, `M`, `B`, `G`, `T`) or null. */
  unit: string | null;
}

const SCORE =
  /^\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\.\d+)\s*(%|[KMBGT](?![A-Za-z]))?/;

/** The leading number and unit of a value string; undefined when it does not start with a number. */
export function parseScore(raw: string): Score | undefined {
  const m = SCORE.exec(raw.replace(/\u2212/g, '-'));
  if (!m) return undefined;
  const value = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return { value, unit: m[2] ?? null };
}
