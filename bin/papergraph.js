#!/usr/bin/env node
// The `papergraph` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'papergraph: not built yet - run `npm run build` (or `npm ci`) in ' + path.join(__dirname, '..') + '\n',
  );
  process.exit(1);
}
require(entry).main(process.argv.slice(2));
