// A rule kept as data: what it matches, why it means what it says, and how sure it is. Every
// extracted entity and edge names the rule that produced it (`rule` in the record).
export interface Rule {
  id: string;
  /** A regular expression, or a description of the match for rules implemented as token logic. */
  pattern: RegExp | string;
  reason: string;
  confidence: number;
}
