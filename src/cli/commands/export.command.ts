// `papergraph export --out FILE`: writes everything needed to rebuild the graph - papers as input
// records with their stored properties, every other domain node, every relationship, the curation
// log and standing corrections, and a header with each source's licence and attribution - as JSON
// lines (gzip when FILE ends in .gz). Streams page by page; progress on stderr; the last stdout line
// is a JSON summary. Format: docs/INGEST.md "Export and import".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { neo4jConfigFromEnv } from '../../config/neo4j-config';
import { packageRoot } from '../../db/local-server/package-root';
import { Executor } from '../../db/executor';
import { GraphExporter, type ExportProgress } from '../../export/graph-exporter';
import { createLineWriter } from '../../export/jsonl-file';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { progressLogger } from './progress-log';

interface ExportCommandOptions {
  out?: string;
  pageSize: number;
  attempts: number;
  progress: boolean;
}

function packageVersion(): string {
  try {
    return String(
      (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0',
    );
  } catch {
    return '0.0.0';
  }
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write the whole graph (papers as input records, entities, relationships, pwc rows, curation log, source licences) as JSON lines; the backup `papergraph import` rebuilds from.',
    )
    .requiredOption(
      '--out <file>',
      'the file to write (gzip when it ends in .gz); written to a temporary file, then renamed',
    )
    .option('--page-size <n>', 'nodes read per query', (v) => Math.max(1, Number.parseInt(v, 10) || 500), 500)
    .option(
      '--attempts <n>',
      'reads of the graph before giving up while writes keep changing it',
      (v) => Math.max(1, Number.parseInt(v, 10) || 3),
      3,
    )
    .option('--no-progress', 'no progress lines')
    .addHelpText(
      'after',
      '\nReads NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). The file is one snapshot: when a write\n(ingest, curation, import) commits while the pages are read, the attempt is discarded and the graph read\nagain (--attempts), then GRAPH_CHANGED. Format and restore: docs/INGEST.md, docs/OPERATIONS.md\n"Backup, restore and moving to another Neo4j".',
    )
    .action(async (options: ExportCommandOptions) => {
      const out = options.out?.trim();
      if (!out) throw new AppError(ErrorCode.BAD_USER_INPUT, '--out FILE is required.');
      const summary = await runExport(out, options);
      process.stdout.write(JSON.stringify(summary) + '\n');
    });
}

export async function runExport(
  out: string,
  options: {
    pageSize?: number;
    progress?: boolean;
    attempts?: number;
    /** A test seam (GraphExporter's `afterSection`). */
    afterSection?: (section: string) => void | Promise<void>;
  },
) {
  const executor = new Executor(neo4jConfigFromEnv(), { queryTimeoutMs: 120_000 });
  const log = options.progress === false ? undefined : progressLogger('export');
  try {
    await executor.verifyConnectivity();
    const summary = await new GraphExporter(executor).exportSnapshot(
      () => {
        const writer = createLineWriter(out);
        return {
          sink: (record) => writer.write(JSON.stringify(record)),
          commit: () => writer.finish(),
          discard: () => writer.abort(),
        };
      },
      {
        pageSize: options.pageSize,
        attempts: options.attempts,
        afterSection: options.afterSection,
        papergraphVersion: packageVersion(),
        onProgress: (p: ExportProgress) => log?.(p.records, p.total, p.section),
      },
    );
    log?.(summary.records, summary.records, 'done', true);
    return { out, ...summary };
  } finally {
    await executor.close();
  }
}
