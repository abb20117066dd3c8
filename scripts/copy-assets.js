// Build step after tsc: copies static assets that the compiled code serves or reads into dist/.
// (GraphiQL's bundle is added by the API work; this keeps `npm run build` working meanwhile.)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
