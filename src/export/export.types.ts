// The export file format (`papergraph export` / `papergraph import`, docs/INGEST.md "Export and
// import"): JSON lines, one record per line, each with a `kind`. The closed sets below name what a
// file may hold - the domain labels and relationship types of the contract (CONTRACT.md "Graph",
// "Results and leaderboards") and the curation bookkeeping labels - so labels and types that reach
// Cypher are never taken from a file unchecked.

export const EXPORT_FORMAT = 'papergraph-export';
export const EXPORT_FORMAT_VERSION = 1;

/** Domain labels, in the order their nodes are written (papers first). */
export const DOMAIN_LABELS = [
  'Paper',
  'Method',
  'Dataset',
  'Task',
  'Concept',
  'Repo',
  'Metric',
  'Result',
] as const;
export type DomainLabel = (typeof DOMAIN_LABELS)[number];

/** Relationship types with the labels their ends may have. */
export const REL_ENDPOINTS: Record<string, { from: readonly DomainLabel[]; to: readonly DomainLabel[] }> = {
  INTRODUCES: { from: ['Paper'], to: ['Method', 'Dataset'] },
  USES: { from: ['Paper'], to: ['Method'] },
  EVALUATES_ON: { from: ['Paper'], to: ['Dataset'] },
  ADDRESSES: { from: ['Paper'], to: ['Task'] },
  MENTIONS: { from: ['Paper'], to: ['Concept'] },
  HAS_CODE: { from: ['Paper'], to: ['Repo'] },
  IMPLEMENTS: { from: ['Repo'], to: ['Method'] },
  BUILDS_ON: { from: ['Method'], to: ['Method'] },
  REPORTS: { from: ['Paper'], to: ['Result'] },
  ON_DATASET: { from: ['Result'], to: ['Dataset'] },
  BY_METRIC: { from: ['Result'], to: ['Metric'] },
  OF_METHOD: { from: ['Result'], to: ['Method'] },
  FOR_TASK: { from: ['Result'], to: ['Task'] },
};

/** Curation bookkeeping (src/curation/) with the properties that identify one node of each label. */
export const CURATION_LABELS: Record<string, readonly string[]> = {
  __AuditEntry: ['id'],
  __Redirect: ['id'],
  __Retraction: ['from', 'to', 'type', 'paper'],
  __RemovedAlias: ['entity', 'key'],
};

/** Paper properties that are the paper's input record (the `json` input format's fields). */
export const PAPER_INPUT_FIELDS = [
  'id',
  'title',
  'abstract',
  'url',
  'arxivId',
  'doi',
  'published',
  'authors',
] as const;

/** A property value as JSON holds it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Props = Record<string, JsonValue>;

/**
 * Neo4j types JSON cannot tell apart from a float, per property: `INTEGER` or `LIST<INTEGER>`. A
 * property not named here is a string, boolean, float or a list of them.
 */
export type PropTypes = Record<string, 'INTEGER' | 'LIST<INTEGER>'>;

export interface SourceLicence {
  /** The `source` value of relationships (and `Paper.sources`). */
  source: string;
  licence: string;
  attribution: string;
  url?: string;
}

export interface HeaderRecord {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  papergraph: string;
  /** Records per kind and label / type, as counted when the export started. */
  counts: Record<string, number>;
  /**
   * The graph version (`<epoch>:<counter>`, src/db/graph-version.ts) every record was read at: the
   * same before the export's first read and after its last, so no write committed in between.
   */
  graphVersion?: string;
  /** Licence and attribution of every source the graph holds data from. */
  sources: SourceLicence[];
}

/** A `:Paper`: `input` is a record `papergraph ingest` reads (json format); `props` the rest of the node. */
export interface PaperRecord {
  kind: 'paper';
  input: Props;
  props: Props;
  types?: PropTypes;
}

export interface NodeRecord {
  kind: 'node';
  label: DomainLabel;
  props: Props;
  types?: PropTypes;
}

export interface RelRecord {
  kind: 'rel';
  type: string;
  from: string;
  fromLabel: DomainLabel;
  to: string;
  toLabel: DomainLabel;
  props: Props;
  types?: PropTypes;
}

/** Curation log and standing corrections: audit entries, redirects, retractions, removed aliases. */
export interface CurationRecord {
  kind: 'curation';
  label: string;
  props: Props;
  types?: PropTypes;
}

/** The last line: its absence means a truncated file. */
export interface EndRecord {
  kind: 'end';
  records: number;
}

export type ExportRecord = HeaderRecord | PaperRecord | NodeRecord | RelRecord | CurationRecord | EndRecord;
