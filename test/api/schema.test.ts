// The committed schema/schema.graphql is what the code builds (drift fails), and the code has no
// breaking change against it (findBreakingChanges: a removed field or type, a changed argument...).
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { printSortedSchema, SCHEMA_FILE } from '../../scripts/emit-schema';

const committedFile = path.join(__dirname, '..', '..', SCHEMA_FILE);

describe('Schema: schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing types)', async () => {
    const built = printSortedSchema(await buildPapergraphSchema());
    expect(fs.readFileSync(committedFile, 'utf8')).toBe(built);
  });

  it('has no breaking changes against the committed file', async () => {
    const committed = buildSchema(fs.readFileSync(committedFile, 'utf8'));
    const current = await buildPapergraphSchema();
    expect(findBreakingChanges(committed, current)).toEqual([]);
    expect(findDangerousChanges(committed, current)).toEqual([]);
  });

  it('keeps the contract names', async () => {
    const schema = await buildPapergraphSchema();
    const query = schema.getQueryType()?.getFields() ?? {};
    for (const name of [
      'method',
      'dataset',
      'task',
      'concept',
      'paper',
      'repo',
      'papers',
      'methods',
      'datasets',
      'tasks',
      'search',
      'path',
      'node',
      'stats',
      'trending',
    ]) {
      expect(Object.keys(query)).toContain(name);
    }
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual([
      'addAlias',
      'assertLineage',
      'ingestPapers',
      'mergeEntities',
      'removeAlias',
      'retractRelationship',
    ]);
    expect(printSortedSchema(schema)).toContain('lineage(\n');
  });
});
