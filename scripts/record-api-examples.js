// Re-records the responses of docs/API.md's "Worked examples" against a running server: every example
// there is a ```graphql block (with an optional "Variables:" ```json block) or a ```sh curl block (a JSON
// body after `<<'EOF'`, its -H headers), followed by "Response:" and a ```json block; each request is sent
// in document order (the ingest examples depend on it) and its answer replaces that ```json block.
//   node scripts/record-api-examples.js [URL] [FILE]   (default http://127.0.0.1:4000/graphql docs/API.md)
// The server should hold the default sample graph (`papergraph start`) and accept the key `devkey`
// (`PAPERGRAPH_API_KEYS=devkey`) for the ingest examples. Only the Worked examples section is touched.
/* global fetch */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
const file = process.argv[3] ?? path.join(__dirname, '..', 'docs', 'API.md');
const SECTION = '## Worked examples';

/** The request an example's code block makes: { body, headers }. */
function requestOf(lang, code, variablesJson) {
  if (lang === 'graphql') {
    return {
      body: { query: code, ...(variablesJson ? { variables: JSON.parse(variablesJson) } : {}) },
      headers: {},
    };
  }
  const heredoc = /<<'EOF'\n([\s\S]*?)\nEOF/.exec(code);
  if (!heredoc) throw new Error(`a sh example without a <<'EOF' JSON body:\n${code}`);
  const headers = {};
  for (const m of code.matchAll(/-H '([^:']+):\s*([^']*)'/g)) headers[m[1].toLowerCase()] = m[2];
  return { body: JSON.parse(heredoc[1]), headers };
}

async function send({ body, headers }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return JSON.stringify(await response.json(), null, 2);
}

async function main() {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`${file}: no "${SECTION}" section`);
  const next = text.indexOf('\n## ', start + SECTION.length + 2);
  const end = next < 0 ? text.length : next;
  const section = text.slice(start, end);
  // a request block, an optional Variables block, then the Response block
  const example =
    /```(graphql|sh)\n([\s\S]*?)\n```\n\n(?:Variables:\n\n```json\n([\s\S]*?)\n```\n\n)?Response:\n\n```json\n[\s\S]*?\n```/g;
  let out = '';
  let last = 0;
  let count = 0;
  for (const m of section.matchAll(example)) {
    const [whole, lang, code, variables] = m;
    const response = await send(requestOf(lang, code, variables));
    const responseAt = whole.lastIndexOf('```json\n');
    out += section.slice(last, m.index) + whole.slice(0, responseAt) + '```json\n' + response + '\n```';
    last = m.index + whole.length;
    count += 1;
  }
  out += section.slice(last);
  fs.writeFileSync(file, text.slice(0, start) + out + text.slice(end));
  process.stderr.write(`record-api-examples: ${count} responses from ${url} written to ${file}\n`);
}

main().catch((error) => {
  process.stderr.write(`record-api-examples: ${error.message}\n`);
  process.exitCode = 1;
});
