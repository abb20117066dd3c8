// The positional rows of created relationships line up with the properties CREATE_RELS writes:
// every `name: row[i]` of each statement reads the row's `props[name]`, the endpoints come first as
// positions in the node lists the statement reads them from, and a row that is not `extracted`, or
// whose endpoint is not a node of its batch, is refused.
import { REL_KINDS, type RelKind, type RelRow } from '../../src/ingest/graph-rows';
import { createdRows, type NodePositions } from '../../src/ingest/graph.writer';
import { CREATE_RELS, endpointLabels, NODE_LIST } from '../../src/ingest/ingest.queries';

function row(kind: RelKind, i: number): RelRow {
  return {
    from: `from-${kind}-${i}`,
    to: `to-${kind}-${i}`,
    props: {
      source: 'extracted',
      paperId: `paper-${i}`,
      extractorVersion: `v${i}`,
      confidence: i / 10,
      rule: `rule-${i}`,
      evidence: `[{"sentence":"s${i}"}]`,
      ...(kind === 'BUILDS_ON' ? { relation: 'extends' } : {}),
      ...(kind === 'HAS_CODE' ? { mentionedInPaper: true } : {}),
    },
  };
}

/** Positions of the rows' endpoints: `from-*` ids at 10, 11, ... and `to-*` ids at 20, 21, ... */
function positionsOf(kind: RelKind, rows: RelRow[]): NodePositions {
  const { from, to } = endpointLabels(kind);
  const out: NodePositions = { [NODE_LIST[from]]: new Map(), [NODE_LIST[to]]: new Map() };
  rows.forEach((r, i) => {
    out[NODE_LIST[from]].set(r.from, 10 + i);
    out[NODE_LIST[to]].set(r.to, 20 + i);
  });
  return out;
}

describe('created relationship rows', () => {
  it.each(REL_KINDS.map((k) => [k]))('%s: each inline property reads its own value', (kind) => {
    const rows = [row(kind, 1), row(kind, 2)];
    const packed = createdRows(kind, rows, positionsOf(kind, rows));
    const statement = CREATE_RELS[kind];
    const { from, to } = endpointLabels(kind);
    expect(statement).toContain(
      `WITH ${NODE_LIST[from]}[toInteger(row[0])] AS a, ${NODE_LIST[to]}[toInteger(row[1])] AS b, row`,
    );
    const props = [...statement.matchAll(/(\w+): row\[(\d+)\]/g)].map(([, name, index]) => ({
      name,
      index: Number(index),
    }));
    expect(props.map((p) => p.name)).toEqual(
      expect.arrayContaining(['paperId', 'extractorVersion', 'confidence', 'rule', 'evidence']),
    );
    expect(statement).toContain(`source: 'extracted'`);
    packed.forEach((values, i) => {
      expect(values[0]).toBe(10 + i);
      expect(values[1]).toBe(20 + i);
      const written: Record<string, unknown> = { source: 'extracted' };
      for (const p of props) if (values[p.index] !== null) written[p.name] = values[p.index];
      expect(written).toEqual(rows[i].props);
    });
  });

  it('refuses a row whose source is not extracted', () => {
    const pwc = row('USES', 1);
    pwc.props.source = 'pwc';
    expect(() => createdRows('USES', [pwc], positionsOf('USES', [pwc]))).toThrow(/source pwc/);
  });

  it('refuses a row whose endpoint is not a node of its batch', () => {
    const r = row('BUILDS_ON', 1);
    const positions = positionsOf('BUILDS_ON', [r]);
    positions[NODE_LIST.Method].delete(r.to);
    expect(() => createdRows('BUILDS_ON', [r], positions)).toThrow(/not a node of its batch/);
  });
});
