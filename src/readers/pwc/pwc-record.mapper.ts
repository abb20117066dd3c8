// Validates one element of a Papers with Code dump and maps it to a PwcRecord (or a reason it
// cannot be read). Field names as in the archived dumps; see docs/INGEST.md. Pure.
import type { PwcMethodInfo } from '../../ingest/ingest.types';
import { arxivIdOf, isMapFailure, toPaperInput } from '../paper-input.mapper';
import type { PwcDumpKind, PwcPaperRef, PwcRecord } from './pwc.types';

type Json = Record<string, unknown>;

class Bad extends Error {}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(rec: Json, key: string, required = false): string | undefined {
  const v = rec[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw new Bad(`field "${key}" is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw new Bad(`field "${key}" must be a string, got ${typeof v}`);
  const t = v.trim();
  if (required && !t) throw new Bad(`field "${key}" is required`);
  return t || undefined;
}

function bool(rec: Json, key: string): boolean | undefined {
  const v = rec[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new Bad(`field "${key}" must be a boolean, got ${typeof v}`);
  return v;
}

function list(rec: Json, key: string): unknown[] {
  const v = rec[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Bad(`field "${key}" must be an array, got ${typeof v}`);
  return v;
}

function paperRef(v: unknown): PwcPaperRef | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new Bad('field "paper" must be an object {title, url} or null');
  const title = str(v, 'title');
  const url = str(v, 'url');
  if (!title && !url) return undefined;
  const ref: PwcPaperRef = {};
  if (title) ref.title = title;
  if (url) {
    const arxiv = arxivIdOf(url);
    if (arxiv) ref.arxivId = arxiv;
    if (/paperswithcode\.com\/paper\//i.test(url)) ref.pwcUrl = url;
    else ref.url = url;
  }
  return ref;
}

/** The method descriptions inside a paper record (`methods[]` with `main_collection`). */
function paperMethod(v: unknown): PwcMethodInfo {
  if (!isObject(v)) throw new Bad('field "methods" must be an array of objects');
  const m: PwcMethodInfo = { name: str(v, 'name', true) as string };
  const fullName = str(v, 'full_name');
  if (fullName) m.fullName = fullName;
  const description = str(v, 'description');
  if (description) m.description = description;
  if (isObject(v.main_collection)) {
    const c = str(v.main_collection, 'name');
    const area = str(v.main_collection, 'area');
    if (c) m.collections = [c];
    if (area) m.areas = [area];
  }
  return m;
}

export function mapPwcRecord(kind: PwcDumpKind, raw: unknown, dump: string): PwcRecord | { reason: string } {
  try {
    if (!isObject(raw))
      throw new Bad(`record must be a JSON object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
    switch (kind) {
      case 'papers':
        return mapPaper(raw, dump);
      case 'links':
        return mapLink(raw, dump);
      case 'methods':
        return mapMethod(raw, dump);
      case 'datasets':
        return mapDataset(raw, dump);
      case 'evaluations':
        throw new Bad('evaluation-tables elements hold many results: read them with mapEvaluationTask');
    }
  } catch (e) {
    if (e instanceof Bad) return { reason: e.message };
    throw e;
  }
}

function mapPaper(raw: Json, dump: string): PwcRecord {
  const pwcUrl = str(raw, 'paper_url');
  const methods = list(raw, 'methods').map(paperMethod);
  const tasks = list(raw, 'tasks').map((t) => {
    if (typeof t !== 'string') throw new Bad('field "tasks" must be an array of strings');
    return t.trim();
  });
  const mapped = toPaperInput({
    title: raw.title,
    abstract: raw.abstract,
    arxiv_id: raw.arxiv_id,
    url_abs: raw.url_abs,
    date: raw.date,
    authors: raw.authors,
  });
  if (isMapFailure(mapped)) throw new Bad(mapped.reason);
  return {
    kind: 'paper',
    paper: mapped,
    extras: { ...(pwcUrl ? { pwcUrl } : {}), methods, tasks: tasks.filter(Boolean), dump },
  };
}

function mapLink(raw: Json, dump: string): PwcRecord {
  const repoUrl = str(raw, 'repo_url', true) as string;
  const paper: PwcPaperRef = {};
  const pwcUrl = str(raw, 'paper_url');
  const title = str(raw, 'paper_title');
  const arxiv = str(raw, 'paper_arxiv_id');
  const urlAbs = str(raw, 'paper_url_abs');
  if (pwcUrl) paper.pwcUrl = pwcUrl;
  if (title) paper.title = title;
  const arxivId = (arxiv && arxivIdOf(arxiv)) ?? (urlAbs && arxivIdOf(urlAbs)) ?? undefined;
  if (arxivId) paper.arxivId = arxivId;
  if (urlAbs) paper.url = urlAbs;
  if (!pwcUrl && !title && !arxivId)
    throw new Bad('record names no paper (paper_url, paper_title or paper_arxiv_id)');
  const framework = str(raw, 'framework');
  const starsRaw = raw.stars;
  if (
    starsRaw !== undefined &&
    starsRaw !== null &&
    (typeof starsRaw !== 'number' || !Number.isFinite(starsRaw))
  ) {
    throw new Bad('field "stars" must be a number');
  }
  return {
    kind: 'link',
    paper,
    repoUrl,
    official: bool(raw, 'is_official'),
    mentionedInPaper: bool(raw, 'mentioned_in_paper'),
    framework: framework && framework.toLowerCase() !== 'none' ? framework : undefined,
    stars: typeof starsRaw === 'number' ? Math.round(starsRaw) : undefined,
    dump,
  };
}

function mapMethod(raw: Json, dump: string): PwcRecord {
  const method: PwcMethodInfo = { name: str(raw, 'name', true) as string };
  const fullName = str(raw, 'full_name');
  if (fullName) method.fullName = fullName;
  const description = str(raw, 'description');
  if (description) method.description = description;
  const url = str(raw, 'url');
  if (url) method.url = url;
  const collections: string[] = [];
  const areas: string[] = [];
  for (const c of list(raw, 'collections')) {
    if (!isObject(c)) throw new Bad('field "collections" must be an array of {collection, area}');
    const name = str(c, 'collection');
    const area = str(c, 'area');
    if (name && !collections.includes(name)) collections.push(name);
    if (area && !areas.includes(area)) areas.push(area);
  }
  if (collections.length) method.collections = collections;
  if (areas.length) method.areas = areas;
  const introducedIn = paperRef(raw.paper);
  return { kind: 'method', method, ...(introducedIn ? { introducedIn } : {}), dump };
}

function mapDataset(raw: Json, dump: string): PwcRecord {
  const name = str(raw, 'name', true) as string;
  const fullName = str(raw, 'full_name');
  const description = str(raw, 'description');
  const url = str(raw, 'homepage') ?? str(raw, 'url');
  const introducedIn = paperRef(raw.paper);
  return {
    kind: 'dataset',
    dataset: {
      name,
      ...(fullName ? { fullName } : {}),
      ...(description ? { description } : {}),
      ...(url ? { url } : {}),
    },
    ...(introducedIn ? { introducedIn } : {}),
    dump,
  };
}

/** Which dump an element comes from, by its fields (for files whose name does not say). */
export function pwcKindOfRecord(raw: unknown): PwcDumpKind | undefined {
  if (!isObject(raw)) return undefined;
  if ('repo_url' in raw) return 'links';
  if ('task' in raw && ('datasets' in raw || 'subtasks' in raw)) return 'evaluations';
  if ('abstract' in raw || 'arxiv_id' in raw || 'url_abs' in raw) return 'papers';
  if ('homepage' in raw || 'modalities' in raw || 'data_loaders' in raw || 'variants' in raw)
    return 'datasets';
  if ('collections' in raw || 'code_snippet_url' in raw || 'full_name' in raw) return 'methods';
  return undefined;
}

/** Which dump a file is, by its name (`papers-with-abstracts.json[.gz]`, ...). */
export function pwcKindOfFile(file: string): PwcDumpKind | undefined {
  const base = file.replace(/\\/g, '/').split('/').pop()?.toLowerCase().replace(/\.gz$/, '') ?? '';
  if (/^papers-with-abstracts.*\.json$/.test(base)) return 'papers';
  if (/^links-between-papers-and-code.*\.json$/.test(base)) return 'links';
  if (/^methods.*\.json$/.test(base)) return 'methods';
  if (/^datasets.*\.json$/.test(base)) return 'datasets';
  if (/^evaluation-tables.*\.json$/.test(base)) return 'evaluations';
  return undefined;
}
