// `papergraph extract [FILE ...]`: reads papers (files or stdin `-`), prints one extraction record
// per paper as a JSON line (or pretty JSON), reports unreadable records on stderr (or to a rejects
// file) with file, line and reason. Exit 0 all read, 2 some rejected, 1 fatal (including an input
// file that cannot be opened; the other files are still processed). No database.
import { createWriteStream, type WriteStream } from 'node:fs';
import { Command, Option } from 'commander';
import { readPapers } from '../../readers/read-papers';
import { INPUT_FORMATS, type InputFormat } from '../../readers/read-result.types';

interface ExtractOptions {
  inputFormat?: InputFormat;
  pretty?: boolean;
  rejects?: string;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

export async function runExtract(files: string[], options: ExtractOptions): Promise<number> {
  // Loaded here, not at module load: every other command (serve, ingest's main thread) skips the NLP library.
  const { extract } = await import('../../extract/extractor');
  const sources = files.length > 0 ? files : ['-'];
  let rejected = 0;
  let unreadableSources = 0;
  let rejectsStream: WriteStream | undefined;
  if (options.rejects) rejectsStream = createWriteStream(options.rejects, { flags: 'w' });
  try {
    for await (const r of readPapers(sources, { inputFormat: options.inputFormat })) {
      if (!r.ok) {
        rejected++;
        if (r.line === 0) unreadableSources++; // the source itself could not be opened or read
        const line = JSON.stringify({ file: r.file, line: r.line, reason: r.reason });
        if (rejectsStream) {
          await write(rejectsStream, line + '\n');
          process.stderr.write(`${r.file}:${r.line}: ${r.reason}\n`);
        } else process.stderr.write(line + '\n');
        continue;
      }
      const record = extract(r.paper);
      await write(
        process.stdout,
        options.pretty ? JSON.stringify(record, null, 2) + '\n' : JSON.stringify(record) + '\n',
      );
    }
  } finally {
    if (rejectsStream) await new Promise<void>((resolve) => rejectsStream.end(resolve));
  }
  // A source that cannot be read at all is fatal (1) - after the other sources were processed.
  if (unreadableSources > 0) return 1;
  return rejected > 0 ? 2 : 0;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'Read papers (files or stdin "-") and print one JSON extraction record per paper (no database).',
    )
    .argument('[files...]', 'input files (page text, JSONL, JSON array, PwC dump; .gz ok), or - for stdin')
    .addOption(
      new Option('--input-format <format>', 'force the input format instead of auto-detecting').choices([
        ...INPUT_FORMATS,
      ]),
    )
    .option('--pretty', 'pretty-print each record (multi-line JSON) for humans')
    .option(
      '--rejects <path>',
      'write unreadable records as JSON lines {file,line,reason} to this file (default: stderr)',
    )
    .addHelpText(
      'after',
      '\nExit status: 0 all records read, 2 some records rejected, 1 fatal error.\nExamples:\n  papergraph extract papers.jsonl > records.jsonl\n  cat page.txt | papergraph extract - --pretty',
    )
    .action(async (files: string[], options: ExtractOptions) => {
      process.exitCode = await runExtract(files, options);
    });
}
