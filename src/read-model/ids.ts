// Global ids of the public contract: `<type>:<key>` (`method:mlp-mixer`, `paper:2105.01601`,
// `repo:github.com/owner/name`). The id prefix selects the label from a closed map, never request text.
import type { NodeTypeName } from './models';

// Maps, not object literals: a prefix such as `constructor` or `toString` must not find a prototype member.
const PREFIX_TO_TYPE = new Map<string, NodeTypeName>([
  ['paper', 'Paper'],
  ['method', 'Method'],
  ['dataset', 'Dataset'],
  ['task', 'Task'],
  ['concept', 'Concept'],
  ['repo', 'Repo'],
]);

export interface ParsedId {
  type: NodeTypeName;
  /** The node's `id` property: the bare id for papers, the whole global id otherwise. */
  key: string;
}

/** Parses a global id; `null` when it has no known type prefix or an empty key. */
export function parseGlobalId(id: string): ParsedId | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const type = PREFIX_TO_TYPE.get(id.slice(0, colon));
  const rest = id.slice(colon + 1);
  if (!type || rest.length === 0) return null;
  return { type, key: type === 'Paper' ? rest : id };
}

/** The results layer's node types (`Query.node` only: they are not endpoints of `path` or neighbors). */
export type ResultLayerTypeName = 'Metric' | 'Result';

const RESULT_LAYER_PREFIXES = new Map<string, ResultLayerTypeName>([
  ['metric', 'Metric'],
  ['result', 'Result'],
]);

/**
 * The type of a `metric:<key>` or `result:<key>` global id (the node's `id` property is the whole id);
 * `null` for any other id or an empty key.
 */
export function resultLayerType(id: string): ResultLayerTypeName | null {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return null;
  return RESULT_LAYER_PREFIXES.get(id.slice(0, colon)) ?? null;
}

/** `paper(id)` accepts `paper:<id>` or the bare paper id. */
export function paperKeyFromId(id: string): string {
  return id.startsWith('paper:') ? id.slice('paper:'.length) : id;
}

export function paperGlobalId(key: string): string {
  return `paper:${key}`;
}

const REPO_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org']);

/**
 * The `:Repo` id for a repository URL: `repo:<host>/<owner>/<name>` lower-cased. Accepts
 * `https://github.com/o/n`, `github.com/o/n`, a trailing `.git` or `/`, or the id itself.
 * `null` when the URL is not a code host repository.
 */
export function repoKeyFromUrl(url: string): string | null {
  let text = url.trim();
  if (text.startsWith('repo:')) text = text.slice('repo:'.length);
  text = text.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '');
  const parts = text
    .split(/[?#]/)[0]
    .split('/')
    .filter((p) => p.length > 0);
  if (parts.length < 3) return null;
  const host = parts[0].toLowerCase();
  if (!REPO_HOSTS.has(host)) return null;
  const name = parts[2].replace(/\.git$/i, '');
  return `repo:${host}/${parts[1]}/${name}`.toLowerCase();
}
