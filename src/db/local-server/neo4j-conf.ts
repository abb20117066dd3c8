// The neo4j.conf and java command line of a local instance (Neo4j 5.26 setting names). Loopback only,
// auth disabled, usage reporting off (it phones home), modest memory so several instances fit.
import * as path from 'node:path';

export interface InstanceSettings {
  home: string;
  port: number;
  /** Page cache size, Neo4j syntax (`256m`, `1g`). */
  pagecache: string;
  /** Max heap, java syntax (`1g`, `512m`). */
  heap: string;
}

export function neo4jConf(settings: InstanceSettings): string {
  return [
    '# Written by `papergraph db start` on every start; edit the flags/env, not this file.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${settings.port}`,
    `server.bolt.advertised_address=127.0.0.1:${settings.port}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=false',
    'server.directories.data=data',
    'server.directories.logs=logs',
    'server.directories.plugins=plugins',
    'server.directories.import=import',
    'server.directories.run=run',
    `server.memory.pagecache.size=${settings.pagecache}`,
    'dbms.usage_report.enabled=false',
    'dbms.security.procedures.unrestricted=apoc.*',
    'db.tx_log.rotation.retention_policy=2 files',
    '',
  ].join('\n');
}

/** Arguments for `java` (what Neo4j's bin/neo4j launcher runs); heap flags go here, not in neo4j.conf. */
export function javaArgs(settings: InstanceSettings, lib: string): string[] {
  const classpath = [path.join(settings.home, 'plugins', '*'), path.join(lib, '*')].join(path.delimiter);
  return [
    `-Xms${minHeap(settings.heap)}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    classpath,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${settings.home}`,
    `--config-dir=${path.join(settings.home, 'conf')}`,
    '--console-mode',
  ];
}

/** Initial heap: 256m, or the max when that is smaller. */
function minHeap(max: string): string {
  return sizeInMb(max) < 256 ? max : '256m';
}

export function sizeInMb(size: string): number {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  const unit = match[2].toLowerCase();
  return unit === 'g' ? n * 1024 : unit === 'k' ? n / 1024 : unit === 'm' ? n : n / (1024 * 1024);
}
