// Self-hosted GraphiQL: the page and its assets (GraphiQL 3 and React 18 UMD bundles from npm, our
// page and its init script), served from this server only.
import { CSS, HTML, JS, PAGE_CSP, StaticAssets, type AssetSpec } from './static-assets';

export type { StaticAsset } from './static-assets';

/** Public asset name -> where it comes from (package-relative path under node_modules, or our public folder). */
export const GRAPHIQL_ASSETS: AssetSpec = {
  'graphiql.min.js': { module: 'graphiql/graphiql.min.js', contentType: JS },
  'graphiql.min.css': { module: 'graphiql/graphiql.min.css', contentType: CSS },
  'react.production.min.js': { module: 'react/umd/react.production.min.js', contentType: JS },
  'react-dom.production.min.js': { module: 'react-dom/umd/react-dom.production.min.js', contentType: JS },
  'graphiql-init.js': { local: 'graphiql-init.js', contentType: JS },
  'graphiql.html': { local: 'graphiql.html', contentType: HTML },
};

/** Content-Security-Policy of the GraphiQL page: everything from this origin only. */
export const GRAPHIQL_CSP = PAGE_CSP;

export class GraphiqlAssets extends StaticAssets {
  constructor() {
    super(GRAPHIQL_ASSETS);
  }
}
