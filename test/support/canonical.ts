// A canonical text of a stored value (keys sorted at every level): two graph dumps compare equal
// exactly when their values do. Shared by the tests that dump nodes and relationships to compare
// states (merge crash classification, export round trip).
import type { Plain } from '../../src/db/values';

export function canonical(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
