// The API benchmark's graph, as (paper, extraction record) pairs: deterministic for a (papers, seed)
// pair, with power-law entity popularity, method lineage (each new method builds on one or two older
// ones, mostly recent, sometimes a famous one) and provenance on every relationship, so the graph has
// the shape the extractor gives real corpora. Used when the synthetic corpus generator of the ingest
// benchmark (bench/synthetic) is not available; either way the pairs go through the ingest write path.
import type {
  Evidence,
  ExtractedEntity,
  ExtractionRecord,
  LineageRelation,
  PaperInput,
} from '../../src/extract/extraction.types';
import { LINEAGE_RELATIONS } from '../../src/extract/extraction.types';
import { type EntityType, normalizeName } from '../../src/names/normalize';

export const API_CORPUS_VERSION = 'api-corpus-1';

export interface CorpusItem {
  paper: PaperInput;
  record: ExtractionRecord;
}

export interface EntitySpec {
  type: EntityType;
  id: string;
  name: string;
  aliases: string[];
}

/** Sizes of each entity population for a corpus of `papers` papers. */
export function corpusSizes(papers: number) {
  return {
    methods: Math.max(100, Math.round(papers / 20)),
    datasets: Math.max(40, Math.round(papers / 50)),
    tasks: Math.max(20, Math.round(papers / 250)),
    concepts: Math.max(30, Math.round(papers / 100)),
  };
}

/** mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ra',
  'vo',
  'mix',
  'tor',
  'lu',
  'zen',
  'ka',
  'bert',
  'net',
  'for',
  'mer',
  'dif',
  'flo',
  'gra',
  'pho',
  'qui',
  'sel',
  'tra',
  'xel',
  'yon',
];
const WORDS = [
  'efficient',
  'scalable',
  'robust',
  'sparse',
  'hierarchical',
  'contrastive',
  'adaptive',
  'latent',
  'multimodal',
  'self-supervised',
  'causal',
  'recurrent',
  'graph',
  'attention',
  'diffusion',
  'token',
  'vision',
  'language',
  'retrieval',
  'reasoning',
  'policy',
  'reward',
  'embedding',
  'kernel',
  'quantized',
  'distilled',
  'federated',
  'generative',
  'temporal',
  'spectral',
];
const TASK_NOUNS = [
  'classification',
  'segmentation',
  'detection',
  'translation',
  'summarization',
  'question answering',
  'forecasting',
  'retrieval',
  'generation',
  'parsing',
  'tracking',
  'captioning',
];

function nameOf(r: () => number, i: number, suffix: string): string {
  const n = 2 + Math.floor(r() * 2);
  let s = '';
  for (let k = 0; k < n; k++) s += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${suffix}-${i}`;
}

/** The entity populations (index 0 is the most popular of each type). */
export function corpusEntities(papers: number, seed: number): Record<EntityType, EntitySpec[]> {
  const r = rng(seed ^ 0x5eed);
  const sizes = corpusSizes(papers);
  const make = (
    type: EntityType,
    count: number,
    suffix: string,
    nameFn?: (i: number) => string,
  ): EntitySpec[] =>
    Array.from({ length: count }, (_, i) => {
      const name = nameFn ? nameFn(i) : nameOf(r, i, suffix);
      const alias = `${name.replace(/-/g, ' ')} v1`;
      return { type, id: `${type}:${normalizeName(name)}`, name, aliases: [alias] };
    });
  return {
    method: make('method', sizes.methods, 'Net'),
    dataset: make('dataset', sizes.datasets, 'Set'),
    task: make(
      'task',
      sizes.tasks,
      '',
      (i) => `${WORDS[i % WORDS.length]} ${TASK_NOUNS[i % TASK_NOUNS.length]} ${i}`,
    ),
    concept: make(
      'concept',
      sizes.concepts,
      '',
      (i) => `${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 3 + 1) % WORDS.length]} ${i}`,
    ),
  };
}

/** A power-law pick in [0, n): index 0 most likely (about Zipf with exponent ~1). */
function zipf(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(r() * Math.log(n + 1)) - 1));
}

function evidence(field: 'title' | 'abstract', sentence: string, mention: string): Evidence[] {
  const start = Math.max(0, sentence.indexOf(mention));
  return [{ field, sentence, start, end: start + mention.length }];
}

/**
 * The corpus, paper by paper. Method i is introduced by paper `introducer(i)` (spread over the corpus
 * in order), which also records its lineage: one or two parents among older methods.
 */
