// Validates one raw JSON record and maps it to a PaperInput (contract: `jsonl` / `json` formats,
// arXiv metadata snapshot lines, Hugging Face daily-papers objects, Papers with Code paper records).
// Used by the file readers and by ingest for the GraphQL mutation input. Pure.
import { createHash } from 'node:crypto';
import type { PaperInput } from '../extract/extraction.types';
import { normalizeName } from '../names/normalize';

/** Largest accepted abstract (characters). Larger "abstracts" are whole documents or junk. */
export const MAX_ABSTRACT_CHARS = 100_000;
export const MAX_TITLE_CHARS = 2_000;
export const MAX_URL_CHARS = 2_000;
export const MAX_DOI_CHARS = 300;
const MAX_AUTHORS = 5_000;
const MAX_LINKS = 1_000;

export interface MapFailure {
  reason: string;
}

// C0 controls except tab/newline/carriage return, DEL, and C1 controls: never in real paper text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_G = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// C0 controls only: C1 characters (U+0080-U+009F) are usually mis-decoded quotes, not binary data.
// eslint-disable-next-line no-control-regex
const C0_CONTROLS_G = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const REPLACEMENT_CHAR = /\uFFFD/g;
const NEW_ARXIV_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ARXIV_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?/i;
const HF_PAPER_URL = /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/i;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collapses every run of whitespace (incl. newlines) to one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The arXiv id without version, or undefined when `s` is not one (accepts `arXiv:` prefix and URLs). */
export function arxivIdOf(s: string): string | undefined {
  const t = s.trim().replace(/^arxiv:/i, '');
  const m = NEW_ARXIV_ID.exec(t) ?? OLD_ARXIV_ID.exec(t);
  if (m) return m[1];
  const u = ARXIV_URL.exec(t) ?? HF_PAPER_URL.exec(t);
  return u ? u[1] : undefined;
}

/** `title:` + a short hash of the normalized title (contract paper-id fallback). */
export function titleHashId(title: string): string {
  return 'title:' + createHash('sha1').update(normalizeName(title)).digest('hex').slice(0, 16);
}

/**
 * The contract's paper id: the record's id exactly when present; else the arXiv id without
 * version; else the DOI lower-cased; else `title:` + hash of the normalized title (the abstract
 * stands in for a missing title so untitled papers do not collide).
 */
export function paperIdFor(p: {
  id?: string;
  arxivId?: string;
  doi?: string;
  title: string;
  abstract: string;
}): string {
  if (p.id) return p.id;
  if (p.arxivId) return p.arxivId;
  if (p.doi) return p.doi.toLowerCase();
  return titleHashId(p.title || p.abstract);
}

class Reject extends Error {}

