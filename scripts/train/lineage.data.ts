// Training and tuning examples for the lineage classifier, from two sources:
// - human method-relation annotations (`<evalDir>/train/relations/`: SciERC and SciNLP), read as
//   candidate pairs of annotated method mentions in a sentence, labelled with the lineage relation
//   and direction their README defines (everything else, e.g. COMPARE / CONJUNCTION, is `none`);
// - the dev page (`<corpusFile>` + `<evalDir>/seed-dev-gold.json`): the product's own candidates
//   (captured from findLineage while extracting each paper), labelled by matching the gold lineage.
import { readFileSync } from 'node:fs';
import { readJsonlSync } from './jsonl';
import path from 'node:path';
import { extract } from '../../src/extract/extractor';
import type { LineageRelation } from '../../src/extract/extraction.types';
import { lexiconLookup } from '../../src/extract/lexicon';
import type { ScoredCandidate } from '../../src/extract/lineage';
import { captureLineageCandidates } from '../../src/extract/lineage';
import type { PairInput, PairSide } from '../../src/extract/lineage/features';
import { foldName, pairFeatures } from '../../src/extract/lineage/features';
import type { PairClass } from '../../src/extract/lineage/model';
import { classIndex } from '../../src/extract/lineage/model';
import { foldPlural } from '../../src/extract/text-units';
import { normalizeName } from '../../src/names/normalize';
import type { PaperInput } from '../../src/extract/extraction.types';
import { readPapers } from '../../src/readers/read-papers';

export interface Example {
  features: string[];
  label: number;
  weight: number;
  /** Where it came from (`scierc:train`, `scinlp:dev`, `page:<index>`), for splits and folds. */
  source: string;
  group: string;
}

interface RelRecord {
  id: string;
  paper_id?: string;
  text: string;
  entities: { id: string; type: string; text: string; start: number; end: number }[];
  relations: { type: string; head: string; tail: string }[];
  split: string;
  source: string;
  sent_index?: number;
}

/** Lineage (child, parent, relation) of one annotated relation, or undefined when it is not lineage. */
export function lineageOf(
  corpus: 'scierc' | 'scinlp',
  type: string,
  head: string,
  tail: string,
): { child: string; parent: string; relation: LineageRelation } | undefined {
  if (corpus === 'scierc') {
    // PART-OF(A, B) / USED-FOR(A, B): B builds on A. HYPONYM-OF(A, B): A is a kind of B.
    if (type === 'PART-OF' || type === 'USED-FOR')
      return { child: tail, parent: head, relation: 'uses_component' };
    if (type === 'HYPONYM-OF') return { child: head, parent: tail, relation: 'variant_of' };
    return undefined;
  }
  // partOf(H, T): H is a part of T. enhancedBy(H, T): H is improved with T. subclassOf(H, T): H is a kind of T.
  if (type === 'partOf') return { child: tail, parent: head, relation: 'uses_component' };
  if (type === 'enhancedBy') return { child: head, parent: tail, relation: 'uses_component' };
  if (type === 'subclassOf') return { child: head, parent: tail, relation: 'variant_of' };
  return undefined;
}

const ANCHOR_TEXT = /^(?:our|this|these|the proposed|the new|the resulting|we)\b/i;

