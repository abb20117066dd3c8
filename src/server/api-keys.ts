// API keys: `PAPERGRAPH_API_KEYS` (comma-separated) may call mutations and read; `PAPERGRAPH_READ_KEYS`
// may only read, and when it is set every read needs a key too (otherwise reads are open);
// `PAPERGRAPH_CURATOR_KEYS` may call the curation mutations (and read), nothing else: an ingest key
// cannot curate and a curator key cannot ingest. A curator is named in the audit log by the key's
// fingerprint (`sha256:` + the first 16 hex digits of its digest), never by the key.
// Only sha256 digests of the keys are kept in memory, and a presented key is hashed and compared
// against every digest with crypto.timingSafeEqual (fixed length, no early exit), so neither the
// comparison time nor a log line reveals a key. Keys are identified in logs by `keyId` (`write-1`,
// `read-2`: their position in the variable), never by value.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export type KeyScope = 'write' | 'read' | 'curate';

export interface KeyIdentity {
  keyId: string;
  scope: KeyScope;
}

interface StoredKey extends KeyIdentity {
  digest: Buffer;
}

/** The public name of a key in the audit log: never the key, not enough to guess it. */
export function keyFingerprint(key: string): string {
  return `sha256:${digest(key).toString('hex').slice(0, 16)}`;
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Splits a comma-separated key list; rejects keys with whitespace inside (a copy-paste error). */
export function parseKeyList(name: string, raw: string | undefined): string[] {
  if (!raw) return [];
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  keys.forEach((key, i) => {
    if (/\s/.test(key)) {
      throw new AppError(
        ErrorCode.CONFIGURATION,
        `${name}: key #${i + 1} contains whitespace; separate keys with commas only.`,
      );
    }
  });
  return keys;
}

/** The `Bearer` token of an Authorization header, or null. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
  return match ? match[1] : null;
}

export class ApiKeys {
  private readonly keys: StoredKey[];
  readonly writeKeyCount: number;
  readonly readKeyCount: number;
  readonly curatorKeyCount: number;
  private readonly fingerprints = new Map<string, string>();

  constructor(
    writeKeys: readonly string[],
    readKeys: readonly string[] = [],
    curatorKeys: readonly string[] = [],
  ) {
    this.keys = [
      ...writeKeys.map((k, i) => ({ keyId: `write-${i + 1}`, scope: 'write' as const, digest: digest(k) })),
      ...readKeys.map((k, i) => ({ keyId: `read-${i + 1}`, scope: 'read' as const, digest: digest(k) })),
      ...curatorKeys.map((k, i) => ({
        keyId: `curate-${i + 1}`,
        scope: 'curate' as const,
        digest: digest(k),
      })),
    ];
    curatorKeys.forEach((k, i) => this.fingerprints.set(`curate-${i + 1}`, keyFingerprint(k)));
    this.writeKeyCount = writeKeys.length;
    this.readKeyCount = readKeys.length;
    this.curatorKeyCount = curatorKeys.length;
  }

  /**
   * The fingerprint of the curator key an Authorization header carries, or null (no key, or a key
   * of another scope: ingest and read keys cannot curate).
   */
  curatorOf(header: string | string[] | undefined | null): string | null {
    const identity = this.identifyHeader(header);
    if (!identity || identity.scope !== 'curate') return null;
    return this.fingerprints.get(identity.keyId) ?? null;
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): ApiKeys {
    return new ApiKeys(
      parseKeyList('PAPERGRAPH_API_KEYS', env.PAPERGRAPH_API_KEYS),
      parseKeyList('PAPERGRAPH_READ_KEYS', env.PAPERGRAPH_READ_KEYS),
      parseKeyList('PAPERGRAPH_CURATOR_KEYS', env.PAPERGRAPH_CURATOR_KEYS),
    );
  }

  /** True when at least one write key is configured (mutations are possible at all). */
  get configured(): boolean {
    return this.writeKeyCount > 0;
  }

  /** True when the header carries a write key (what the `ingestPapers` mutation needs). */
  verify(authorization: string | string[] | null | undefined): boolean {
    return this.identifyHeader(authorization)?.scope === 'write';
  }

  /** Reads need a key when read keys are configured. */
  get readsRequireKey(): boolean {
    return this.readKeyCount > 0;
  }

  /** The key a token matches, or null. Compares against every stored digest, whatever matches first. */
  identify(token: string | null | undefined): KeyIdentity | null {
    if (!token) return null;
    const presented = digest(token);
    let found: StoredKey | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(presented, key.digest) && found === null) found = key;
    }
    return found ? { keyId: found.keyId, scope: found.scope } : null;
  }

  /** Identity from an `Authorization: Bearer <key>` header value, or null. */
  identifyHeader(header: string | string[] | undefined | null): KeyIdentity | null {
    return this.identify(bearerToken(header));
  }

  /** Throws UNAUTHENTICATED unless the header carries a write key. */
  requireWrite(header: string | string[] | undefined | null): KeyIdentity {
    if (this.writeKeyCount === 0) {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Mutations are disabled: the server has no API keys. Set PAPERGRAPH_API_KEYS on the server and send `Authorization: Bearer <key>`.',
      );
    }
    const identity = this.identifyHeader(header);
    if (!identity || identity.scope !== 'write') {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        identity
          ? 'This key may only read; mutations need a key from PAPERGRAPH_API_KEYS.'
          : 'This operation needs an API key: send `Authorization: Bearer <key>` with a key from PAPERGRAPH_API_KEYS.',
      );
    }
    return identity;
  }

  /** Throws UNAUTHENTICATED when reads require a key and the header carries none that is valid. */
  requireRead(header: string | string[] | undefined | null): KeyIdentity | null {
    const identity = this.identifyHeader(header);
    if (this.readsRequireKey && !identity) {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'This server requires an API key for every request: send `Authorization: Bearer <key>` (PAPERGRAPH_READ_KEYS, PAPERGRAPH_API_KEYS or PAPERGRAPH_CURATOR_KEYS).',
      );
    }
    return identity;
  }
}
