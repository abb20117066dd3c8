// Turns extraction records (and Papers with Code records) into the parameter rows of the static
// write statements in ingest.queries.ts: one list per label and per relationship kind, entities
// aggregated per batch so a popular entity is merged once per transaction. Pure.
import { createHash } from 'node:crypto';
import type { Evidence, ExtractionRecord, PaperInput } from '../extract/extraction.types';
import { resolveMetric } from '../extract/results/metric-lexicon';
import { normalizeRepoUrl } from '../extract/urls';
import { canonicalId, type EntityType, normalizeName } from '../names/normalize';
import type { PwcMethodInfo, PwcPaperExtras, RelSource } from './ingest.types';

/** Relationship kinds: a relationship type with its start and end labels (labels cannot be parameters). */
export type RelKind =
  | 'INTRODUCES_METHOD'
  | 'INTRODUCES_DATASET'
  | 'USES'
  | 'EVALUATES_ON'
  | 'ADDRESSES'
  | 'MENTIONS'
  | 'HAS_CODE'
  | 'IMPLEMENTS'
  | 'BUILDS_ON';

export const REL_KINDS: readonly RelKind[] = [
  'INTRODUCES_METHOD',
  'INTRODUCES_DATASET',
  'USES',
  'EVALUATES_ON',
  'ADDRESSES',
  'MENTIONS',
  'HAS_CODE',
  'IMPLEMENTS',
  'BUILDS_ON',
];

export interface PaperRow {
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  arxivId: string | null;
  doi: string | null;
  published: string | null;
  year: number | null;
  authors: string[];
  links: string[];
  linkKinds: string[];
  contentHash: string;
  extractorVersion: string;
  ingestedAt: string;
  pwcUrl: string | null;
  sources: string[];
}

/** A paper known only by reference (PwC links / methods / datasets dumps): created if missing, never overwritten. */
export interface PaperStubRow {
  id: string;
  title: string | null;
  pwcUrl: string | null;
  arxivId: string | null;
  url: string | null;
}

export interface EntityRow {
  id: string;
  name: string;
  /** Every display form seen in this batch, the name included (the statement drops the node's own name). */
  aliases: string[];
  keys: string[];
  fullName: string | null;
  description: string | null;
  collections: string[] | null;
  areas: string[] | null;
  url: string | null;
}

export interface RepoRow {
  id: string;
  url: string;
  host: string;
  owner: string;
  name: string;
  stars: number | null;
  framework: string | null;
}

export interface RelProps {
  source: RelSource;
  paperId: string;
  extractorVersion: string;
  confidence: number;
  rule: string;
  /** JSON array of `{field, sentence, start, end}`. */
  evidence: string;
  relation?: string;
  official?: boolean | null;
  framework?: string | null;
  mentionedInPaper?: boolean | null;
}

export interface RelRow {
  from: string;
  to: string;
  props: RelProps;
}

/** A `Metric` node: an entity of its own label, with its direction as data (data/lexicon/metrics.json). */
export interface MetricRow {
  id: string;
  name: string;
  aliases: string[];
  keys: string[];
  /** true / false from the lexicon; null when unknown (never overwrites a known direction). */
  higherIsBetter: boolean | null;
}

/**
 * A `Result` node with the ids of the nodes it links to: `(Paper)-[:REPORTS]->(Result)`,
 * `-[:ON_DATASET]->(Dataset)`, `-[:BY_METRIC]->(Metric)`, `-[:OF_METHOD]->(Method)`,
 * `-[:FOR_TASK]->(Task)`. Provenance is on the node (one paper, one source per result).
 */
export interface ResultRow {
  id: string;
  paperId: string;
  source: RelSource;
  value: number;
  unit: string | null;
  /** The value as the source wrote it (PwC's messy strings), null for extracted results. */
  rawValue: string | null;
  confidence: number;
  rule: string;
  /** JSON array of `{field, sentence, start, end}` (`[]` for pwc). */
  evidence: string;
  extractorVersion: string;
  /** When the result was reported (`YYYY-MM-DD`, or shorter): the paper's date. */
  date: string | null;
  /** The method as the source named it (PwC `model_name`), null for extracted results. */
  modelName: string | null;
  datasetId: string;
  metricId: string;
  methodId: string | null;
  taskId: string | null;
}

