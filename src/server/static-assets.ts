// Static pages and their assets, read from dist/public (copied there at build time by
// scripts/copy-assets.js) or, when running from sources (tests), from src/server/public and the npm
// packages. Only the files listed in a spec are served; nothing is fetched from another host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../db/local-server/package-root';

export interface StaticAsset {
  body: Buffer;
  contentType: string;
}

/** Where one public asset comes from: a package-relative path under node_modules, or our public folder. */
export interface AssetSource {
  module?: string;
  local?: string;
  contentType: string;
}

export type AssetSpec = Record<string, AssetSource>;

export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';

/** Content-Security-Policy of our pages: everything from this origin only. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function candidates(spec: AssetSource, name: string): string[] {
  const root = packageRoot();
  const found = [path.join(root, 'dist', 'public', name)];
  if (spec.local) found.push(path.join(root, 'src', 'server', 'public', spec.local));
  if (spec.module) found.push(path.join(root, 'node_modules', spec.module));
  return found;
}

export class StaticAssets {
  private readonly cache = new Map<string, StaticAsset>();

  constructor(private readonly spec: AssetSpec) {}

  /** The asset, or null when `name` is not one of ours (or is missing on disk). */
  get(name: string): StaticAsset | null {
    if (!Object.prototype.hasOwnProperty.call(this.spec, name)) return null;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const source = this.spec[name];
    for (const file of candidates(source, name)) {
      if (fs.existsSync(file)) {
        const asset = { body: fs.readFileSync(file), contentType: source.contentType };
        this.cache.set(name, asset);
        return asset;
      }
    }
    return null;
  }
}
