// Turns user search text into a Lucene query: every term escaped (no user-controlled syntax), each
// term matched exactly (boosted), as a prefix, and fuzzily (`~`, edit distance by term length), so
// case and small typos still match. All terms are optional; Lucene ranks documents matching more.

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_TERMS = 12;
const MAX_TERM_CHARS = 100;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** `null` when the text has no searchable term. */
export function toLuceneQuery(text: string): string | null {
  const terms = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    // Lucene refuses oversized terms, and no name is longer than this.
    .map((t) => t.slice(0, MAX_TERM_CHARS))
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  const parts = terms.map((term) => {
    const escaped = escapeLucene(term);
    if (term.length < 3) return `${escaped}^2`;
    const distance = term.length >= 6 ? 2 : 1;
    return `(${escaped}^3 OR ${escaped}*^2 OR ${escaped}~${distance})`;
  });
  return parts.join(' ');
}
