// Licence and attribution of each source of graph data, written into the header of every export
// (`papergraph export`): whoever receives the file learns what terms the data carries.
import type { SourceLicence } from './export.types';

const KNOWN: Record<string, Omit<SourceLicence, 'source'>> = {
  extracted: {
    licence: 'per paper (see each paper url)',
    attribution:
      "Titles and abstracts remain their authors' work under the licence each paper carries at its source (e.g. arXiv); the entities, lineage and evidence offsets were extracted from that text by Papergraph.",
  },
  pwc: {
    licence: 'CC-BY-SA-4.0',
    attribution:
      'Papers with Code (paperswithcode.com) data dumps, licensed CC BY-SA 4.0: share derived data under the same licence and credit Papers with Code.',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  curated: {
    licence: 'as the graph it corrects',
    attribution:
      'Corrections by Papergraph curators, each named in the curation log (curation records) by its key fingerprint.',
  },
};

/** The licence of each source, in the order given; an unknown source is listed as such. */
export function licencesOf(sources: string[]): SourceLicence[] {
  return sources.map(
    (source) =>
      ({
        source,
        ...(KNOWN[source] ?? {
          licence: 'unknown',
          attribution: `Data recorded with source "${source}"; its terms are not known to this version of Papergraph.`,
        }),
      }) as SourceLicence,
  );
}
