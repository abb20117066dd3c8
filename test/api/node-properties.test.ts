// Which node properties a connection's or a lineage's selection needs (src/graphql/common/node-properties.ts).
import {
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
} from 'graphql';
import { connectionNodeProperties, lineageNodeProperties } from '../../src/graphql/common/node-properties';

/** The document's first root field and its fragments. */
function parseField(document: string): {
  field: FieldNode;
  fragments: Record<string, FragmentDefinitionNode>;
} {
  const doc = parse(document);
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  return { field: operation?.selectionSet.selections[0] as FieldNode, fragments };
}

function propsOf(typeName: string, document: string): string[] | null {
  const { field, fragments } = parseField(document);
  return connectionNodeProperties({ fragments }, { name: typeName } as GraphQLObjectType, [field]);
}

describe('connectionNodeProperties', () => {
  it.each([
    ['Method', '{ methods { edges { node { id name } } } }', ['id', 'name']],
    ['Method', '{ methods { nodes { name aliases papers { totalCount } } } }', ['id', 'name', 'aliases']],
    [
      'Paper',
      '{ papers { edges { role node { title year links } } } }',
      ['id', 'title', 'year', 'links', 'linkKinds'],
    ],
    [
      'Paper',
      '{ papers { edges { node { ...P } } } } fragment P on Paper { paperId abstract }',
      ['id', 'abstract'],
    ],
    ['Repo', '{ repos { nodes { name __typename } } }', ['id', 'name', 'url']],
    ['Dataset', '{ datasets { totalCount } }', ['id']],
  ])('%s %s -> %j', (type, document, expected) => {
    expect(propsOf(type, document)).toEqual(expected);
  });

  it.each([
    [
      'a field outside the table (lineage echoes its method)',
      'Method',
      '{ methods { nodes { id lineage { nodes { id } } } } }',
    ],
    ['an unknown node type', 'Evidence', '{ things { nodes { id } } }'],
    [
      'a field of another type in a fragment',
      'Method',
      '{ methods { nodes { ... on Paper { somethingNew } } } }',
    ],
  ])('%s: all properties (null)', (_name, type, document) => {
    expect(propsOf(type, document)).toBeNull();
  });
});

describe('lineageNodeProperties', () => {
  const lineageProps = (document: string): string[] | null => {
    const { field, fragments } = parseField(document);
    return lineageNodeProperties({ fragments }, [field]);
  };

  it.each([
    ['{ lineage { edges { from { id name } to { id name } relation } } }', ['id', 'name']],
    ['{ lineage { nodes { aliases } edges { to { fullName } depth } } }', ['id', 'aliases', 'fullName']],
    [
      '{ lineage { edges { from { ...M } } } } fragment M on Method { url collections }',
      ['id', 'url', 'collections'],
    ],
    ['{ lineage { truncated edges { depth evidence { sentence } } } }', ['id']],
  ])('%s -> %j', (document, expected) => {
    expect(lineageProps(document)).toEqual(expected);
  });

  it('reads every property when a lineage method selects a field outside the table', () => {
    expect(lineageProps('{ lineage { edges { from { id lineage { truncated } } } } }')).toBeNull();
  });
});
