import { AppError } from '../../src/errors/app-error';
import { ErrorCode } from '../../src/errors/error-code';
import { DEFAULT_NEO4J_URI, neo4jConfigFromEnv } from '../../src/config/neo4j-config';

describe('Config: neo4jConfigFromEnv', () => {
  it.each([
    [
      'defaults to the local server with auth disabled',
      {},
      { uri: DEFAULT_NEO4J_URI, user: undefined, password: undefined, database: undefined },
    ],
    [
      'accepts a cluster URI with credentials and a database',
      {
        NEO4J_URI: 'neo4j://db.example:7687',
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: 'secret',
        NEO4J_DATABASE: 'papers',
      },
      { uri: 'neo4j://db.example:7687', user: 'neo4j', password: 'secret', database: 'papers' },
    ],
    [
      'accepts bolt+s and trims blanks',
      { NEO4J_URI: ' bolt+s://h:7687 ', NEO4J_DATABASE: ' ' },
      { uri: 'bolt+s://h:7687', user: undefined, password: undefined, database: undefined },
    ],
    [
      'treats an empty NEO4J_URI as unset',
      { NEO4J_URI: '' },
      { uri: DEFAULT_NEO4J_URI, user: undefined, password: undefined, database: undefined },
    ],
  ])('%s', (_name, env, expected) => {
    expect(neo4jConfigFromEnv(env as NodeJS.ProcessEnv)).toEqual(expected);
  });

  it.each([
    ['a value that is not a URI', { NEO4J_URI: 'localhost' }, /scheme|not a URI/],
    ['an unsupported scheme', { NEO4J_URI: 'http://127.0.0.1:7474' }, /scheme "http"/],
    ['a password without a user', { NEO4J_PASSWORD: 'secret' }, /NEO4J_USER is not/],
    ['a user without a password', { NEO4J_USER: 'neo4j' }, /NEO4J_PASSWORD is empty/],
    ['an invalid database name', { NEO4J_DATABASE: 'no spaces' }, /not a valid Neo4j database name/],
  ])('rejects %s with a CONFIGURATION error that says what to fix', (_name, env, message) => {
    let caught: unknown;
    try {
      neo4jConfigFromEnv(env as NodeJS.ProcessEnv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(ErrorCode.CONFIGURATION);
    expect((caught as AppError).message).toMatch(message);
  });
});
