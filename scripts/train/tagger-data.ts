// Training and dev units for the mention tagger, read from the human annotations in
// `<evalDir>/train/` (GSAP-NER paragraphs, TDMSci sentences, SciERC abstracts, SciREX sections; see
// that folder's README for sources, licences and label maps). Each unit says which mention types
// its annotation covers: a type it does not annotate is unknown there, never a negative.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonl } from './jsonl';
import { createHash } from 'node:crypto';
import type { MentionType } from '../../src/extract/tagger/model';

export type Source = 'gsap' | 'tdmsci' | 'scierc' | 'scirex';
export type Split = 'train' | 'dev' | 'test';

export interface GoldSpan {
  type: MentionType;
  start: number;
  end: number;
}

export interface Unit {
  id: string;
  source: Source;
  split: Split;
  text: string;
  entities: GoldSpan[];
  /** Mention types this source annotates. */
  known: readonly MentionType[];
  /** The source's method label does not tell named methods from techniques: either counts. */
  methodEither: boolean;
}

interface RawRecord {
  id: string;
  split: string;
  text: string;
  entities: { type: string; orig_type?: string; start: number; end: number; layer?: string }[];
}

const lines = (file: string): AsyncGenerator<RawRecord> => readJsonl<RawRecord>(file);

/** TDMSci ships one train file: a fixed fifth of it (by id hash) is our dev split. */
export function tdmsciSplit(id: string): Split {
  return createHash('sha1').update(id).digest()[0] % 5 === 0 ? 'dev' : 'train';
}

const SOURCES: {
  source: Source;
  file: string;
  known: readonly MentionType[];
  methodEither?: boolean;
  keep: (e: RawRecord['entities'][number]) => MentionType | null;
  split: (r: RawRecord) => Split | null;
}[] = [
  {
    source: 'gsap',
    file: 'gsap_ner_paragraphs.jsonl',
    known: ['method', 'dataset', 'task', 'technique'],
    // The non-overlapping base layer; MLModel and ModelArchitecture are named methods, GSAP's broad
    // Method label (techniques, procedures, losses) is `technique`.
    keep: (e) => {
      if (e.layer !== 'base') return null;
      if (e.orig_type === 'Method') return 'technique';
      return ['method', 'dataset', 'task'].includes(e.type) ? (e.type as MentionType) : null;
    },
    split: (r) => (['train', 'dev', 'test'].includes(r.split) ? (r.split as Split) : null),
  },
  {
    source: 'tdmsci',
    file: 'tdmsci_train.jsonl',
    known: ['dataset', 'task', 'metric'],
    keep: (e) => (['dataset', 'task', 'metric'].includes(e.type) ? (e.type as MentionType) : null),
    split: (r) => (r.split === 'train' ? tdmsciSplit(r.id) : null),
  },
  {
    source: 'scierc',
    file: 'scierc_train_dev.jsonl',
    // SciERC's Material covers corpora, images and languages: not a dataset label we can learn from.
    known: ['method', 'task', 'metric', 'technique'],
    methodEither: true,
    keep: (e) => (['method', 'task', 'metric'].includes(e.type) ? (e.type as MentionType) : null),
    split: (r) => (r.split === 'train' || r.split === 'dev' ? r.split : null),
  },
  {
    source: 'scirex',
    file: 'scirex_fulltext.jsonl',
    known: ['method', 'dataset', 'task', 'metric', 'technique'],
    methodEither: true,
    keep: (e) => (['method', 'dataset', 'task', 'metric'].includes(e.type) ? (e.type as MentionType) : null),
    split: (r) => (r.split === 'train' || r.split === 'dev' ? r.split : null),
  },
];

/** Every unit of the chosen sources (records marked `excluded` are never read). */
export async function loadUnits(evalDir: string, sources: readonly Source[]): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const s of SOURCES) {
    if (!sources.includes(s.source)) continue;
    const file = path.join(evalDir, 'train', s.file);
    if (!fs.existsSync(file)) throw new Error(`training file missing: ${file}`);
    for await (const r of lines(file)) {
      const split = s.split(r);
      if (!split) continue;
      const entities: GoldSpan[] = [];
      for (const e of r.entities) {
        const type = s.keep(e);
        if (type) entities.push({ type, start: e.start, end: e.end });
      }
      out.push({
        id: r.id,
        source: s.source,
        split,
        text: r.text,
        entities,
        known: s.known,
        methodEither: s.methodEither ?? false,
      });
    }
  }
  return out;
}
