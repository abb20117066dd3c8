// All-caps detection: in text set in capitals, letter case carries no name signal.

/** Mostly upper-case text (an all-caps title or sentence). */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 12 && upper.length / letters.length > 0.7;
}
