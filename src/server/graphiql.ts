// Self-hosted GraphiQL: the page and its assets, read from dist/public (copied there at build time by
// scripts/copy-assets.js) or, when running from sources (tests), from src/server/public and the npm
// packages. Only the files listed here are served; nothing is fetched from another host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../db/local-server/package-root';

export interface StaticAsset {
  body: Buffer;
  contentType: string;
}

/** Public asset name -> where it comes from (package-relative path under node_modules, or our public folder). */
export const GRAPHIQL_ASSETS: Record<string, { module?: string; local?: string; contentType: string }> = {
  'graphiql.min.js': { module: 'graphiql/graphiql.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { module: 'graphiql/graphiql.min.css', contentType: 'text/css; charset=utf-8' },
  'react.production.min.js': {
    module: 'react/umd/react.production.min.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'react-dom.production.min.js': {
    module: 'react-dom/umd/react-dom.production.min.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'graphiql-init.js': { local: 'graphiql-init.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.html': { local: 'graphiql.html', contentType: 'text/html; charset=utf-8' },
};

/** Content-Security-Policy of the GraphiQL page: everything from this origin only. */
export const GRAPHIQL_CSP = [
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

function candidates(name: string): string[] {
  const spec = GRAPHIQL_ASSETS[name];
  const root = packageRoot();
  const found = [path.join(root, 'dist', 'public', name)];
  if (spec.local) found.push(path.join(root, 'src', 'server', 'public', spec.local));
  if (spec.module) found.push(path.join(root, 'node_modules', spec.module));
  return found;
}

export class GraphiqlAssets {
  private readonly cache = new Map<string, StaticAsset>();

  /** The asset, or null when `name` is not one of ours (or is missing on disk). */
  get(name: string): StaticAsset | null {
    if (!Object.prototype.hasOwnProperty.call(GRAPHIQL_ASSETS, name)) return null;
    const cached = this.cache.get(name);
    if (cached) return cached;
    for (const file of candidates(name)) {
      if (fs.existsSync(file)) {
        const asset = { body: fs.readFileSync(file), contentType: GRAPHIQL_ASSETS[name].contentType };
        this.cache.set(name, asset);
        return asset;
      }
    }
    return null;
  }
}