/** A leaderboard row of a PwC evaluation-tables dump, as ingest hands it to the builder. */
export interface PwcResultInput {
  paperId: string;
  task: string | null;
  dataset: string;
  metric: string;
  model: string;
  value: number;
  unit: string | null;
  rawValue: string;
  date: string | null;
  dump: string;
}

/** Everything one write transaction does, in statement order. */
export interface WriteBatch {
  /** Papers whose `extracted` relationships are replaced (deleted first, then written anew). */
  replacePaperIds: string[];
  papers: PaperRow[];
  paperStubs: PaperStubRow[];
  entities: Record<EntityType, EntityRow[]>;
  repos: RepoRow[];
  /** `source = 'extracted'`: created after the deletion (one per key by construction). */
  created: Record<RelKind, RelRow[]>;
  /** Other sources (`pwc`): merged on their key, so re-reading a dump changes nothing. */
  merged: Record<RelKind, RelRow[]>;
  /** PwC derivation: papers whose repos implement the methods they introduce (both via `pwc`). */
  implementsFromPwc: string[];
  /** Metric nodes the batch's results name, in id order. */
  metrics: MetricRow[];
  /** Results: the `extracted` ones of `replacePaperIds` replace that paper's earlier ones; `pwc` ones merge on id. */
  results: ResultRow[];
}

export const ENTITY_LABEL: Record<EntityType, 'Method' | 'Dataset' | 'Task' | 'Concept'> = {
  method: 'Method',
  dataset: 'Dataset',
  task: 'Task',
  concept: 'Concept',
};

function emptyRels(): Record<RelKind, RelRow[]> {
  return Object.fromEntries(REL_KINDS.map((k) => [k, []])) as unknown as Record<RelKind, RelRow[]>;
}

/** A paper ready to write: its input, its extraction, its content hash and PwC extras. */
export interface PreparedPaper {
  paper: PaperInput;
  record: ExtractionRecord;
  contentHash: string;
  pwc?: PwcPaperExtras;
}

/** Repo id and parts from a repository URL (`repo:<host>/<owner>/<name>`, lower-cased). */
export function repoRowOf(rawUrl: string): RepoRow | undefined {
  const url = normalizeRepoUrl(rawUrl);
  if (!url) return undefined;
  const m = /^https:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url);
  if (!m) return undefined;
  return {
    id: `repo:${m[1]}/${m[2]}/${m[3]}`.toLowerCase(),
    url,
    host: m[1].toLowerCase(),
    owner: m[2],
    name: m[3],
    stars: null,
    framework: null,
  };
}

export function yearOf(published: string | undefined): number | null {
  const m = published ? /^(\d{4})/.exec(published) : null;
  return m ? Number(m[1]) : null;
}

/** Accumulates rows for one write transaction. */
export class BatchBuilder {
  private readonly replace = new Set<string>();
  private readonly papers = new Map<string, PaperRow>();
  private readonly stubs = new Map<string, PaperStubRow>();
  private readonly entities: Record<EntityType, Map<string, EntityRow>> = {
    method: new Map(),
    dataset: new Map(),
    task: new Map(),
    concept: new Map(),
  };
  private readonly repos = new Map<string, RepoRow>();
  private readonly created = new Map<string, RelRow & { kind: RelKind }>();
  private readonly merged = new Map<string, RelRow & { kind: RelKind }>();
  private readonly implementsFromPwc = new Set<string>();
  private readonly metrics = new Map<string, MetricRow>();
  private readonly results = new Map<string, ResultRow>();

  constructor(private readonly ingestedAt: string) {}

  get size(): number {
    return this.papers.size + this.stubs.size;
  }

  /** Distinct entity ids in this batch (for the summary). */
  entityIds(): string[] {
    return Object.values(this.entities).flatMap((m) => [...m.keys()]);
  }

  relationshipCount(): number {
    return this.created.size + this.merged.size;
  }

  /** Result nodes in this batch. */
  resultCount(): number {
    return this.results.size;
  }

