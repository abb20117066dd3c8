// What the writer has committed of each entity decides which entity rows a later batch leaves out:
// only rows that would change nothing on the node.
import type { EntityRow } from '../../src/ingest/graph-rows';
import { WrittenEntities } from '../../src/ingest/written-entities';

const row = (over: Partial<EntityRow> = {}): EntityRow => ({
  id: 'method:mixer',
  name: 'Mixer',
  aliases: ['Mixer'],
  keys: ['mixer'],
  fullName: null,
  description: null,
  collections: null,
  areas: null,
  url: null,
  ...over,
});

describe('WrittenEntities', () => {
  it('covers a row only after a row with the same or more was remembered', () => {
    const w = new WrittenEntities();
    expect(w.covers(row())).toBe(false);
    w.remember([
      row({ aliases: ['Mixer', 'MLP-Mixer'], keys: ['mixer', 'mlpmixer'], fullName: 'MLP Mixer' }),
    ]);
    expect(w.covers(row())).toBe(true);
    expect(w.covers(row({ aliases: ['MLP-Mixer'], fullName: 'MLP Mixer' }))).toBe(true);
  });

  it('does not cover a row that adds an alias or a key, or changes a value', () => {
    const w = new WrittenEntities();
    w.remember([row({ fullName: 'MLP Mixer', collections: ['Vision'], url: 'https://x.org/m' })]);
    expect(w.covers(row({ aliases: ['Mixer', 'ViM'] }))).toBe(false);
    expect(w.covers(row({ keys: ['mixer', 'vim'] }))).toBe(false);
    expect(w.covers(row({ fullName: 'Mixer MLP' }))).toBe(false);
    expect(w.covers(row({ description: 'An all-MLP model.' }))).toBe(false);
    expect(w.covers(row({ collections: ['Vision', 'MLP'] }))).toBe(false);
    expect(w.covers(row({ areas: ['cv'] }))).toBe(false);
    expect(w.covers(row({ url: 'https://x.org/other' }))).toBe(false);
    // the values written, or none, change nothing
    expect(w.covers(row({ fullName: 'MLP Mixer', collections: ['Vision'], url: 'https://x.org/m' }))).toBe(
      true,
    );
  });

  it('never counts a value holding its separator as written', () => {
    const w = new WrittenEntities();
    w.remember([row({ aliases: ['a', 'b'] })]);
    expect(w.covers(row({ aliases: ['a', 'b'] }))).toBe(true);
    expect(w.covers(row({ aliases: ['a\u0000b'] }))).toBe(false);
  });

  it('keeps the value written last', () => {
    const w = new WrittenEntities();
    w.remember([row({ fullName: 'A' }), row({ fullName: 'B' })]);
    expect(w.covers(row({ fullName: 'B' }))).toBe(true);
    expect(w.covers(row({ fullName: 'A' }))).toBe(false);
  });

  it('forgets the least recently seen entity beyond its capacity, and everything on clear', () => {
    const w = new WrittenEntities(2);
    w.remember([row({ id: 'a' }), row({ id: 'b' })]);
    expect(w.covers(row({ id: 'a' }))).toBe(true); // a is now the most recent
    w.remember([row({ id: 'c' })]);
    expect(w.size).toBe(2);
    expect(w.covers(row({ id: 'b' }))).toBe(false);
    expect(w.covers(row({ id: 'a' }))).toBe(true);
    expect(w.covers(row({ id: 'c' }))).toBe(true);
    w.clear();
    expect(w.size).toBe(0);
    expect(w.covers(row({ id: 'a' }))).toBe(false);
  });
});
