// Converts plain rows from the executor (nodes as property maps with `__labels`, relationships as
// property maps with `__type`) into the API's models. The only place that knows property names.
import type { Plain } from '../db/values';
import { paperGlobalId } from './ids';
import type {
  EdgeDataModel,
  EntityModel,
  EntityTypeName,
  EvidenceModel,
  NodeModel,
  MetricModel,
  PaperModel,
  RepoModel,
  ResultModel,
} from './models';

type PlainMap = { [key: string]: Plain };

const ENTITY_LABELS: readonly EntityTypeName[] = ['Method', 'Dataset', 'Task', 'Concept'];

function isMap(value: Plain | undefined): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: Plain | undefined): string | null {
  return typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
}

function num(value: Plain | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function strList(value: Plain | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function toPaper(props: PlainMap): PaperModel {
  const key = String(props.id);
  return {
    __typename: 'Paper',
    id: paperGlobalId(key),
    key,
    title: str(props.title) ?? '',
    abstract: str(props.abstract),
    url: str(props.url),
    arxivId: str(props.arxivId),
    doi: str(props.doi),
    published: str(props.published),
    year: num(props.year),
    authors: strList(props.authors),
    links: strList(props.links),
    linkKinds: strList(props.linkKinds),
    extractorVersion: str(props.extractorVersion),
    ingestedAt: str(props.ingestedAt),
    sources: strList(props.sources),
  };
}

export function toEntity(type: EntityTypeName, props: PlainMap): EntityModel {
  const id = String(props.id);
  return {
    __typename: type,
    id,
    key: id,
    name: str(props.name) ?? id,
    aliases: strList(props.aliases),
    fullName: str(props.fullName),
    description: str(props.description),
    url: str(props.url),
    collections: strList(props.collections),
  };
}

export function toRepo(props: PlainMap): RepoModel {
  const id = String(props.id);
  const url = str(props.url) ?? `https://${id.slice('repo:'.length)}`;
  return {
    __typename: 'Repo',
    id,
    key: id,
    url,
    host: str(props.host),
    owner: str(props.owner),
    name: str(props.name) ?? url.split('/').pop() ?? id,
    stars: num(props.stars),
    framework: str(props.framework),
  };
}

/** A node row (properties + `__labels`) as the model of its domain label; `null` for anything else. */
export function toNodeModel(value: Plain | undefined): NodeModel | null {
  if (!isMap(value)) return null;
  const labels = strList(value.__labels);
  if (labels.includes('Paper')) return toPaper(value);
  if (labels.includes('Repo')) return toRepo(value);
  const entityLabel = ENTITY_LABELS.find((l) => labels.includes(l));
  return entityLabel ? toEntity(entityLabel, value) : null;
}

export function requireNodeModel(value: Plain | undefined): NodeModel {
  const node = toNodeModel(value);
  if (!node) throw new Error(`Expected a domain node, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return node;
}

/** Parses a relationship's `evidence` JSON string and attaches its provenance to each item. */
export function evidenceOf(rel: PlainMap): EvidenceModel[] {
  const raw = rel.evidence;
  let items: Plain = [];
  if (typeof raw === 'string') {
    try {
      items = JSON.parse(raw) as Plain;
    } catch {
      items = [];
    }
  } else if (Array.isArray(raw)) {
    items = raw;
  }
  if (!Array.isArray(items)) return [];
  return items.filter(isMap).map((item) => ({
    field: str(item.field) ?? 'abstract',
    sentence: str(item.sentence) ?? '',
    start: num(item.start),
    end: num(item.end),
    paperId: str(rel.paperId),
    confidence: num(rel.confidence),
    extractorVersion: str(rel.extractorVersion),
    source: str(rel.source),
    rule: str(rel.rule),
    url: str(item.url),
  }));
}

const ROLE_OF_TYPE: Record<string, 'INTRODUCED' | 'USED'> = {
  INTRODUCES: 'INTRODUCED',
  USES: 'USED',
  EVALUATES_ON: 'USED',
};

/**
 * Aggregates the relationships between one pair of nodes (several sources or papers) into one
 * edge: role INTRODUCED wins over USED, the most confident relationship names source/relation,
 * evidence is the union in order of confidence (an identical mention listed once).
 */
export function aggregateRelationships(
  rels: Plain | undefined,
  paperCount: number | null = null,
): EdgeDataModel {
  const list = (Array.isArray(rels) ? rels : []).filter(isMap);
  // equally confident relationships in a fixed order (paper, relation, source, type), not in the
  // order the database happened to return them: the same pair always reads the same
  const sorted = [...list].sort(
    (a, b) =>
      (num(b.confidence) ?? 0) - (num(a.confidence) ?? 0) ||
      compareText(str(a.paperId), str(b.paperId)) ||
      compareText(str(a.relation), str(b.relation)) ||
      compareText(str(a.source), str(b.source)) ||
      compareText(str(a.__type ?? a.type), str(b.__type ?? b.type)),
  );
  const roles = new Set(sorted.map((r) => ROLE_OF_TYPE[String(r.__type ?? r.type)]).filter(Boolean));
  const relations = [...new Set(sorted.map((r) => str(r.relation)).filter((r): r is string => r !== null))];
  const sources = [...new Set(sorted.map((r) => str(r.source)).filter((s): s is string => s !== null))];
  const top = sorted[0];
  return {
    role: roles.has('INTRODUCED') ? 'INTRODUCED' : roles.has('USED') ? 'USED' : null,
    relation: relations[0] ?? null,
    relations,
    confidence: top ? num(top.confidence) : null,
    source: sources[0] ?? null,
    sources,
    paperCount,
    evidence: dedupeEvidence(sorted.flatMap(evidenceOf)),
  };
}

function compareText(a: string | null, b: string | null): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Drops repeated items (the same mention in the same paper backing two relationships), keeping the first. */
function dedupeEvidence(items: EvidenceModel[]): EvidenceModel[] {
  const seen = new Set<string>();
  return items.filter((e) => {
    const key = JSON.stringify([e.paperId, e.field, e.start, e.end, e.sentence]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function asMap(value: Plain | undefined): PlainMap {
  return isMap(value) ? value : {};
}

export function asList(value: Plain | undefined): Plain[] {
  return Array.isArray(value) ? value : [];
}

export function toMetric(props: PlainMap): MetricModel {
  const id = String(props.id);
  return {
    __typename: 'Metric',
    id,
    key: id,
    name: str(props.name) ?? id,
    aliases: strList(props.aliases),
    higherIsBetter: typeof props.higherIsBetter === 'boolean' ? props.higherIsBetter : null,
  };
}

/**
 * A result row (`{r, p, d, mt, m, t}`: the Result's properties and its paper, dataset, metric,
 * method and task as property maps; see resultRow in loaders/results.queries.ts). A row read for a
 * selection (a leaderboard's) has only the properties the client selected, and `null` for a paper,
 * dataset or metric it did not select at all: those fields of the model are then empty, never read.
 */
export function toResult(value: Plain | undefined): ResultModel {
  const row = asMap(value);
  const r = asMap(row.r);
  const id = String(r.id);
  const m = row.m;
  const t = row.t;
  return {
    __typename: 'Result',
    id,
    key: id,
    value: num(r.value) ?? Number.NaN,
    unit: str(r.unit),
    rawValue: str(r.rawValue),
    modelName: str(r.modelName),
    date: str(r.date),
    source: str(r.source) ?? 'extracted',
    confidence: num(r.confidence),
    evidence: evidenceOf(r),
    metric: toMetric(asMap(row.mt)),
    dataset: toEntity('Dataset', asMap(row.d)),
    method: isMap(m) ? toEntity('Method', m) : null,
    task: isMap(t) ? toEntity('Task', t) : null,
    paper: toPaper(asMap(row.p)),
  };
}
