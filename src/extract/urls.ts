// Finds URLs in paper text and classifies them: source-code repositories (normalized to
// `https://host/owner/name` on github.com, gitlab.com, bitbucket.org, codeberg.org) and other links
// (Hugging Face model/dataset/space pages, project pages, other). Pure.
import type { LinkKind } from './extraction.types';

const REPO_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org']);
// A URL candidate: scheme or www./known host, up to whitespace or an obvious delimiter.
export const URL_IN_TEXT =
  /\b(?:https?:\/\/|www\.|(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co)\/)[^\s<>"'`]+/gi;
// Markup junk that glues the next token to a URL in extracted PDF/HTML text.
const JUNK_CUT = /[{}[\]|<>^`"']|\\(?![_*~])|&(?:amp|lt|gt|quot);/;
const TRAILING = /[.,;:!?)\]}>*'"]+$/;
const SEGMENT = /^[A-Za-z0-9_.-]+$/;
const GITHUB_RESERVED = new Set([
  'orgs',
  'topics',
  'features',
  'sponsors',
  'marketplace',
  'about',
  'pricing',
  'login',
  'settings',
  'search',
  'explore',
  'collections',
  'trending',
  'apps',
  'site',
]);

export interface FoundUrl {
  /** The URL as cleaned (no markup junk, no trailing punctuation). */
  url: string;
  /** Offsets of the raw mention (after junk removal) in the scanned text. */
  start: number;
  end: number;
}

/** Cuts markup junk and trailing punctuation from a raw URL match and unescapes markdown (`\\_`). */
export function cleanUrl(raw: string): string {
  return rawUrlSpan(raw).replace(/\\(?=[_*~])/g, '');
}

/** The prefix of a raw URL match that is the URL (junk and trailing punctuation cut), still escaped. */
function rawUrlSpan(raw: string): string {
  let u = raw;
  const cut = JUNK_CUT.exec(u);
  if (cut && cut.index > 0) u = u.slice(0, cut.index);
  // Unbalanced closing parenthesis belongs to the sentence, not the URL.
  for (;;) {
    const before = u;
    u = u.replace(TRAILING, '');
    if (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
    if (u === before) break;
  }
  return u;
}

export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m; m = URL_IN_TEXT.exec(text)) {
    const span = rawUrlSpan(m[0]);
    if (span.length < 8) continue;
    out.push({ url: span.replace(/\\(?=[_*~])/g, ''), start: m.index, end: m.index + span.length });
  }
  return out;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return undefined;
  }
}

/**
 * `https://host/owner/name` for a code-hosting URL (www. dropped, `.git`, trailing punctuation,
 * fragments, query and deeper paths removed; the name's case kept), else undefined.
 */
export function normalizeRepoUrl(raw: string): string | undefined {
  const u = parse(cleanUrl(raw));
  if (!u) return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if (!REPO_HOSTS.has(host)) return undefined;
  const parts = u.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts.length < 2) return undefined;
  const owner = parts[0].replace(/\\/g, '');
  const name = parts[1]
    .replace(/\\/g, '')
    .replace(/\.git$/i, '')
    .replace(/[.]+$/, '');
  if (!SEGMENT.test(owner) || !SEGMENT.test(name) || name === '' || owner === '') return undefined;
  if (host === 'github.com' && GITHUB_RESERVED.has(owner.toLowerCase())) return undefined;
  return `https://${host}/${owner}/${name}`;
}

/** The kind of a non-repository link (Hugging Face pages by path; github.io and similar as project pages). */
export function linkKind(raw: string): { url: string; kind: LinkKind } | undefined {
  const cleaned = cleanUrl(raw);
  const u = parse(cleaned);
  if (!u || !u.hostname.includes('.')) return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const url = /^https?:\/\//i.test(cleaned) ? cleaned : `https://${cleaned}`;
  if (host === 'huggingface.co' || host === 'hf.co') {
    const p = u.pathname.split('/').filter(Boolean);
    if (p[0] === 'datasets' && p.length >= 2) return { url, kind: 'hf-dataset' };
    if (p[0] === 'spaces' && p.length >= 2) return { url, kind: 'hf-space' };
    if (
      p.length >= 2 &&
      !['docs', 'papers', 'blog', 'learn', 'tasks', 'models', 'collections'].includes(p[0])
    ) {
      return { url, kind: 'hf-model' };
    }
    return { url, kind: 'other' };
  }
  if (
    /\.github\.io$|\.gitlab\.io$|\.pages\.dev$|\.netlify\.app$|\.vercel\.app$/.test(host) ||
    /^(?:project|projects|sites)\./.test(host)
  ) {
    return { url, kind: 'project' };
  }
  return { url, kind: 'other' };
}
