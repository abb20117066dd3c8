// Evidence objects of the record: field, sentence, and the mention's offsets into the field,
// verified so that `field.slice(start, end)` is exactly the mention.
import type { Evidence } from './extraction.types';
import type { Mention } from './mention.types';
import type { Sentence } from './text-units';

export function makeEvidence(m: Mention): Evidence {
  return spanEvidence(m.sentence, m.start, m.end, m.surface);
}

export function spanEvidence(sentence: Sentence, start: number, end: number, mention: string): Evidence {
  if (sentence.fieldText.slice(start, end) !== mention) {
    throw new Error(`evidence offsets do not match the mention "${mention}" (${start}-${end})`);
  }
  return { field: sentence.field, sentence: sentence.text, start, end };
}