export function* generateApiCorpus(papers: number, seed: number): Generator<CorpusItem> {
  const entities = corpusEntities(papers, seed);
  const methods = entities.method;
  const stride = papers / methods.length;
  const r = rng(seed);
  for (let p = 0; p < papers; p++) {
    const id = `bench.${String(p).padStart(6, '0')}`;
    const year = 2012 + Math.floor((p / papers) * 13);
    const month = 1 + (p % 12);
    const picked = new Map<string, ExtractedEntity>();
    const add = (
      spec: EntitySpec,
      role: 'introduced' | 'used',
      sentence: string,
      field: 'title' | 'abstract',
    ) => {
      if (picked.has(spec.id)) return;
      picked.set(spec.id, {
        type: spec.type,
        id: spec.id,
        name: spec.name,
        role,
        aliases: spec.aliases,
        confidence: Math.round((0.6 + r() * 0.39) * 100) / 100,
        rule: role === 'introduced' ? 'bench-introduces' : 'bench-uses',
        evidence: evidence(field, sentence, spec.name),
      });
    };
    const next = Math.ceil(p / stride);
    const introduced = next < methods.length && Math.floor(next * stride) === p ? next : -1;
    const available = Math.max(1, Math.min(methods.length, next));
    const own = introduced >= 0 && introduced < methods.length ? methods[introduced] : undefined;
    const w = (k: number) =>
      WORDS[Math.floor(r() * WORDS.length)] + (k ? ' ' + WORDS[Math.floor(r() * WORDS.length)] : '');
    const title = own
      ? `${own.name}: ${w(1)} models for ${w(0)} learning`
      : `On ${w(1)} methods for ${w(0)} ${w(0)} learning`;
    const sentences: string[] = [];
    if (own) add(own, 'introduced', title, 'title');
    const usedCount = 1 + Math.floor(r() * 4);
    for (let k = 0; k < usedCount; k++) {
      const m = methods[zipf(r, available)];
      const s = `We build on ${m.name} with ${w(1)} components.`;
      sentences.push(s);
      add(m, 'used', s, 'abstract');
    }
    for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) {
      const d = entities.dataset[zipf(r, entities.dataset.length)];
      const s = `Experiments on ${d.name} show ${w(1)} gains.`;
      sentences.push(s);
      add(d, 'used', s, 'abstract');
    }
    for (let k = 0, n = 1 + Math.floor(r() * 2); k < n; k++) {
      const t = entities.task[zipf(r, entities.task.length)];
      const s = `We address ${t.name} in ${w(0)} settings.`;
      sentences.push(s);
      add(t, 'used', s, 'abstract');
    }
    for (let k = 0, n = Math.floor(r() * 3); k < n; k++) {
      const c = entities.concept[zipf(r, entities.concept.length)];
      const s = `The ${c.name} view explains ${w(1)} behaviour.`;
      sentences.push(s);
      add(c, 'used', s, 'abstract');
    }
    const lineage: ExtractionRecord['lineage'] = [];
    if (own && introduced > 0) {
      const parents = new Set<number>();
      parents.add(introduced - 1 - Math.min(introduced - 1, Math.floor(r() * r() * 60)));
      if (r() < 0.5) parents.add(zipf(r, introduced));
      for (const pi of parents) {
        const parent = methods[pi];
        const relation: LineageRelation = LINEAGE_RELATIONS[Math.floor(r() * LINEAGE_RELATIONS.length)];
        const s = `${own.name} extends ${parent.name} with ${w(1)} layers.`;
        sentences.push(s);
        add(parent, 'used', s, 'abstract');
        lineage.push({
          child: own.name,
          parent: parent.name,
          relation,
          confidence: 0.8,
          rule: 'bench-lineage',
          evidence: evidence('abstract', s, parent.name),
        });
      }
    }
    while (sentences.join(' ').length < 900)
      sentences.push(`This ${w(1)} approach improves ${w(1)} ${w(0)} results over strong baselines.`);
    const abstract = sentences.join(' ');
    // Evidence offsets point into the abstract as written.
    for (const e of picked.values()) {
      for (const ev of e.evidence) {
        if (ev.field !== 'abstract') continue;
        const at = abstract.indexOf(ev.sentence);
        ev.start = at + ev.sentence.indexOf(e.name);
        ev.end = ev.start + e.name.length;
      }
    }
    const hasRepo = r() < 0.3;
    const repoUrl = `https://github.com/lab${p % 997}/${(own?.name ?? 'code').toLowerCase()}-${p}`;
    const paper: PaperInput = {
      id,
      title,
      abstract,
      url: `https://example.org/papers/${id}`,
      published: `${year}-${String(month).padStart(2, '0')}-${String(1 + (p % 28)).padStart(2, '0')}`,
      authors: [`Author ${p % 1000}`, `Author ${(p * 7) % 1000}`],
      links: hasRepo ? [repoUrl] : [],
    };
    const record: ExtractionRecord = {
      paper: { id, title, url: paper.url },
      entities: [...picked.values()],
      repos: hasRepo ? [{ url: repoUrl, evidence: [] }] : [],
      links: [],
      lineage,
      results: [],
      extractor: { version: API_CORPUS_VERSION },
    };
    yield { paper, record };
  }
}
