// The general lexicon (data/lexicon/*.json, written from general knowledge) compiled once per
// process into lookup tables keyed by the contract name normalization. Read-only after load.
import type { EntityType } from '../names/normalize';
import { normalizeName } from '../names/normalize';
import conceptsData from '../../data/lexicon/concepts.json';
import datasetsData from '../../data/lexicon/datasets.json';
import methodsData from '../../data/lexicon/methods.json';
import stoplistsData from '../../data/lexicon/stoplists.json';
import tasksData from '../../data/lexicon/tasks.json';

export interface LexiconEntry {
  type: EntityType;
  /** Stable lexicon id (slug of the canonical name), the key of the canonical id. */
  key: string;
  name: string;
  aliases: string[];
}

export interface LexiconSurface {
  entry: LexiconEntry;
  /** Surface form as written in the lexicon (for case-sensitive single-word names). */
  surface: string;
  /** Single-word names with capitals (Adam, OPT, Falcon) match only in their written case. */
  caseSensitive: boolean;
}

interface LexiconFile {
  entries: string[][];
  anyCase?: string[];
}

/** Slug used as the lexicon key: lower case, runs of other characters become one `-`. */
export function slug(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\+/g, '-plus')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function isSingleWord(s: string): boolean {
  return !/[\s\-_/.&]/.test(s);
}

function build(): {
  byKey: Map<string, LexiconSurface[]>;
  entries: LexiconEntry[];
  maxTokens: number;
} {
  const byKey = new Map<string, LexiconSurface[]>();
  const entries: LexiconEntry[] = [];
  let maxTokens = 1;
  const sources: [EntityType, LexiconFile][] = [
    ['method', methodsData as LexiconFile],
    ['dataset', datasetsData as LexiconFile],
    ['task', tasksData as LexiconFile],
    ['concept', conceptsData as LexiconFile],
  ];
  const seenKeys = new Set<string>();
  for (const [type, file] of sources) {
    const anyCase = new Set((file.anyCase ?? []).map((s) => s.toLowerCase()));
    for (const names of file.entries) {
      const [name, ...aliases] = names;
      const key = slug(name);
      if (seenKeys.has(`${type}:${key}`)) continue;
      seenKeys.add(`${type}:${key}`);
      const entry: LexiconEntry = { type, key, name, aliases };
      entries.push(entry);
      for (const surface of names) {
        const norm = normalizeName(surface);
        if (!norm) continue;
        const caseSensitive =
          isSingleWord(surface) && /[A-Z]/.test(surface) && !anyCase.has(surface.toLowerCase());
        const list = byKey.get(norm) ?? [];
        if (!list.some((s) => s.entry === entry && s.surface === surface))
          list.push({ entry, surface, caseSensitive });
        byKey.set(norm, list);
        maxTokens = Math.max(maxTokens, surface.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length);
      }
    }
  }
  return { byKey, entries, maxTokens };
}

const compiled = build();

/**
 * Every prefix of every lexicon key, also of the key + "s" (plural text folds onto the key): a
 * token run whose concatenated key is not in here cannot grow into a lexicon name.
 */
const KEY_PREFIXES = new Set<string>();
for (const k of compiled.byKey.keys())
  for (const full of [k, `${k}s`]) for (let i = 1; i <= full.length; i++) KEY_PREFIXES.add(full.slice(0, i));

/** Can a run of tokens whose keys concatenate to `key` be (the start of) a lexicon name? */
export function isLexiconKeyPrefix(key: string): boolean {
  return KEY_PREFIXES.has(key);
}

/** Largest number of word tokens in any lexicon surface form. */
export const LEXICON_MAX_TOKENS = compiled.maxTokens;
export const LEXICON_ENTRIES: readonly LexiconEntry[] = compiled.entries;

/** Lexicon surfaces whose normalized form is `normKey` (empty when unknown). */
export function lexiconLookup(normKey: string): readonly LexiconSurface[] {
  return compiled.byKey.get(normKey) ?? [];
}

/** The lexicon entry of a name (any surface, any case), preferring `type` when given. */
export function lexiconEntryFor(name: string, type?: EntityType): LexiconEntry | undefined {
  const list = lexiconLookup(normKey(name));
  return (type ? list.find((s) => s.entry.type === type) : undefined)?.entry ?? list[0]?.entry;
}

const STOP = new Set<string>();
const STOP_WORDS_CASED = new Set<string>();
{
  const s = stoplistsData as Record<string, string[] | string>;
  for (const [group, list] of Object.entries(s)) {
    if (!Array.isArray(list)) continue;
    for (const w of list) {
      if (group === 'words') STOP_WORDS_CASED.add(w);
      else STOP.add(normalizeName(w));
    }
  }
}

/** Generic words, fields, metrics, hardware, software and organizations: never entities. */
export function isStopName(name: string): boolean {
  return STOP.has(normKey(name)) || STOP_WORDS_CASED.has(name);
}

const PRINTABLE_ASCII = /^[ -~]*$/;
const NOT_ASCII_ALNUM = /[^a-z0-9]+/g;

/**
 * `normalizeName` with a fast path: for printable ASCII, NFKC and the dash folding change
 * nothing, so lower-casing and dropping non-alphanumerics gives the same key.
 */
export function normKey(name: string): string {
  if (!PRINTABLE_ASCII.test(name)) return normalizeName(name);
  const key = name.toLowerCase().replace(NOT_ASCII_ALNUM, '');
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

/** The raw lexicon data, for the extractor version hash. */
export const LEXICON_DATA = [methodsData, datasetsData, tasksData, conceptsData, stoplistsData];
