// The neo4j-driver settings every benchmarked client uses: the peer's driver and the raw-Cypher
// baseline's driver are built with exactly what src/db/executor.ts gives Papergraph's driver (with
// its default ExecutorOptions), so the only difference between the three is the layer above the driver.
// Keep in sync with the Executor constructor.
export const BENCH_DRIVER_CONFIG = {
  disableLosslessIntegers: true,
  maxTransactionRetryTime: 5_000,
  connectionAcquisitionTimeout: 5_000,
  connectionTimeout: 5_000,
  maxConnectionPoolSize: 100,
} as const;
