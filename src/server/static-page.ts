// One of our browser pages (GraphiQL, the lineage explorer) with its files: the page at `route`, its
// assets at `route/assets/<name>`, every file read through StaticAssets (dist/public, else sources and
// node_modules) and only the files listed in its spec. The page is sent with the strict CSP (scripts,
// styles and requests from this origin only) and `no-cache`; assets are cacheable for an hour.
import { PAGE_CSP, StaticAssets, type AssetSpec } from './static-assets';

export interface PageSpec {
  /** Name in messages ("GraphiQL"). */
  title: string;
  /** Where the page is served, e.g. `/graphiql`; its assets are under `<route>/assets/`. */
  route: string;
  /** The asset (a key of `assets`) that is the page itself. */
  html: string;
  assets: AssetSpec;
  /** Content-Security-Policy of the page (default PAGE_CSP). */
  csp?: string;
}

/** What to send: a file with its headers, or why it cannot be sent (the assets were not built). */
export type PageReply =
  { status: 200; headers: Record<string, string>; body: Buffer } | { status: 500; missing: string };

export class StaticPage {
  private readonly files: StaticAssets;
  private readonly assetPrefix: string;

  constructor(readonly spec: PageSpec) {
    if (!Object.prototype.hasOwnProperty.call(spec.assets, spec.html))
      throw new Error(`${spec.title}: the page ${spec.html} is not one of its assets`);
    this.files = new StaticAssets(spec.assets);
    this.assetPrefix = `${spec.route}/assets/`;
  }

  /** The page itself (also what /graphql answers a browser with, for GraphiQL). */
  page(): PageReply {
    const page = this.files.get(this.spec.html);
    if (!page)
      return { status: 500, missing: `${this.spec.title} assets are missing: run \`npm run build\`.` };
    return {
      status: 200,
      headers: {
        'content-type': page.contentType,
        'content-security-policy': this.spec.csp ?? PAGE_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
      body: page.body,
    };
  }

  /** The reply for a GET of `route` (trailing slashes removed): the page, one of its assets, or null (not ours). */
  reply(route: string): PageReply | null {
    if (route === this.spec.route) return this.page();
    if (!route.startsWith(this.assetPrefix)) return null;
    const asset = this.files.get(route.slice(this.assetPrefix.length));
    if (!asset) return null;
    return {
      status: 200,
      headers: {
        'content-type': asset.contentType,
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=3600',
      },
      body: asset.body,
    };
  }
}
