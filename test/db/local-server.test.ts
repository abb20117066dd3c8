// The local server's pure parts: java version checks, neo4j.conf, java command line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { javaArgs, neo4jConf, sizeInMb } from '../../src/db/local-server/neo4j-conf';
import { checkJava, parseJavaMajor } from '../../src/db/local-server/toolchain';
import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';

/** A JAVA_HOME whose bin/java prints the given `-version` banner (a real executable, run by checkJava). */
function fakeJavaHome(banner: string): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-java-'));
  fs.mkdirSync(path.join(home, 'bin'));
  fs.writeFileSync(path.join(home, 'bin', 'java'), `#!/bin/sh\necho '${banner}' >&2\n`, { mode: 0o755 });
  return home;
}

describe('LocalServer: Java checks', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ['no version here', undefined],
  ])('parses %s as %s', (banner, major) => {
    expect(parseJavaMajor(banner)).toBe(major);
  });

  it('accepts Java 17 from JAVA_HOME', () => {
    const home = fakeJavaHome('openjdk version "17.0.1" 2021-10-19');
    expect(checkJava({ JAVA_HOME: home })).toEqual({ java: path.join(home, 'bin', 'java'), major: 17 });
  });

  it('refuses Java 11 with a message on how to install Java 17 or use Docker / NEO4J_URI', () => {
    const home = fakeJavaHome('openjdk version "11.0.2" 2019-01-15');
    let caught: unknown;
    try {
      checkJava({ JAVA_HOME: home });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(ErrorCode.CONFIGURATION);
    expect((caught as AppError).message).toMatch(/needs Java 17\+/);
    expect((caught as AppError).message).toMatch(/apt-get install openjdk-17-jre-headless maven/);
    expect((caught as AppError).message).toMatch(/docker compose up.*NEO4J_URI/);
  });
});

describe('LocalServer: neo4j.conf and command line', () => {
  const settings = { home: '/srv/pg', port: 7701, pagecache: '128m', heap: '768m' };
  const conf = neo4jConf(settings);

  it.each([
    'server.default_listen_address=127.0.0.1',
    'server.bolt.listen_address=127.0.0.1:7701',
    'dbms.usage_report.enabled=false',
    'dbms.security.auth_enabled=false',
    'server.http.enabled=false',
    'server.memory.pagecache.size=128m',
  ])('neo4j.conf has %s', (line) => {
    expect(conf.split('\n')).toContain(line);
  });

  it('binds nothing but loopback', () => {
    const addresses = conf.split('\n').filter((l) => /address=/.test(l));
    expect(addresses.length).toBeGreaterThan(0);
    for (const line of addresses) expect(line).toMatch(/=127\.0\.0\.1(:\d+)?$/);
  });

  it('puts the heap on the java command line and points Neo4j at the home and its conf', () => {
    const args = javaArgs(settings, '/dist/lib');
    expect(args).toEqual(
      expect.arrayContaining([
        '-Xmx768m',
        '-Xms256m',
        'org.neo4j.server.CommunityEntryPoint',
        '--home-dir=/srv/pg',
        '--config-dir=/srv/pg/conf',
      ]),
    );
    expect(args[args.indexOf('-cp') + 1]).toBe('/srv/pg/plugins/*:/dist/lib/*');
  });

  it.each([
    ['256m', 256],
    ['1g', 1024],
    ['2G', 2048],
    ['512k', 0.5],
    ['lots', NaN],
  ])('reads size %s as %s MB', (size, mb) => {
    expect(sizeInMb(size)).toBe(mb);
  });
});
