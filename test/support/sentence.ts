// One abstract sentence spanning a whole invented text, as the tagger's tests hand it to the
// tokenizer and the scorer.
import type { Sentence } from '../../src/extract/text-units';

export const sentence = (text: string): Sentence => ({
  field: 'abstract',
  fieldText: text,
  start: 0,
  end: text.length,
  text,
  index: 0,
});
