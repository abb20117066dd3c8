// The lineage explorer (`/explore`): our page, script and styles plus Cytoscape.js, dagre and
// cytoscape-dagre UMD bundles from npm (pinned in package.json), served from this server only.
// The page reads only the public /graphql.
import { CSS, HTML, JS, PAGE_CSP, StaticAssets, type AssetSpec } from './static-assets';

export const EXPLORER_ASSETS: AssetSpec = {
  'cytoscape.min.js': { module: 'cytoscape/dist/cytoscape.min.js', contentType: JS },
  'dagre.min.js': { module: 'dagre/dist/dagre.min.js', contentType: JS },
  'cytoscape-dagre.js': { module: 'cytoscape-dagre/cytoscape-dagre.js', contentType: JS },
  'explore.js': { local: 'explore.js', contentType: JS },
  'explore.css': { local: 'explore.css', contentType: CSS },
  'explore.html': { local: 'explore.html', contentType: HTML },
};

/** Same policy as GraphiQL: scripts, styles and requests from this origin only. */
export const EXPLORER_CSP = PAGE_CSP;

export class ExplorerAssets extends StaticAssets {
  constructor() {
    super(EXPLORER_ASSETS);
  }
}
