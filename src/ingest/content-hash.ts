// The content hash stored on :Paper (`contentHash`): everything of a record that decides what ingest
// writes for it, in a fixed order, so an unchanged record (with an unchanged extractor) is skipped.
import { createHash } from 'node:crypto';
import type { PaperInput } from '../extract/extraction.types';
import type { PwcPaperExtras } from './ingest.types';

export function contentHashOf(paper: PaperInput, pwc?: PwcPaperExtras): string {
  const canonical = [
    paper.id,
    paper.title,
    paper.abstract,
    paper.url ?? null,
    paper.arxivId ?? null,
    paper.doi ?? null,
    paper.published ?? null,
    paper.authors ?? [],
    paper.links ?? [],
    pwc
      ? [
          pwc.pwcUrl ?? null,
          pwc.dump,
          pwc.tasks,
          pwc.methods.map((m) => [
            m.name,
            m.fullName ?? null,
            m.description ?? null,
            m.collections ?? [],
            m.areas ?? [],
            m.url ?? null,
          ]),
        ]
      : null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}
