// Papers with Code dump readers. Registers the `pwc` input format with the reader registry (papers
// of `papers-with-abstracts.json` for `papergraph extract`); ingest reads every dump kind through
// readPwcDump directly, because links / methods / datasets records are not papers.
import { registerFormatReader } from '../format-registry';
import type { ReadResult } from '../read-result.types';
import type { Readable } from 'node:stream';
import { readPwcDump } from './pwc-dump.reader';
import { pwcKindOfFile } from './pwc-record.mapper';

export { readPwcDump, readPwcFile, openDump } from './pwc-dump.reader';
export { mapPwcRecord, pwcKindOfFile, pwcKindOfRecord } from './pwc-record.mapper';
export { mapEvaluationTask } from './pwc-evaluation.mapper';
export { parseScore } from './pwc-score';
export type { PwcDumpKind, PwcPaperRef, PwcRecord, PwcReadResult, PwcDatasetInfo } from './pwc.types';

async function* readPwcPapers(input: Readable, file: string): AsyncIterable<ReadResult> {
  for await (const r of readPwcDump(input, file)) {
    if (!r.ok) yield r;
    else if (r.record.kind === 'paper') yield { ok: true, paper: r.record.paper, file: r.file, line: r.line };
    // links / methods / datasets elements carry no paper text: nothing to extract.
  }
}

registerFormatReader({
  format: 'pwc',
  read: readPwcPapers,
  detect: (_head, file) => pwcKindOfFile(file) !== undefined,
});
