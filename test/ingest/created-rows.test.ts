// The positional rows of created relationships line up with the properties CREATE_RELS writes:
// every `name: row[i]` of each statement reads the row's `props[name]`, endpoints come first, and a
// row that is not `extracted` is refused (CREATE_RELS writes source 'extracted' inline).
import { REL_KINDS, type RelKind, type RelRow } from '../../src/ingest/graph-rows';
import { createdRows } from '../../src/ingest/graph.writer';
import { CREATE_RELS } from '../../src/ingest/ingest.queries';

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

describe('created relationship rows', () => {
  it.each(REL_KINDS.map((k) => [k]))('%s: each inline property reads its own value', (kind) => {
    const rows = [row(kind, 1), row(kind, 2)];
    const packed = createdRows(kind, rows);
    const statement = CREATE_RELS[kind];
    expect(statement).toContain('MATCH (a:');
    expect(statement).toMatch(/\{id: row\[0\]\}[\s\S]*\{id: row\[1\]\}/);
    const props = [...statement.matchAll(/(\w+): row\[(\d+)\]/g)]
      .filter(([, name]) => name !== 'id')
      .map(([, name, index]) => ({ name, index: Number(index) }));
    expect(props.map((p) => p.name)).toEqual(
      expect.arrayContaining(['paperId', 'extractorVersion', 'confidence', 'rule', 'evidence']),
    );
    expect(statement).toContain(`source: 'extracted'`);
    packed.forEach((values, i) => {
      expect(values[0]).toBe(rows[i].from);
      expect(values[1]).toBe(rows[i].to);
      const written: Record<string, unknown> = { source: 'extracted' };
      for (const p of props) if (values[p.index] !== null) written[p.name] = values[p.index];
      expect(written).toEqual(rows[i].props);
    });
  });

  it('refuses a row whose source is not extracted', () => {
    const pwc = row('USES', 1);
    pwc.props.source = 'pwc';
    expect(() => createdRows('USES', [pwc])).toThrow(/source pwc/);
  });
});
