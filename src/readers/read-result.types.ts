// The shared result type of every paper reader: one paper, or one record that could not be read.
import type { Readable } from 'node:stream';
import type { PaperInput } from '../extract/extraction.types';

export type ReadResult =
  | { ok: true; paper: PaperInput; file: string; line: number }
  | { ok: false; file: string; line: number; reason: string };

/** Input formats of the contract (`--input-format`). */
export type InputFormat = 'page' | 'jsonl' | 'json' | 'pwc';

export const INPUT_FORMATS: readonly InputFormat[] = ['page', 'jsonl', 'json', 'pwc'];

/**
 * Reads one already-opened (and decompressed) input stream. `file` is the name used in ReadResults
 * (`-` input is reported as `<stdin>`). Must stream: never buffer the whole input.
 */
export type FormatReader = (input: Readable, file: string) => AsyncIterable<ReadResult>;
