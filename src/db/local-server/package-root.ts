// Finds the Papergraph package root (the folder with our package.json), from `src/...` when run by
// ts-jest and from `dist/src/...` when compiled, so default paths do not depend on the cwd.
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
        if (pkg.name === 'papergraph') return (cached = dir);
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = process.cwd());
    dir = parent;
  }
}
