// The curation mutations and Query.auditLog (CONTRACT.md "Curation"). Mutations need a curator key
// (PAPERGRAPH_CURATOR_KEYS): anyone else gets UNAUTHENTICATED before anything is read or written.
// The work is src/curation/curation.service.ts, shared with `papergraph curate`.
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Curator } from '../../curation/curation.service';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { encodeCursor, pageRequest } from '../common/connection';
import type { GraphQLContext } from '../common/context';
import { Entity } from '../common/entity.interface';
import { evidenceOf } from '../../read-model/graph-mappers';
import type { EntityModel, MetricModel, NodeModel } from '../../read-model/models';
import { Source } from '../common/enums.enum';
import { LineageEdge } from '../lineage/lineage.type';
import { AuditEntryConnection } from './audit-entry.type';

function requireCurator(ctx: GraphQLContext, operation: string): Curator {
  if (!ctx.curator)
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      `${operation} needs a curator key: send \`Authorization: Bearer <key>\` with a key from PAPERGRAPH_CURATOR_KEYS (ingest keys cannot curate).`,
    );
  return { actor: ctx.curator };
}

async function reload(ctx: GraphQLContext, id: string): Promise<NodeModel | MetricModel> {
  // a metric is an Entity the node loader does not read (yet): Query.metric's lookup answers it
  const node = id.startsWith('metric:')
    ? await ctx.services.results.metric(id, null)
    : await ctx.loaders.node.clear(id).load(id);
  if (!node) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${id} vanished after curation.`);
  return node;
}

@Resolver()
export class CurationResolver {
  @Mutation(() => Entity, {
    description:
      'Adds an alias to an entity (idempotent); its name lookups then match it. Refused when the alias already names another entity of the type. Requires a curator key.',
  })
  async addAlias(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The entity (method, dataset, task, concept or metric).' })
    id: string,
    @Arg('alias', () => String, { description: 'The spelling to add.' }) alias: string,
    @Arg('note', () => String, { nullable: true, description: 'Why (kept in the audit log).' })
    note: string | null,
  ): Promise<EntityModel> {
    const curator = requireCurator(ctx, 'addAlias');
    const out = await ctx.curation.addAlias(curator, { id, alias, note });
    return (await reload(ctx, out.id)) as EntityModel;
  }

  @Mutation(() => Entity, {
    description:
      'Removes an alias (every spelling with its normalized form) from an entity; re-extraction does not add it back. Requires a curator key.',
  })
  async removeAlias(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The entity.' }) id: string,
    @Arg('alias', () => String, { description: 'The spelling to remove.' }) alias: string,
    @Arg('note', () => String, { nullable: true, description: 'Why (kept in the audit log).' })
    note: string | null,
  ): Promise<EntityModel> {
    const curator = requireCurator(ctx, 'removeAlias');
    const out = await ctx.curation.removeAlias(curator, { id, alias, note });
    return (await reload(ctx, out.id)) as EntityModel;
  }

  @Mutation(() => Entity, {
    description:
      "Merges `from` into `into` (same type): `from`'s relationships, name and aliases move to `into`, and `from`'s id and names resolve to `into` from then on (a redirect), also for papers ingested later. One transaction; idempotent. Requires a curator key.",
  })
  async mergeEntities(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => ID, { description: 'The entity that goes away.' }) from: string,
    @Arg('into', () => ID, { description: 'The surviving entity.' }) into: string,
    @Arg('note', () => String, { description: 'Why (kept in the audit log).' }) note: string,
  ): Promise<EntityModel> {
    const curator = requireCurator(ctx, 'mergeEntities');
    const out = await ctx.curation.mergeEntities(curator, { from, into, note });
    ctx.loaders.node.clear(from);
    return (await reload(ctx, out.id)) as EntityModel;
  }

  @Mutation(() => Int, {
    description:
      'Retracts the relationships of `type` from `from` to `to` (those of `paper`, or all): they disappear from every read and re-extraction does not bring them back; a later assertLineage of the pair reverses it. Returns how many were retracted (0 when repeated). Requires a curator key.',
  })
  async retractRelationship(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => ID, { description: 'Start node id (e.g. the paper, or the child method).' })
    from: string,
    @Arg('to', () => ID, { description: 'End node id.' }) to: string,
    @Arg('type', () => String, {
      description:
        'Relationship type: INTRODUCES, USES, EVALUATES_ON, ADDRESSES, MENTIONS, HAS_CODE, IMPLEMENTS or BUILDS_ON.',
    })
    type: string,
    @Arg('paper', () => ID, {
      nullable: true,
      description: 'Only the relationships read from this paper (default: every one between the two).',
    })
    paper: string | null,
    @Arg('note', () => String, { description: 'Why (kept in the audit log).' }) note: string,
  ): Promise<number> {
    const curator = requireCurator(ctx, 'retractRelationship');
    const out = await ctx.curation.retractRelationship(curator, { from, to, type, paper, note });
    return out.retracted;
  }

  @Mutation(() => LineageEdge, {
    description:
      'Asserts that `child` builds on `parent` (`source: curated`, the note and evidence URL as its evidence); reverses an earlier retraction of the pair. Idempotent. Requires a curator key.',
  })
  async assertLineage(
    @Ctx() ctx: GraphQLContext,
    @Arg('child', () => ID, { description: 'The method that builds on `parent`.' }) child: string,
    @Arg('parent', () => ID, { description: 'The method it builds on.' }) parent: string,
    @Arg('relation', () => String, {
      description: 'extends, variant_of, replaces_component, combines or uses_component.',
    })
    relation: string,
    @Arg('note', () => String, { description: 'Why: shown as the evidence sentence.' }) note: string,
    @Arg('evidenceUrl', () => String, {
      nullable: true,
      description: 'A link to the evidence (http or https).',
    })
    evidenceUrl: string | null,
  ): Promise<LineageEdge> {
    const curator = requireCurator(ctx, 'assertLineage');
    const out = await ctx.curation.assertLineage(curator, { child, parent, relation, note, evidenceUrl });
    const [from, to] = await Promise.all([reload(ctx, out.child), reload(ctx, out.parent)]);
    return {
      from: from as never,
      to: to as never,
      relation: out.relation,
      relations: [out.relation],
      depth: 1,
      confidence: 1,
      sources: [Source.curated],
      evidence: evidenceOf(out.props as never) as never,
    };
  }

  @Query(() => AuditEntryConnection, {
    description: 'The curation audit log, newest first; `target` keeps the entries that touched that id.',
  })
  async auditLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('target', () => ID, { nullable: true, description: 'Only entries that touched this id.' })
    target: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
  ): Promise<AuditEntryConnection> {
    const page = pageRequest(first, after);
    const { entries, total } = await ctx.curation.auditLog(target ?? null, page.skip, page.limit);
    const edges = entries.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
    return {
      edges,
      nodes: entries,
      totalCount: total,
      pageInfo: {
        hasNextPage: page.skip + edges.length < total,
        hasPreviousPage: page.skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }
}
