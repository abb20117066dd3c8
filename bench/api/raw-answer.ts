// What the raw-Cypher baseline's client does with a record beyond decoding it, so that its answer is the
// one Papergraph gives for the same request: for a lineage (RAW_LINEAGE), each pair's relationships in
// Papergraph's order (most confident first, then paper, relation, source), the pair's relation taken
// from the first of them, and their evidence JSON (stored as text) parsed and deduplicated, as both
// GraphQL servers do before they answer. It runs inside every timed raw request.

type Obj = Record<string, unknown>;

export interface RawLineageEdge {
  from: { id: string; name: string };
  to: { id: string; name: string };
  depth: number;
  relation: string | null;
  evidence: { sentence: string; confidence: number | null }[];
}

export interface RawLineage {
  truncated: boolean;
  nodes: { id: string; name: string }[];
  edges: RawLineageEdge[];
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const cmp = (a: string | null, b: string | null): number =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

function parseEvidence(json: unknown): Obj[] {
  if (typeof json !== 'string') return [];
  try {
    const items = JSON.parse(json) as unknown;
    return Array.isArray(items) ? items.filter((x): x is Obj => !!x && typeof x === 'object') : [];
  } catch {
    return [];
  }
}

/** One pair of RAW_LINEAGE's page: `{from, to, depth, rels}` -> the edge as Papergraph answers it. */
function lineageEdge(edge: Obj): RawLineageEdge {
  const rels = ((edge.rels ?? []) as Obj[])
    .slice()
    .sort(
      (a, b) =>
        (num(b.confidence) ?? 0) - (num(a.confidence) ?? 0) ||
        cmp(text(a.paperId), text(b.paperId)) ||
        cmp(text(a.relation), text(b.relation)) ||
        cmp(text(a.source), text(b.source)),
    );
  const relations = [...new Set(rels.map((r) => text(r.relation)).filter((r): r is string => r !== null))];
  // the same mention in the same paper backing two relationships is one item of evidence
  const seen = new Set<string>();
  const evidence: RawLineageEdge['evidence'] = [];
  for (const r of rels)
    for (const item of parseEvidence(r.evidence)) {
      const sentence = text(item.sentence) ?? '';
      const key = JSON.stringify([
        text(r.paperId),
        text(item.field) ?? 'abstract',
        num(item.start),
        num(item.end),
        sentence,
      ]);
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push({ sentence, confidence: num(r.confidence) });
    }
  return {
    from: edge.from as RawLineageEdge['from'],
    to: edge.to as RawLineageEdge['to'],
    depth: Number(edge.depth),
    relation: relations[0] ?? null,
    evidence,
  };
}

/** One direction of RAW_LINEAGE (`{truncated, nodes, edges}`) as Papergraph's `Lineage` answers it. */
export function rawLineage(branch: unknown): RawLineage | null {
  if (!branch || typeof branch !== 'object') return null;
  const b = branch as Obj;
  return {
    truncated: b.truncated === true,
    nodes: (b.nodes ?? []) as RawLineage['nodes'],
    edges: ((b.edges ?? []) as Obj[]).map(lineageEdge),
  };
}

/** Turns a raw record into its answer in place (a lineage's two directions; other records are final). */
export function rawAnswer(row: Obj): Obj {
  for (const key of ['ancestors', 'descendants']) if (key in row) row[key] = rawLineage(row[key]);
  return row;
}
