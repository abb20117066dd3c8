// The reference cost for the extraction benchmark: a plain compromise full parse of a text
// (`nlp(text).nouns()`). Lives beside the bench, not in src/, because it is not product code.
import nlp from 'compromise';

/** Number of nouns compromise finds in `text` with a full parse. */
export function referenceNouns(text: string): number {
  return nlp(text).nouns().out('array').length;
}
