// The lint rule that keeps data flowing one way (eslint.config.mjs, `layer(...)`): a module in a lower
// layer that imports from a layer above it fails `npm run lint`. Runs the project's own ESLint config
// on probe sources placed (virtually, through --stdin-filename) in each layer.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

function lint(filePath: string, source: string): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const probe = (from: string): string => `import { probe } from '${from}';\nexport const used = probe;\n`;

describe('layering lint rule', () => {
  jest.setTimeout(60_000);

  it.each([
    ['loaders/probe.ts', '../src/graphql/common/context'],
    ['src/db/probe.ts', '../graphql/common/context'],
    ['src/db/probe.ts', '../../loaders/node.loader'],
    ['src/db/probe.ts', '../read-model/models'],
    ['src/read-model/probe.ts', '../../loaders/node.loader'],
    ['src/read-model/probe.ts', '../graphql/common/selection'],
    ['src/ingest/probe.ts', '../graphql/common/ingest-port'],
  ])('%s may not import %s', (file, from) => {
    const result = lint(file, probe(from));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('layering:');
  });

  it.each([
    ['loaders/probe.ts', '../src/read-model/models'],
    ['loaders/probe.ts', '../src/db/executor'],
    ['src/read-model/probe.ts', '../db/values'],
    ['src/graphql/common/probe.ts', '../../../loaders/node.loader'],
  ])('%s may import %s (a layer below it)', (file, from) => {
    const result = lint(file, probe(from));
    expect(result.output).not.toContain('layering:');
    expect(result.ok).toBe(true);
  });
});