function optString(rec: Json, key: string): string | undefined {
  const v = rec[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Reject(`field "${key}" must be a string, got ${describe(v)}`);
  return v;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function checkText(value: string, field: string, max: number): string {
  if (value.length > max)
    throw new Reject(`field "${field}" is too large (${value.length} characters, max ${max})`);
  if (value.includes('\u0000')) throw new Reject(`field "${field}" contains NUL bytes (binary data?)`);
  // A stray control character from PDF extraction is blanked; many of them mean binary junk.
  const controls = value.match(CONTROL_CHARS_G);
  const c0 = value.match(C0_CONTROLS_G);
  if (c0 && c0.length > 3) throw new Reject(`field "${field}" contains control characters (binary data?)`);
  const bad = value.match(REPLACEMENT_CHAR);
  if (bad && bad.length >= 3) throw new Reject(`field "${field}" contains undecodable bytes (binary data?)`);
  return collapseWhitespace(controls ? value.replace(CONTROL_CHARS_G, ' ') : value);
}

function firstText(rec: Json, keys: string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const v = optString(rec, key);
    if (v !== undefined && v.trim() !== '') return { key, value: v };
  }
  return undefined;
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY`) from the date shapes the sources use; undefined if unknown. */
export function isoDate(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})-(\d{2})$/.exec(t) ?? /^(\d{4})\/(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}`;
  if (/^\d{4}$/.test(t)) return t;
  // RFC 2822 as in arXiv `versions[].created`: "Mon, 2 Apr 2007 19:18:42 GMT"
  m = /(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()])
    return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, '0')}`;
  return undefined;
}

function mapAuthors(rec: Json): string[] | undefined {
  const a = rec.authors;
  let out: string[] | undefined;
  if (typeof a === 'string') {
    out = a
      .replace(/\s+/g, ' ')
      .split(/,|\band\b/)
      .map((s) => s.trim())
      .filter(Boolean);
  } else if (Array.isArray(a)) {
    out = [];
    for (const x of a) {
      if (typeof x === 'string') out.push(collapseWhitespace(x));
      else if (isObject(x) && typeof x.name === 'string') out.push(collapseWhitespace(x.name));
      else throw new Reject('field "authors" must be a string, an array of strings, or an array of {name}');
    }
  } else if (a !== undefined && a !== null) {
    throw new Reject(`field "authors" must be a string or an array, got ${describe(a)}`);
  }
  if ((!out || out.length === 0) && Array.isArray(rec.authors_parsed)) {
    out = [];
    for (const x of rec.authors_parsed) {
      if (Array.isArray(x) && x.every((y) => typeof y === 'string')) {
        const [last, first] = x as string[];
        out.push(collapseWhitespace(`${first ?? ''} ${last ?? ''}`));
      }
    }
  }
  if (out && out.length > MAX_AUTHORS) throw new Reject(`too many authors (${out.length})`);
  return out && out.length > 0 ? out.filter(Boolean) : undefined;
}

function mapLinks(rec: Json): string[] | undefined {
  const out: string[] = [];
  const l = rec.links;
  if (Array.isArray(l)) {
    for (const x of l) {
      if (typeof x === 'string') out.push(x.trim());
      else if (isObject(x) && typeof x.url === 'string') out.push(x.url.trim());
      else throw new Reject('field "links" must be an array of URL strings (or {url} objects)');
    }
  } else if (l !== undefined && l !== null) {
    throw new Reject(`field "links" must be an array, got ${describe(l)}`);
  }
  // Code / project URLs that sources keep in their own fields (HF daily papers, PwC links dump).
  for (const key of ['githubRepo', 'github', 'repo_url', 'repoUrl', 'code', 'projectPage', 'project_page']) {
    const v = rec[key];
    if (typeof v === 'string' && /^https?:\/\//i.test(v.trim())) out.push(v.trim());
  }
  if (out.length > MAX_LINKS) throw new Reject(`too many links (${out.length})`);
  const valid = out.filter((u) => /^https?:\/\/\S+$/i.test(u) && !CONTROL_CHARS.test(u));
  return valid.length > 0 ? [...new Set(valid)] : undefined;
}

function mapPublished(rec: Json): string | undefined {
  const fromKey = (key: string): string | undefined => {
    const v = rec[key];
    return typeof v === 'string' ? isoDate(v) : undefined;
  };
  for (const key of ['published', 'publishedAt', 'published_at', 'date']) {
    const d = fromKey(key);
    if (d) return d;
  }
  // arXiv snapshot: the first version's submission date, else the last update.
  if (Array.isArray(rec.versions) && rec.versions.length > 0 && isObject(rec.versions[0])) {
    const c = rec.versions[0].created;
    const d = typeof c === 'string' ? isoDate(c) : undefined;
    if (d) return d;
  }
  return fromKey('update_date') ?? fromKey('submittedOnDailyAt');
}

/** Merges a Hugging Face daily-papers object (`{paper: {...}, title, publishedAt, ...}`) into one flat record. */
function flattenHf(rec: Json): Json {
  if (!isObject(rec.paper)) return rec;
  const paper = rec.paper;
  const merged: Json = { ...rec, ...paper };
  delete merged.paper;
  // The outer object's title / thumbnail etc. are fallbacks for the paper's own fields.
  for (const key of ['title', 'summary', 'publishedAt']) {
    if ((merged[key] === undefined || merged[key] === '') && rec[key] !== undefined) merged[key] = rec[key];
  }
  if (typeof paper.id === 'string' && merged.arxivId === undefined && arxivIdOf(paper.id))
    merged.arxivId = paper.id;
  return merged;
}

/**
 * Validates and maps one JSON record to a PaperInput, or says why it cannot be read.
 * `where` (e.g. `file:line`) only prefixes nothing - callers report location themselves; it is kept
 * for callers that want it echoed in the reason.
 */
export function toPaperInput(raw: unknown, where?: string): PaperInput | MapFailure {
  try {
    return mapRecord(raw);
  } catch (e) {
    if (e instanceof Reject) return { reason: where ? `${where}: ${e.message}` : e.message };
    throw e;
  }
}

export function isMapFailure(v: PaperInput | MapFailure): v is MapFailure {
  return 'reason' in v;
}

function mapRecord(raw: unknown): PaperInput {
  if (!isObject(raw)) throw new Reject(`record must be a JSON object, got ${describe(raw)}`);
  const rec = flattenHf(raw);
  const titleRaw = optString(rec, 'title') ?? '';
  const text = firstText(rec, ['abstract', 'summary', 'text']);
  const title = checkText(titleRaw, 'title', MAX_TITLE_CHARS);
  const abstract = text ? checkText(text.value, text.key, MAX_ABSTRACT_CHARS) : '';
  if (!title && !abstract)
    throw new Reject('record needs a non-empty "title" or "abstract" (or "summary"/"text")');

  let id: string | undefined;
  const idRaw = rec.id;
  if (typeof idRaw === 'string') id = idRaw.trim() || undefined;
  else if (typeof idRaw === 'number' && Number.isFinite(idRaw)) id = String(idRaw);
  else if (idRaw !== undefined && idRaw !== null)
    throw new Reject(`field "id" must be a string or number, got ${describe(idRaw)}`);
  if (id !== undefined && (id.length > 500 || CONTROL_CHARS.test(id)))
    throw new Reject('field "id" is too long or contains control characters');

  const urlRaw = optString(rec, 'url') ?? optString(rec, 'url_abs') ?? optString(rec, 'paper_url');
  if (urlRaw && urlRaw.length > MAX_URL_CHARS)
    throw new Reject(`field "url" is too long (${urlRaw.length} characters, max ${MAX_URL_CHARS})`);
  const url = urlRaw && /^https?:\/\/\S+$/i.test(urlRaw.trim()) ? urlRaw.trim() : undefined;

  const arxivRaw =
    optString(rec, 'arxivId') ?? optString(rec, 'arxiv_id') ?? optString(rec, 'paper_arxiv_id');
  const arxivId =
    (arxivRaw && arxivIdOf(arxivRaw)) ?? (id && arxivIdOf(id)) ?? (url && arxivIdOf(url)) ?? undefined;

  let doi = optString(rec, 'doi')?.trim();
  // Identifiers are indexed in the graph (a Neo4j index entry must stay small), and no real DOI is this long.
  if (doi && doi.length > MAX_DOI_CHARS)
    throw new Reject(`field "doi" is too long (${doi.length} characters, max ${MAX_DOI_CHARS})`);
  if (doi) doi = doi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '').split(/\s+/)[0];

  const paper: PaperInput = {
    id: paperIdFor({ id, arxivId, doi, title, abstract }),
    title,
    abstract,
  };
  if (url) paper.url = url;
  else if (arxivId) paper.url = `https://arxiv.org/abs/${arxivId}`;
  if (arxivId) paper.arxivId = arxivId;
  if (doi) paper.doi = doi;
  const published = mapPublished(rec);
  if (published) paper.published = published;
  const authors = mapAuthors(rec);
  if (authors) paper.authors = authors;
  const links = mapLinks(rec);
  if (links) paper.links = links;
  return paper;
}
