// The single place that talks to neo4j-driver: one driver per process, reads as auto-commit READ
// transactions (a cluster serves them from followers), writes in managed transactions, transaction metadata
// naming the operation, values converted to plain JavaScript, errors mapped to coded AppErrors.
// Cypher text comes from `*.queries.ts` files and migrations; everything variable is a parameter.
import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../config/neo4j-config';
import { type DriverContext, toAppError } from './neo4j-errors';
import { Plain, toPlain } from './values';

export type Row = { [key: string]: Plain };
export type Params = Record<string, unknown>;

export interface QueryOptions {
  /** Name of the operation, sent as transaction metadata (`app`, `operation`) and shown in Neo4j's query log. */
  operation?: string;
  /** Database-side transaction timeout in milliseconds (defaults to the executor's `queryTimeoutMs`). */
  timeoutMs?: number;
}

export interface ExecutorOptions {
  /** Default per-query database time limit (Neo4j transaction timeout), ms. */
  queryTimeoutMs?: number;
  /** How long the driver retries transient failures (e.g. the server is restarting), ms. */
  maxRetryTimeMs?: number;
  /** How long to wait for a connection (and to establish one), ms: bounds how fast a dead database is reported. */
  connectionTimeoutMs?: number;
  maxConnectionPoolSize?: number;
}

/** Called once per statement sent: lets tests count round trips and the logger time them. */
export type QueryListener = (event: {
  cypher: string;
  operation?: string;
  mode: 'READ' | 'WRITE';
  durationMs: number;
  ok: boolean;
}) => void;

/** A transaction handed to `writeTransaction` work; `run` returns converted rows. */
export interface WriteTx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

export class Executor {
  private readonly driver: Driver;
  private readonly listeners = new Set<QueryListener>();
  readonly uri: string;
  private readonly database?: string;
  private readonly queryTimeoutMs: number;
  private readonly maxRetryTimeMs: number;
  /** Pool size and waits, so a full pool is told from a server that does not answer (neo4j-errors.ts). */
  private readonly driverContext: DriverContext;

  constructor(config: Neo4jConfig, options: ExecutorOptions = {}) {
    this.uri = config.uri;
    this.database = config.database;
    this.queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
    this.maxRetryTimeMs = options.maxRetryTimeMs ?? 5_000;
    this.driverContext = {
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 100,
      acquisitionTimeoutMs: options.connectionTimeoutMs ?? 5_000,
    };
    const auth = config.user ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
    this.driver = neo4j.driver(config.uri, auth, {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: this.maxRetryTimeMs,
      connectionAcquisitionTimeout: this.driverContext.acquisitionTimeoutMs,
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      maxConnectionPoolSize: this.driverContext.maxConnectionPoolSize,
      userAgent: 'papergraph',
    });
  }

  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one read statement with READ routing; returns plain rows. */
  async read(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    return this.execute('READ', cypher, params, options);
  }

  /** Runs one write statement in a managed (retried) write transaction; returns plain rows. */
  async write(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    return this.execute('WRITE', cypher, params, options);
  }

  /**
   * Runs several statements in one managed write transaction: all of them commit or none does.
   * The work may be retried on transient errors, so it must not have side effects outside `tx`.
   */
  async writeTransaction<R>(work: (tx: WriteTx) => Promise<R>, options: QueryOptions = {}): Promise<R> {
    // The executeQuery bookmark manager: a later read (autoCommitRead, a graph version read) sees this write.
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work({
            run: async (cypher, params = {}) => {
              const started = performance.now();
              try {
                const result = await tx.run(cypher, params);
                this.emit({
                  cypher,
                  operation: options.operation,
                  mode: 'WRITE',
                  durationMs: performance.now() - started,
                  ok: true,
                });
                return result.records.map((r) => toPlain(r.toObject()) as Row);
              } catch (error) {
                this.emit({
                  cypher,
                  operation: options.operation,
                  mode: 'WRITE',
                  durationMs: performance.now() - started,
                  ok: false,
                });
                throw error;
              }
            },
          }),
        this.txConfig(options),
      );
    } catch (error) {
      throw this.toAppError(error, options);
    } finally {
      await session.close();
    }
  }

  /** Resolves when the server answers; throws DATABASE_UNAVAILABLE otherwise. */
  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw this.toAppError(error, {});
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async execute(
    mode: 'READ' | 'WRITE',
    cypher: string,
    params: Params,
    options: QueryOptions,
  ): Promise<Row[]> {
    const started = performance.now();
    try {
      const result =
        mode === 'READ'
          ? await this.autoCommitRead(cypher, params, options)
          : await this.driver.executeQuery(cypher, params, {
              database: this.database,
              routing: neo4j.routing.WRITE,
              transactionConfig: this.txConfig(options),
            });
      this.emit({
        cypher,
        operation: options.operation,
        mode,
        durationMs: performance.now() - started,
        ok: true,
      });
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      this.emit({
        cypher,
        operation: options.operation,
        mode,
        durationMs: performance.now() - started,
        ok: false,
      });
      throw this.toAppError(error, options);
    }
  }

  private toAppError(error: unknown, options: QueryOptions) {
    return toAppError(error, this.uri, {
      ...this.driverContext,
      queryTimeoutMs: options.timeoutMs ?? this.queryTimeoutMs,
    });
  }

  /**
   * A read as one auto-commit transaction: RUN and PULL in one round trip, where a managed
   * transaction adds BEGIN and COMMIT (measured: about half the client CPU and 1 ms less per
   * statement, docs/BENCHMARKS.md). A read has no effect to lose, so transient failures (server
   * restarting, leader switch) are retried here as the driver retries managed transactions:
   * exponential backoff within `maxRetryTimeMs`. Sessions share the driver's executeQuery bookmark
   * manager, so a read still sees the writes made through `write()`.
   */
  private async autoCommitRead(cypher: string, params: Params, options: QueryOptions) {
    const deadline = Date.now() + this.maxRetryTimeMs;
    for (let delay = 100; ; delay *= 2) {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        return await session.run(cypher, params, this.txConfig(options));
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() + delay > deadline) throw error;
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, delay * (0.8 + Math.random() * 0.4)));
    }
  }

  private txConfig(options: QueryOptions) {
    return {
      timeout: options.timeoutMs ?? this.queryTimeoutMs,
      metadata: { app: 'papergraph', ...(options.operation ? { operation: options.operation } : {}) },
    };
  }

  private emit(event: Parameters<QueryListener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}
