// Registry of input-format readers: the extension point for formats outside this folder (the
// Papers with Code dumps under ./pwc register themselves here), so adding a format needs no edit
// to read-papers.ts.
import type { FormatReader, InputFormat } from './read-result.types';

export interface FormatRegistration {
  format: InputFormat | string;
  read: FormatReader;
  /**
   * Optional auto-detection: given the first bytes of the input (decoded, up to 64 KB) and the file
   * name, claim the input. Detectors registered here run before the built-in page/jsonl/json sniffing.
   */
  detect?: (head: string, file: string) => boolean;
}

const registry = new Map<string, FormatRegistration>();

/** Registers (or replaces) the reader of a format. */
export function registerFormatReader(registration: FormatRegistration): void {
  registry.set(registration.format, registration);
}

export function getFormatReader(format: string): FormatRegistration | undefined {
  return registry.get(format);
}

export function registeredFormats(): FormatRegistration[] {
  return [...registry.values()];
}