/** Tokens joined by spaces ("R - CNN ( RCNN ) ,") back to running text, with an offset map. */
export function detokenize(text: string): { text: string; map: (i: number) => number } {
  const toks: { t: string; start: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) toks.push({ t: m[0], start: m.index });
  let out = '';
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  let prev = '';
  for (const { t: raw, start } of toks) {
    const t =
      raw === '-LRB-' ? '(' : raw === '-RRB-' ? ')' : raw === '-LSB-' ? '[' : raw === '-RSB-' ? ']' : raw;
    const glue =
      out === '' ||
      /^(?:[,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d)$/.test(t) ||
      /^[([{]$/.test(prev) ||
      (t === '-' && /[\p{L}\p{N}]$/u.test(out)) ||
      prev === '-';
    if (!glue) out += ' ';
    startAt.set(start, out.length);
    out += t;
    endAt.set(start + raw.length, out.length);
    prev = t;
  }
  const map = (i: number): number => startAt.get(i) ?? endAt.get(i) ?? -1;
  return { text: out, map };
}

function isLexiconMethod(name: string): boolean {
  return lexiconLookup(foldPlural(normalizeName(name))).some((x) => x.entry.type === 'method');
}

function relSide(text: string, start: number, end: number, anchor: boolean): PairSide {
  const surface = text.slice(start, end);
  return {
    start,
    end,
    surface,
    names: [surface],
    introduced: anchor,
    main: anchor,
    lexicon: !anchor && isLexiconMethod(surface),
    anchor: anchor ? 'phrase' : 'none',
  };
}

/** The relation examples of one file (all splits; `source` says which). */
export function relationExamples(file: string): Example[] {
  const corpus = path.basename(file).startsWith('scierc') ? 'scierc' : 'scinlp';
  const out: Example[] = [];
  for (const r of readJsonlSync<RelRecord>(file)) {
    const source = `${corpus}:${r.split}`;
    const group = r.paper_id ?? r.id;
    // Sentence bounds in the token text: after each " . " token (SciERC abstracts); SciNLP units are one sentence.
    const bounds: [number, number][] = [];
    let s = 0;
    const re = / [.?!](?= |$)/g;
    for (let m = re.exec(r.text); m; m = re.exec(r.text)) {
      bounds.push([s, m.index + 2]);
      s = m.index + 3;
    }
    if (s < r.text.length) bounds.push([s, r.text.length]);
    const methodType = corpus === 'scierc' ? 'Method' : 'method';
    const rels = new Map<string, { child: string; parent: string; relation: LineageRelation }>();
    const byId = new Map(r.entities.map((e) => [e.id, e]));
    for (const rel of r.relations) {
      const h = byId.get(rel.head);
      const t = byId.get(rel.tail);
      if (!h || !t) continue;
      const l = lineageOf(corpus, rel.type, rel.head, rel.tail);
      if (l) rels.set(`${rel.head}|${rel.tail}`, l);
    }
    for (const [bs, be] of bounds) {
      const ents = r.entities
        .filter((e) => e.start >= bs && e.end <= be)
        .filter((e) => e.type === methodType || (e.type === 'Generic' && ANCHOR_TEXT.test(e.text)))
        .sort((a, b) => a.start - b.start);
      if (ents.length < 2) continue;
      const sentence = r.text.slice(bs, be);
      const d = detokenize(sentence);
      const mentionSpans = ents
        .map((e) => [d.map(e.start - bs), d.map(e.end - bs)] as const)
        .filter(([x, y]) => x >= 0 && y >= 0);
      for (let i = 0; i < ents.length; i++) {
        for (let j = i + 1; j < ents.length; j++) {
          const a = ents[i];
          const b = ents[j];
          if (b.start < a.end) continue;
          const aAnchor = a.type !== methodType || ANCHOR_TEXT.test(a.text);
          const bAnchor = b.type !== methodType || ANCHOR_TEXT.test(b.text);
          if (aAnchor && bAnchor) continue;
          const pos = [d.map(a.start - bs), d.map(a.end - bs), d.map(b.start - bs), d.map(b.end - bs)];
          if (pos.some((x) => x < 0)) continue;
          const first = relSide(d.text, pos[0], pos[1], aAnchor);
          const second = relSide(d.text, pos[2], pos[3], bAnchor);
          if (foldName(first.surface) === foldName(second.surface)) continue;
          let cls: PairClass = null;
          const fwd = rels.get(`${a.id}|${b.id}`);
          const rev = rels.get(`${b.id}|${a.id}`);
          for (const l of [fwd, rev]) {
            if (!l) continue;
            cls = { relation: l.relation, childFirst: l.child === a.id };
          }
          const input: PairInput = {
            text: d.text,
            sentStart: 0,
            sentEnd: d.text.length,
            first,
            second,
            mentionsBetween: ents.filter((e) => e.start >= a.end && e.end <= b.start).length,
            kind: 'sentence',
            inTitle: corpus === 'scinlp' && r.sent_index === 0,
            mentionSpans,
          };
          out.push({ features: pairFeatures(input), label: classIndex(cls), weight: 1, source, group });
        }
      }
    }
  }
  return out;
}

interface GoldPaper {
  index: number;
  title: string;
  lineage: { child: string; parent: string; relation: LineageRelation }[];
  aliases: string[][];
  optional?: { lineage?: { child: string; parent: string; relation: LineageRelation }[] };
}

export async function readPagePapers(corpusFile: string): Promise<PaperInput[]> {
  const papers: PaperInput[] = [];
  for await (const r of readPapers([corpusFile])) if (r.ok) papers.push(r.paper);
  return papers;
}

function titleKey(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Folded names that denote the same thing as `name` under the gold's alias pairs. */
function goldNames(name: string, aliases: string[][]): Set<string> {
  const out = new Set([foldName(name)]);
  for (const group of aliases)
    if (group.some((a) => out.has(foldName(a)))) for (const a of group) out.add(foldName(a));
  return out;
}

function sideNames(c: ScoredCandidate, first: boolean): string[] {
  const m = first ? c.candidate.first : c.candidate.second;
  return [m.name, m.surface, ...m.aliases].map(foldName);
}

/** Dev-page examples: the product's candidates for each gold paper, labelled from the gold lineage. */
export function pageExamples(papers: PaperInput[], gold: GoldPaper[], weight: number): Example[] {
  const out: Example[] = [];
  const byTitle = new Map(gold.map((g) => [titleKey(g.title), g]));
  for (const paper of papers) {
    const g = byTitle.get(titleKey(paper.title));
    if (!g) continue;
    const { candidates } = captureLineageCandidates(() => extract(paper));
    const match = (c: ScoredCandidate, items: GoldPaper['lineage']): PairClass | undefined => {
      const a = sideNames(c, true);
      const b = sideNames(c, false);
      for (const it of items) {
        const ch = goldNames(it.child, g.aliases);
        const pa = goldNames(it.parent, g.aliases);
        if (a.some((x) => ch.has(x)) && b.some((x) => pa.has(x)))
          return { relation: it.relation, childFirst: true };
        if (b.some((x) => ch.has(x)) && a.some((x) => pa.has(x)))
          return { relation: it.relation, childFirst: false };
      }
      return undefined;
    };
    for (const c of candidates) {
      const cls = match(c, g.lineage);
      if (cls === undefined && match(c, g.optional?.lineage ?? [])) continue; // neither right nor wrong
      out.push({
        features: c.features,
        label: classIndex(cls ?? null),
        weight,
        source: 'page',
        group: `page:${g.index}`,
      });
    }
  }
  return out;
}

export function readGold(file: string): GoldPaper[] {
  return JSON.parse(readFileSync(file, 'utf8')) as GoldPaper[];
}
