// Where the record's dataset, method and task entities are named inside one sentence: their
// evidence offsets, plus every other place the sentence spells the name or an alias.
import type { ResultEntity, ResultSentence } from './result.types';

export interface EntitySpan {
  entity: ResultEntity;
  /** Offsets into the field text. */
  start: number;
  end: number;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function textSpans(sentence: ResultSentence, entity: ResultEntity): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const surface of [entity.name, ...entity.aliases]) {
    if (surface.trim().length < 2) continue;
    const flags = surface.length > 4 ? 'giu' : 'gu';
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(surface)}(?![\\p{L}\\p{N}])`, flags);
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      out.push({ entity, start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    }
  }
  return out;
}

/** Mentions of `entities` in `sentence`, in text order; overlapping spans keep the longest. */
export function entitySpans(sentence: ResultSentence, entities: readonly ResultEntity[]): EntitySpan[] {
  const found: EntitySpan[] = [];
  for (const entity of entities) {
    for (const ev of entity.evidence) {
      if (ev.field === sentence.field && ev.start >= sentence.start && ev.end <= sentence.end)
        found.push({ entity, start: ev.start, end: ev.end });
    }
    found.push(...textSpans(sentence, entity));
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: EntitySpan[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}