  /** Adds a paper with its extraction: node, entities, repos and every extracted relationship. */
  addPaper(prepared: PreparedPaper): void {
    const { paper, record, contentHash, pwc } = prepared;
    const version = record.extractor.version;
    this.replace.add(paper.id);
    const links = record.links.map((l) => l.url);
    this.papers.set(paper.id, {
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      url: paper.url ?? null,
      arxivId: paper.arxivId ?? null,
      doi: paper.doi ?? null,
      published: paper.published ?? null,
      year: yearOf(paper.published),
      authors: paper.authors ?? [],
      links,
      linkKinds: record.links.map((l) => l.kind),
      contentHash,
      extractorVersion: version,
      ingestedAt: this.ingestedAt,
      pwcUrl: pwc?.pwcUrl ?? null,
      sources: pwc ? ['extracted', 'pwc'] : ['extracted'],
    });

    const provenance = (confidence: number, rule: string, evidence: Evidence[]): RelProps => ({
      source: 'extracted',
      paperId: paper.id,
      extractorVersion: version,
      confidence: round(confidence),
      rule,
      evidence: JSON.stringify(evidence),
    });

    const idByName = new Map<string, string>();
    const introducedMethods: { id: string; confidence: number }[] = [];
    for (const e of record.entities) {
      this.addEntity(e.type, e.id, e.name, e.aliases);
      idByName.set(normalizeName(e.name), e.id);
      for (const a of e.aliases) if (!idByName.has(normalizeName(a))) idByName.set(normalizeName(a), e.id);
      const kind = relKindOf(e.type, e.role);
      this.addRel(this.created, kind, paper.id, e.id, provenance(e.confidence, e.rule, e.evidence));
      if (kind === 'INTRODUCES_METHOD') introducedMethods.push({ id: e.id, confidence: e.confidence });
    }

    for (const r of record.repos) {
      const repo = repoRowOf(r.url);
      if (!repo) continue;
      this.addRepo(repo);
      this.addRel(this.created, 'HAS_CODE', paper.id, repo.id, {
        ...provenance(1, 'repo-url', r.evidence),
        mentionedInPaper: true,
      });
      for (const m of introducedMethods) {
        this.addRel(
          this.created,
          'IMPLEMENTS',
          repo.id,
          m.id,
          provenance(m.confidence, 'paper-repo-implements-introduced', r.evidence),
        );
      }
    }

    for (const l of record.lineage) {
      const child = idByName.get(normalizeName(l.child)) ?? canonicalId('method', l.child);
      const parent = idByName.get(normalizeName(l.parent)) ?? canonicalId('method', l.parent);
      if (child === parent || !child.startsWith('method:') || !parent.startsWith('method:')) continue;
      this.addEntity('method', child, l.child, []);
      this.addEntity('method', parent, l.parent, []);
      this.addRel(this.created, 'BUILDS_ON', child, parent, {
        ...provenance(l.confidence, l.rule, l.evidence),
        relation: l.relation,
      });
    }

    const entityOf = (type: EntityType, name: string | null): string | null => {
      if (name === null || !name.trim()) return null;
      const id = idByName.get(normalizeName(name)) ?? canonicalId(type, name);
      if (!id.startsWith(`${type}:`)) return null;
      this.addEntity(type, id, name, []);
      return id;
    };
    for (const r of record.results) {
      const datasetId = entityOf('dataset', r.dataset);
      if (!datasetId) continue;
      const metricId = this.addMetric(r.metric);
      const methodId = entityOf('method', r.method);
      const taskId = entityOf('task', r.task);
      const at = r.evidence[0];
      const key = [paper.id, metricId, datasetId, methodId, taskId, r.value, r.unit, at?.field, at?.start];
      this.addResult({
        id: resultId('extracted', key),
        paperId: paper.id,
        source: 'extracted',
        value: r.value,
        unit: r.unit,
        rawValue: null,
        confidence: round(r.confidence),
        rule: r.rule,
        evidence: JSON.stringify(r.evidence),
        extractorVersion: version,
        date: paper.published ?? null,
        modelName: null,
        datasetId,
        metricId,
        methodId,
        taskId,
      });
    }

    if (pwc) this.addPwcPaperExtras(paper.id, pwc);
  }

  /** A PwC leaderboard row: a `pwc` Result (merged on its id, so re-reading the dump changes nothing). */
  addPwcResult(row: PwcResultInput): void {
    const datasetId = canonicalId('dataset', row.dataset);
    this.addEntity('dataset', datasetId, row.dataset, []);
    const methodId = canonicalId('method', row.model);
    this.addEntity('method', methodId, row.model, []);
    const taskId = row.task ? canonicalId('task', row.task) : null;
    if (taskId && row.task) this.addEntity('task', taskId, row.task, []);
    const metricId = this.addMetric(row.metric);
    this.addResult({
      id: resultId('pwc', [row.paperId, metricId, datasetId, methodId, taskId]),
      paperId: row.paperId,
      source: 'pwc',
      value: row.value,
      unit: row.unit,
      rawValue: row.rawValue,
      confidence: 1,
      rule: 'pwc-evaluation-tables',
      evidence: '[]',
      extractorVersion: row.dump,
      date: row.date,
      modelName: row.model,
      datasetId,
      metricId,
      methodId,
      taskId,
    });
  }

