// The audit log of curation (`Query.auditLog`): one entry per change a curator made.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';

@ObjectType('AuditEntry', {
  simpleResolvers: true,
  description:
    'One curation change: who (a key fingerprint, never the key), when, what, on which ids, why, and the state before it (enough to undo it).',
})
export class AuditEntry {
  @Field(() => ID, { description: 'Id of the entry (`audit:<uuid>`).' })
  id!: string;

  @Field(() => String, { description: 'When the change was committed (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, {
    description: 'The curator: `sha256:` + the first 16 hex digits of the key digest (never the key).',
  })
  actor!: string;

  @Field(() => String, {
    description: 'The operation: addAlias, removeAlias, mergeEntities, retractRelationship or assertLineage.',
  })
  action!: string;

  @Field(() => [ID], {
    description: 'The ids the change touched (for a merge: the old id, then the survivor).',
  })
  targets!: string[];

  @Field(() => String, { nullable: true, description: "The curator's note." })
  note!: string | null;

  @Field(() => String, { description: "The operation's arguments, as JSON." })
  args!: string;

  @Field(() => String, {
    description:
      'The state the change replaced, as JSON (aliases and keys; a merged entity with its relationships; retracted relationships with their properties; a replaced curated relationship).',
  })
  before!: string;

  @Field(() => String, { description: 'What the change wrote, as JSON.' })
  after!: string;
}

@ObjectType('AuditEntryEdge', { simpleResolvers: true, description: 'An edge to an audit entry.' })
export class AuditEntryEdge {
  @Field(() => String, {
    description: 'Opaque cursor of this edge; pass it as `after` to continue after it.',
  })
  cursor!: string;

  @Field(() => AuditEntry, { description: 'The entry.' })
  node!: AuditEntry;
}

@ObjectType('AuditEntryConnection', {
  simpleResolvers: true,
  description: 'A page of audit entries, newest first (Relay connection).',
})
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The edges of this page.' })
  edges!: AuditEntryEdge[];

  @Field(() => [AuditEntry], { description: 'The entries of this page (same order as `edges`).' })
  nodes!: AuditEntry[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of entries in the whole log (or for `target`).' })
  totalCount!: number;
}
