// Relay cursor pagination. Cursors are opaque to clients; today they are base64 of `offset:<n>`
// (a position in the ordered list), which is documented in docs/API.md but not part of the contract.
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import type {
  ConnectionModel,
  EdgeDataModel,
  EdgeModel,
  ResultModel,
  ResultPageModel,
} from '../../read-model/models';
import { checkRange } from './argument-limits';

export interface PageRequest {
  /** Rows to skip (the position after the `after` cursor). */
  skip: number;
  /** Rows to return. */
  limit: number;
}

/** Cursors of the first offsets, made once: every page of every list starts at offset 0. */
const CURSORS: string[] = [];
const CACHED_CURSORS = 1_000;

export function encodeCursor(offset: number): string {
  const cached = Number.isInteger(offset) && offset >= 0 && offset < CACHED_CURSORS;
  if (cached && CURSORS[offset] !== undefined) return CURSORS[offset];
  const cursor = Buffer.from(`offset:${offset}`, 'utf8').toString('base64');
  if (cached) CURSORS[offset] = cursor;
  return cursor;
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^offset:(\d{1,9})$/.exec(text);
  if (!match) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `\`after\` is not a cursor returned by this API: "${cursor.slice(0, 40)}". Pass an \`endCursor\` or \`edges.cursor\` value.`,
    );
  }
  return Number(match[1]);
}

/** Validates `first`/`after` (before any database work) and turns them into skip/limit. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = checkFirst(first);
  const skip = after ? decodeCursor(after) + 1 : 0;
  return { skip, limit };
}

export function checkFirst(first: number | null | undefined): number {
  return checkRange('first', first);
}

/**
 * Builds a connection from one page of items plus the total count of the whole list. `total` is null
 * when the client selected neither `totalCount` nor `pageInfo` (the count was not run); both are then
 * NaN / false and never read (an Int field would reject NaN loudly rather than answer a wrong count).
 */
export function toConnection<T>(
  items: { node: T; data?: Partial<EdgeDataModel> }[],
  total: number | null,
  page: PageRequest,
): ConnectionModel<T> {
  const edges: EdgeModel<T>[] = items.map((item, i) => ({
    role: null,
    relation: null,
    relations: [],
    confidence: null,
    source: null,
    sources: [],
    paperCount: null,
    evidence: [],
    ...item.data,
    cursor: encodeCursor(page.skip + i),
    node: item.node,
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: total ?? Number.NaN,
    pageInfo: {
      hasNextPage: total !== null && page.skip + edges.length < total,
      hasPreviousPage: page.skip > 0,
      startCursor: edges.length > 0 ? edges[0].cursor : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
  };
}

/** A page of results (a leaderboard, a method's results) as a connection: each edge carries its result's source and confidence. */
export function toResultConnection(result: ResultPageModel, page: PageRequest): ConnectionModel<ResultModel> {
  return toConnection(
    result.items.map((node) => ({
      node,
      data: { source: node.source, sources: [node.source], confidence: node.confidence },
    })),
    result.total,
    page,
  );
}