  /** The Metric of any metric name (lexicon entry or a metric of unknown direction); returns its id. */
  private addMetric(name: string): string {
    const entry = resolveMetric(name);
    const id = `metric:${entry.key}`;
    let row = this.metrics.get(id);
    if (!row) {
      row = { id, name: entry.name, aliases: [], keys: [], higherIsBetter: entry.higherIsBetter };
      this.metrics.set(id, row);
    }
    for (const form of [entry.name, ...entry.aliases, name]) {
      const display = form.trim();
      if (!display) continue;
      if (!row.aliases.includes(display)) row.aliases.push(display);
      const key = normalizeName(display);
      if (key && !row.keys.includes(key)) row.keys.push(key);
    }
    return id;
  }

  /** One result per id; a repeated id keeps the more confident row. */
  private addResult(row: ResultRow): void {
    const existing = this.results.get(row.id);
    if (!existing || row.confidence > existing.confidence) this.results.set(row.id, row);
  }

  /** A PwC paper's own method and task lists: `USES` / `ADDRESSES` with `source = 'pwc'`. */
  private addPwcPaperExtras(paperId: string, pwc: PwcPaperExtras): void {
    for (const m of pwc.methods) {
      const id = this.addPwcMethod(m);
      this.addRel(this.merged, 'USES', paperId, id, pwcProvenance(paperId, pwc.dump, 'pwc-paper-methods'));
    }
    for (const t of pwc.tasks) {
      const id = canonicalId('task', t);
      this.addEntity('task', id, t, []);
      this.addRel(this.merged, 'ADDRESSES', paperId, id, pwcProvenance(paperId, pwc.dump, 'pwc-paper-tasks'));
    }
  }

  /** A method described by PwC: merged on its canonical id, with full name, description and taxonomy. */
  addPwcMethod(m: PwcMethodInfo): string {
    const id = canonicalId('method', m.name);
    const aliases = m.fullName && m.fullName !== m.name ? [m.fullName] : [];
    const row = this.addEntity('method', id, m.name, aliases);
    row.fullName = m.fullName ?? row.fullName;
    row.description = m.description ?? row.description;
    row.url = m.url ?? row.url;
    if (m.collections?.length) row.collections = union(row.collections ?? [], m.collections);
    if (m.areas?.length) row.areas = union(row.areas ?? [], m.areas);
    return id;
  }

  /** A dataset described by PwC (`datasets.json`). */
  addPwcDataset(d: { name: string; fullName?: string; description?: string; url?: string }): string {
    const id = canonicalId('dataset', d.name);
    const aliases = d.fullName && d.fullName !== d.name ? [d.fullName] : [];
    const row = this.addEntity('dataset', id, d.name, aliases);
    row.fullName = d.fullName ?? row.fullName;
    row.description = d.description ?? row.description;
    row.url = d.url ?? row.url;
    return id;
  }

  addPaperStub(stub: PaperStubRow): void {
    if (!this.papers.has(stub.id) && !this.stubs.has(stub.id)) this.stubs.set(stub.id, stub);
  }

  /** `INTRODUCES` from a PwC dump (`methods.json`, `datasets.json`). */
  addPwcIntroduces(
    kind: 'INTRODUCES_METHOD' | 'INTRODUCES_DATASET',
    paperId: string,
    entityId: string,
    dump: string,
  ): void {
    this.addRel(
      this.merged,
      kind,
      paperId,
      entityId,
      pwcProvenance(paperId, dump, kind === 'INTRODUCES_METHOD' ? 'pwc-methods-paper' : 'pwc-datasets-paper'),
    );
    if (kind === 'INTRODUCES_METHOD') this.implementsFromPwc.add(paperId);
  }

