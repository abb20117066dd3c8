// The lineage explorer (`/explore`): our page, script and styles plus Cytoscape.js, dagre and
// cytoscape-dagre UMD bundles from npm (pinned in package.json), served from this server only
// (src/server/static-page.ts). The page reads only the public /graphql.
import { CSS, HTML, JS } from './static-assets';
import type { PageSpec } from './static-page';

export const EXPLORER_PAGE: PageSpec = {
  title: 'Explorer',
  route: '/explore',
  html: 'explore.html',
  assets: {
    'cytoscape.min.js': { module: 'cytoscape/dist/cytoscape.min.js', contentType: JS },
    'dagre.min.js': { module: 'dagre/dist/dagre.min.js', contentType: JS },
    'cytoscape-dagre.js': { module: 'cytoscape-dagre/cytoscape-dagre.js', contentType: JS },
    'explore.js': { local: 'explore.js', contentType: JS },
    'explore.css': { local: 'explore.css', contentType: CSS },
    'explore.html': { local: 'explore.html', contentType: HTML },
  },
};
