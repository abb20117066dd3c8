// Build step after tsc: copies every file our browser pages serve into dist/public, from the pages'
// own specs (dist/src/server/pages.js: GraphiQL 3.8.3 + React 18 UMD bundles, Cytoscape.js + dagre for
// the lineage explorer, from node_modules, and our pages from src/server/public), so the compiled
// server needs no CDN and no source tree. Fails the build when a file is missing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const target = path.join(root, 'dist', 'public');
const { PAGES } = require(path.join(root, 'dist', 'src', 'server', 'pages.js'));

fs.mkdirSync(target, { recursive: true });
for (const page of PAGES) {
  for (const [name, source] of Object.entries(page.assets)) {
    const from = source.local
      ? path.join('src', 'server', 'public', source.local)
      : path.join('node_modules', source.module);
    if (!fs.existsSync(path.join(root, from))) {
      process.stderr.write(`copy-assets: ${from} (${page.title}) is missing (run \`npm ci\`)\n`);
      process.exitCode = 1;
      continue;
    }
    fs.copyFileSync(path.join(root, from), path.join(target, name));
  }
}
