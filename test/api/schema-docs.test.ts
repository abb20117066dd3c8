// Every type, field, argument and enum value of the schema has a description, and every example tab
// preloaded in GraphiQL (src/server/public/graphiql-init.js) is valid against the schema.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, validate } from 'graphql';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';

describe('Schema: documentation', () => {
  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildPapergraphSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('GraphiQL: preloaded examples', () => {
  it('are five tabs (lineage, dataset usage, leaderboard, path, search) that validate against the schema', async () => {
    const schema = await buildPapergraphSchema();
    let props:
      { defaultTabs: { query: string; variables: string }[]; isHeadersEditorEnabled: boolean } | undefined;
    const sandbox = {
      document: { getElementById: () => ({ getAttribute: () => '/graphql' }) },
      GraphiQL: { createFetcher: () => () => undefined },
      React: { createElement: (_c: unknown, p: typeof props) => p },
      ReactDOM: { createRoot: () => ({ render: (p: typeof props) => (props = p) }) },
    };
    const file = path.join(__dirname, '..', '..', 'src', 'server', 'public', 'graphiql-init.js');
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
    expect(props?.isHeadersEditorEnabled).toBe(true);
    const tabs = props?.defaultTabs ?? [];
    expect(tabs.map((t) => /query (\w+)/.exec(t.query)?.[1])).toEqual([
      'Lineage',
      'DatasetUsage',
      'Leaderboard',
      'Path',
      'Search',
    ]);
    for (const tab of tabs) {
      expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
      expect(() => JSON.parse(tab.variables)).not.toThrow();
    }
  });
});
