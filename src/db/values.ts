// Converts driver values (Node, Relationship, Path, Integer, temporal types) to plain JSON-able
// JavaScript at the database boundary, so nothing from neo4j-driver reaches services or GraphQL.
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isTime,
  isNode,
  isPath,
  isRelationship,
} from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Converts one value of a record. Lists and maps the driver unpacked are converted in place (they
 * belong to the record alone): the common case - maps, lists and scalars, as the API's statements
 * return - then costs one pass and no copy; only driver types are rebuilt.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
        list[i] = toPlain(item);
    }
    return list as Plain[];
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const item = map[key];
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
        map[key] = toPlain(item);
    }
    return map as { [key: string]: Plain };
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isNode(value as object)) {
    const node = value as { labels: string[]; properties: Record<string, unknown>; elementId: string };
    return { ...plainObject(node.properties), __labels: node.labels, __elementId: node.elementId };
  }
  if (isRelationship(value as object)) {
    const rel = value as {
      type: string;
      properties: Record<string, unknown>;
      elementId: string;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      ...plainObject(rel.properties),
      __type: rel.type,
      __elementId: rel.elementId,
      __start: rel.startNodeElementId,
      __end: rel.endNodeElementId,
    };
  }
  if (isPath(value as object)) {
    const path = value as {
      segments: { start: unknown; relationship: unknown; end: unknown }[];
      start: unknown;
    };
    return {
      start: toPlain(path.start),
      segments: path.segments.map((s) => ({
        start: toPlain(s.start),
        relationship: toPlain(s.relationship),
        end: toPlain(s.end),
      })),
    };
  }
  const obj = value as object;
  if (
    isDate(obj) ||
    isDateTime(obj) ||
    isLocalDateTime(obj) ||
    isTime(obj) ||
    isLocalTime(obj) ||
    isDuration(obj)
  ) {
    return obj.toString();
  }
  if (typeof value === 'object') return plainObject(value as Record<string, unknown>);
  return String(value);
}

function plainObject(obj: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}

/** A whole number as a Neo4j INTEGER parameter (a plain JavaScript number is sent as a FLOAT). */
export function toNeo4jInteger(value: number): unknown {
  return neo4j.int(value);
}
