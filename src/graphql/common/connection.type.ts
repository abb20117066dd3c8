// Factory for `<Name>Connection` / `<Name>Edge` types. Edges of nested (relationship) connections
// carry the relationship: role, relation, confidence, source, evidence; top-level lists leave them null.
import { Field, Float, Int, ObjectType, type ClassType } from 'type-graphql';
import { Evidence } from './evidence.type';
import { PageInfo } from './page-info.type';
import { Role, Source } from './enums.enum';

export function createConnectionType(
  name: string,
  nodeType: () => ClassType,
  nodeDescription: string,
): ClassType {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `An edge to a ${nodeDescription} in a connection, with the relationship it stands for (on nested lists).`,
  })
  class Edge {
    @Field(() => String, {
      description: 'Opaque cursor of this edge; pass it as `after` to continue after it.',
    })
    cursor!: string;

    @Field(() => nodeType(), { description: `The ${nodeDescription}.` })
    node!: unknown;

    @Field(() => Role, {
      nullable: true,
      description: 'INTRODUCED or USED for paper-method and paper-dataset edges; null elsewhere.',
    })
    role!: Role | null;

    @Field(() => String, {
      nullable: true,
      description:
        'For `BUILDS_ON` edges (parents/children): the lineage relation of the most confident relationship.',
    })
    relation!: string | null;

    @Field(() => Float, {
      nullable: true,
      description: 'Highest confidence among the relationships behind this edge, in [0, 1].',
    })
    confidence!: number | null;

    @Field(() => Source, {
      nullable: true,
      description: 'Source of the most confident relationship behind this edge.',
    })
    source!: Source | null;

    @Field(() => [Source], { description: 'All sources of the relationships behind this edge.' })
    sources!: Source[];

    @Field(() => Int, {
      nullable: true,
      description:
        'For derived edges (e.g. `Method.datasets`, `Dataset.methods`): the number of papers linking the two.',
    })
    paperCount!: number | null;

    @Field(() => [Evidence], {
      description: 'Evidence of the relationships behind this edge (empty on top-level lists).',
    })
    evidence!: Evidence[];
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${nodeDescription} items (Relay connection).`,
  })
  class Connection {
    @Field(() => [Edge], { description: 'The edges of this page.' })
    edges!: Edge[];

    @Field(() => [nodeType()], {
      description: `The ${nodeDescription} items of this page (same order as \`edges\`).`,
    })
    nodes!: unknown[];

    @Field(() => PageInfo, { description: 'Pagination state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list (all pages).' })
    totalCount!: number;
  }
  return Connection;
}
