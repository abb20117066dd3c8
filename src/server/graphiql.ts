// Self-hosted GraphiQL (`/graphiql`): GraphiQL 3 and React 18 UMD bundles from npm, our page and its
// init script, served from this server only (src/server/static-page.ts).
import { CSS, HTML, JS } from './static-assets';
import type { PageSpec } from './static-page';

export const GRAPHIQL_PAGE: PageSpec = {
  title: 'GraphiQL',
  route: '/graphiql',
  html: 'graphiql.html',
  // public asset name -> where it comes from (package-relative path under node_modules, or our public folder)
  assets: {
    'graphiql.min.js': { module: 'graphiql/graphiql.min.js', contentType: JS },
    'graphiql.min.css': { module: 'graphiql/graphiql.min.css', contentType: CSS },
    'react.production.min.js': { module: 'react/umd/react.production.min.js', contentType: JS },
    'react-dom.production.min.js': { module: 'react-dom/umd/react-dom.production.min.js', contentType: JS },
    'graphiql-init.js': { local: 'graphiql-init.js', contentType: JS },
    'graphiql.html': { local: 'graphiql.html', contentType: HTML },
  },
};
