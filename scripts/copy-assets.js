// Build step after tsc: copies the static assets the compiled server serves into dist/public:
// GraphiQL 3.8.3 and React 18 UMD bundles from node_modules (no CDN at runtime) and our GraphiQL
// page (src/server/public); Cytoscape.js + dagre for the lineage explorer and its page. Fails the build when one is missing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const target = path.join(root, 'dist', 'public');
const ASSETS = [
  ['node_modules/graphiql/graphiql.min.js', 'graphiql.min.js'],
  ['node_modules/graphiql/graphiql.min.css', 'graphiql.min.css'],
  ['node_modules/react/umd/react.production.min.js', 'react.production.min.js'],
  ['node_modules/react-dom/umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['src/server/public/graphiql.html', 'graphiql.html'],
  ['src/server/public/graphiql-init.js', 'graphiql-init.js'],
  // the lineage explorer (/explore): Cytoscape.js, dagre and cytoscape-dagre UMD bundles, our page
  ['node_modules/cytoscape/dist/cytoscape.min.js', 'cytoscape.min.js'],
  ['node_modules/dagre/dist/dagre.min.js', 'dagre.min.js'],
  ['node_modules/cytoscape-dagre/cytoscape-dagre.js', 'cytoscape-dagre.js'],
  ['src/server/public/explore.html', 'explore.html'],
  ['src/server/public/explore.js', 'explore.js'],
  ['src/server/public/explore.css', 'explore.css'],
];

fs.mkdirSync(target, { recursive: true });
for (const [from, to] of ASSETS) {
  const source = path.join(root, from);
  if (!fs.existsSync(source)) {
    process.stderr.write(`copy-assets: ${from} is missing (run \`npm ci\`)\n`);
    process.exitCode = 1;
    continue;
  }
  fs.copyFileSync(source, path.join(target, to));
}
