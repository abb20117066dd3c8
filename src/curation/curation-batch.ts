// Batches of curation operations (`papergraph curate FILE`): JSON lines `{"op": "<mutation>",
// ...its arguments}` read one at a time (gzip when the name ends in .gz, `-` for stdin) and applied
// in file order through the same service as the GraphQL mutations, each in its own transaction.
// A line that is not valid JSON, names no known op, or fails validation is rejected with its line
// number and reason; the lines around it still apply.
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import * as zlib from 'node:zlib';
import { isAppError } from '../errors/app-error';
import type { Curator, CurationService } from './curation.service';
import { CURATION_OPS, type CurationOp } from './curation.types';

export interface CurationLine {
  file: string;
  line: number;
  text: string;
}

export type LineOutcome =
  { status: 'applied' | 'unchanged'; op: CurationOp } | { status: 'rejected'; reason: string };

export interface CurationSummary {
  /** Operations that changed the graph. */
  applied: number;
  /** Valid operations that found the change already made (idempotent repeats). */
  unchanged: number;
  rejected: number;
}

/** The non-blank lines of a file (or stdin for `-`), with their 1-based line numbers. */
export async function* readCurationLines(file: string): AsyncIterable<CurationLine> {
  const raw = file === '-' ? process.stdin : fs.createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  const name = file === '-' ? '<stdin>' : file;
  for await (const text of lines) {
    n += 1;
    if (text.trim().length > 0) yield { file: name, line: n, text };
  }
}

function isOp(value: unknown): value is CurationOp {
  return typeof value === 'string' && (CURATION_OPS as readonly string[]).includes(value);
}

/** Applies one line; never throws for bad input (a database failure still throws). */
export async function applyCurationLine(
  service: CurationService,
  curator: Curator,
  text: string,
): Promise<LineOutcome> {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { status: 'rejected', reason: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { status: 'rejected', reason: 'expected a JSON object {"op": ..., ...arguments}' };
  const { op, ...args } = record as Record<string, unknown>;
  if (!isOp(op))
    return {
      status: 'rejected',
      reason: `"op" must be one of ${CURATION_OPS.join(', ')}; got ${JSON.stringify(op)?.slice(0, 60)}`,
    };
  try {
    const changed = await run(service, curator, op, args);
    return { status: changed ? 'applied' : 'unchanged', op };
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT')
      return { status: 'rejected', reason: error.message };
    throw error;
  }
}

// The arguments are checked by the service (types included), so they pass through as given.
async function run(
  service: CurationService,
  curator: Curator,
  op: CurationOp,
  args: Record<string, unknown>,
): Promise<boolean> {
  const a = args as never;
  switch (op) {
    case 'addAlias':
      return (await service.addAlias(curator, a)).changed;
    case 'removeAlias':
      return (await service.removeAlias(curator, a)).changed;
    case 'mergeEntities':
      return (await service.mergeEntities(curator, a)).changed;
    case 'retractRelationship':
      return (await service.retractRelationship(curator, a)).changed;
    case 'assertLineage':
      return (await service.assertLineage(curator, a)).changed;
  }
}
