import { ApiKeys, bearerToken, parseKeyList } from '../../src/server/api-keys';

const WRITE = 'pg_write_0123456789abcdef';
const READ = 'pg_read_fedcba9876543210';

describe('Keys: API key checking', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc  ', 'abc'],
    ['Basic abc', null],
    ['Bearer', null],
    ['Bearer a b', null],
    [undefined, null],
    [['Bearer first', 'Bearer second'], 'first'],
  ])('reads the bearer token of %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it('parses comma-separated keys and rejects keys with whitespace inside', () => {
    expect(parseKeyList('PAPERGRAPH_API_KEYS', ' a1 ,, b2,')).toEqual(['a1', 'b2']);
    expect(parseKeyList('PAPERGRAPH_API_KEYS', undefined)).toEqual([]);
    expect(() => parseKeyList('PAPERGRAPH_API_KEYS', 'a1,b 2')).toThrow(/key #2 contains whitespace/);
  });

  it('accepts the right write key for mutations and refuses a missing, wrong or read-only key', () => {
    const keys = new ApiKeys([WRITE, 'second-write-key'], [READ]);
    expect(keys.requireWrite(`Bearer ${WRITE}`)).toEqual({ keyId: 'write-1', scope: 'write' });
    expect(keys.requireWrite('Bearer second-write-key')).toEqual({ keyId: 'write-2', scope: 'write' });
    for (const header of [
      undefined,
      '',
      'Bearer nope',
      `Bearer ${WRITE}x`,
      `Bearer ${WRITE.slice(0, -1)}`,
      `Basic ${WRITE}`,
      `Bearer ${READ}`,
    ]) {
      expect(() => keys.requireWrite(header)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });

  it('verify() is true only for a write key (the mutation check used by the GraphQL context)', () => {
    const keys = new ApiKeys([WRITE], [READ]);
    expect(keys.configured).toBe(true);
    expect([`Bearer ${WRITE}`, `Bearer ${READ}`, 'Bearer x', undefined].map((h) => keys.verify(h))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(new ApiKeys([]).configured).toBe(false);
  });

  it('refuses every mutation when no write keys are configured', () => {
    const keys = ApiKeys.fromEnv({});
    expect(() => keys.requireWrite('Bearer anything')).toThrow(/Mutations are disabled/);
  });

  it('leaves reads open by default and requires a key for reads once read keys are set', () => {
    const open = ApiKeys.fromEnv({ PAPERGRAPH_API_KEYS: WRITE });
    expect(open.readsRequireKey).toBe(false);
    expect(open.requireRead(undefined)).toBeNull();
    expect(open.requireRead(`Bearer ${WRITE}`)).toEqual({ keyId: 'write-1', scope: 'write' });

    const closed = ApiKeys.fromEnv({ PAPERGRAPH_API_KEYS: WRITE, PAPERGRAPH_READ_KEYS: READ });
    expect(closed.readsRequireKey).toBe(true);
    expect(closed.requireRead(`Bearer ${READ}`)).toEqual({ keyId: 'read-1', scope: 'read' });
    expect(closed.requireRead(`Bearer ${WRITE}`)).toEqual({ keyId: 'write-1', scope: 'write' });
    expect(() => closed.requireRead(undefined)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => closed.requireRead('Bearer wrong')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('keeps no key text in the object (only digests)', () => {
    const keys = new ApiKeys([WRITE], [READ]);
    const dump = JSON.stringify(keys) + require('node:util').inspect(keys, { depth: 5 });
    expect(dump).not.toContain(WRITE);
    expect(dump).not.toContain(READ);
  });

  it('never says in an error message which key was presented', () => {
    const keys = new ApiKeys([WRITE]);
    try {
      keys.requireWrite('Bearer guessed-key-123');
      throw new Error('expected UNAUTHENTICATED');
    } catch (error) {
      expect((error as Error).message).not.toContain('guessed-key-123');
    }
  });
});
