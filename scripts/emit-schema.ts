// Emits schema/schema.graphql: the SDL of the executable schema, sorted (lexicographicSortSchema),
// so diffs show real changes. `npm run schema:emit`; a unit test fails when the committed file drifts.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildPapergraphSchema } from '../src/graphql/common/schema';
import { packageRoot } from '../src/db/local-server/package-root';

export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function emitSchema(target = path.join(packageRoot(), SCHEMA_FILE)): Promise<string> {
  const sdl = printSortedSchema(await buildPapergraphSchema());
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, sdl);
  return target;
}

if (require.main === module) {
  emitSchema().then(
    (file) => process.stdout.write(`wrote ${file}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