  /** `HAS_CODE` from the PwC links dump. */
  addPwcCode(
    paperId: string,
    repo: RepoRow,
    dump: string,
    extra: { official?: boolean; framework?: string; mentionedInPaper?: boolean },
  ): void {
    this.addRepo(repo);
    this.addRel(this.merged, 'HAS_CODE', paperId, repo.id, {
      ...pwcProvenance(paperId, dump, 'pwc-links'),
      official: extra.official ?? null,
      framework: extra.framework ?? null,
      mentionedInPaper: extra.mentionedInPaper ?? null,
    });
    this.implementsFromPwc.add(paperId);
  }

  build(): WriteBatch {
    const split = (m: Map<string, RelRow & { kind: RelKind }>): Record<RelKind, RelRow[]> => {
      const out = emptyRels();
      for (const { kind, ...row } of m.values()) out[kind].push(row);
      return out;
    };
    return {
      replacePaperIds: [...this.replace],
      papers: [...this.papers.values()],
      paperStubs: [...this.stubs.values()],
      // Shared nodes in id order: concurrent write transactions then lock them in one order.
      entities: {
        method: byId(this.entities.method),
        dataset: byId(this.entities.dataset),
        task: byId(this.entities.task),
        concept: byId(this.entities.concept),
      },
      repos: byId(this.repos),
      created: split(this.created),
      merged: split(this.merged),
      implementsFromPwc: [...this.implementsFromPwc],
      metrics: byId(this.metrics),
      results: byId(this.results),
    };
  }

  private addEntity(type: EntityType, id: string, name: string, aliases: string[]): EntityRow {
    let row = this.entities[type].get(id);
    if (!row) {
      row = {
        id,
        name,
        aliases: [],
        keys: [],
        fullName: null,
        description: null,
        collections: null,
        areas: null,
        url: null,
      };
      this.entities[type].set(id, row);
    }
    for (const form of [name, ...aliases]) {
      const display = form.trim();
      if (!display) continue;
      if (!row.aliases.includes(display)) row.aliases.push(display);
      const key = normalizeName(display);
      if (key && !row.keys.includes(key)) row.keys.push(key);
    }
    return row;
  }

  private addRepo(repo: RepoRow): void {
    const existing = this.repos.get(repo.id);
    if (!existing) this.repos.set(repo.id, { ...repo });
    else {
      existing.stars = repo.stars ?? existing.stars;
      existing.framework = repo.framework ?? existing.framework;
    }
  }

  /** One relationship per key; a repeated key keeps the higher confidence and all evidence. */
  private addRel(
    target: Map<string, RelRow & { kind: RelKind }>,
    kind: RelKind,
    from: string,
    to: string,
    props: RelProps,
  ): void {
    const key = [kind, from, to, props.source, props.paperId, props.relation ?? ''].join('\u0000');
    const existing = target.get(key);
    if (!existing) {
      target.set(key, { kind, from, to, props });
      return;
    }
    const ev = [
      ...(JSON.parse(existing.props.evidence) as Evidence[]),
      ...(JSON.parse(props.evidence) as Evidence[]),
    ];
    const seen = new Set<string>();
    const unique = ev.filter((e) => {
      const k = JSON.stringify(e);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (props.confidence > existing.props.confidence)
      existing.props = { ...props, evidence: JSON.stringify(unique) };
    else existing.props.evidence = JSON.stringify(unique);
  }
}

function relKindOf(type: EntityType, role: 'introduced' | 'used'): RelKind {
  switch (type) {
    case 'method':
      return role === 'introduced' ? 'INTRODUCES_METHOD' : 'USES';
    case 'dataset':
      return role === 'introduced' ? 'INTRODUCES_DATASET' : 'EVALUATES_ON';
    case 'task':
      return 'ADDRESSES';
    case 'concept':
      return 'MENTIONS';
  }
}

function pwcProvenance(paperId: string, dump: string, rule: string): RelProps {
  return { source: 'pwc', paperId, extractorVersion: dump, confidence: 1, rule, evidence: '[]' };
}

function byId<T>(rows: Map<string, T>): T[] {
  return [...rows.keys()].sort().map((id) => rows.get(id) as T);
}

/** `result:<key>`: a hash of what identifies the result (source, paper, metric, dataset, method, task...). */
function resultId(source: RelSource, parts: unknown[]): string {
  return `result:${createHash('sha256')
    .update(JSON.stringify([source, ...parts]))
    .digest('hex')
    .slice(0, 20)}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function union(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}
