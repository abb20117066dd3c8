// All-caps detection: in text set in capitals, letter case carries no name signal.

/** Mostly upper-case text (an all-caps title or sentence). */
export function isShouting(text: string): boolean {
  // Letters and capitals counted in UTF-16 units; one pass, no regex for ASCII.
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 128) {
      if (c >= 97 && c <= 122) letters++;
      else if (c >= 65 && c <= 90) {
        letters++;
        upper++;
      }
    } else if (LETTER.test(ch)) {
      letters += ch.length;
      if (UPPER.test(ch)) upper += ch.length;
    }
  }
  return letters >= 12 && upper / letters > 0.7;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
