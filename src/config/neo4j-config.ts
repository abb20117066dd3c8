// Neo4j connection settings from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
// NEO4J_DATABASE), validated once with a message that says how to fix a bad value.
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

export interface Neo4jConfig {
  uri: string;
  /** Absent when auth is disabled (the local server's default on loopback). */
  user?: string;
  password?: string;
  database?: string;
}

export const DEFAULT_NEO4J_PORT = 7687;
export const DEFAULT_NEO4J_URI = `bolt://127.0.0.1:${DEFAULT_NEO4J_PORT}`;
const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const uri = (env.NEO4J_URI ?? '').trim() || DEFAULT_NEO4J_URI;
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `NEO4J_URI="${uri}" is not a URI. Use e.g. bolt://127.0.0.1:7687 (single server) or neo4j://host:7687 (cluster).`,
    );
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (!SCHEMES.includes(scheme)) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `NEO4J_URI="${uri}" has scheme "${scheme}"; expected one of ${SCHEMES.join(', ')}.`,
    );
  }
  const user = env.NEO4J_USER?.trim() || undefined;
  const password = env.NEO4J_PASSWORD ?? undefined;
  if (password !== undefined && password !== '' && !user) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      'NEO4J_PASSWORD is set but NEO4J_USER is not: set both (or neither, for a server with auth disabled).',
    );
  }
  if (user && (password === undefined || password === '')) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `NEO4J_USER="${user}" is set but NEO4J_PASSWORD is empty: set the password too.`,
    );
  }
  const database = env.NEO4J_DATABASE?.trim() || undefined;
  if (database !== undefined && !/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    throw new AppError(
      ErrorCode.CONFIGURATION,
      `NEO4J_DATABASE="${database}" is not a valid Neo4j database name (3-63 characters: letters, digits, dots, dashes; starting with a letter).`,
    );
  }
  return { uri, user, password: user ? password : undefined, database };
}
