// The curation operations (CONTRACT.md "Curation"), shared by the GraphQL mutations and
// `papergraph curate`. Each operation validates its arguments before any database work, then runs
// as ONE write transaction that reads the current state, refuses unknown ids (BAD_USER_INPUT) before
// writing anything, makes its change, and records an audit entry with enough of the before-state to
// undo it. Operations are idempotent: repeating one changes nothing and records nothing.
import { randomUUID } from 'node:crypto';
import type { Executor, WriteTx } from '../db/executor';
import { bumpGraphVersion } from '../db/graph-version';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { normalizeName } from '../names/normalize';
import {
  absorbProperties,
  AUDIT_COUNT,
  AUDIT_PAGE,
  BLOCK_ALIAS,
  CLEAR_RETRACTIONS,
  DELETE_RETRACTED_RESULTS,
  deleteMerged,
  deleteRels,
  entitiesWithKey,
  FIND_BLOCK,
  FIND_CURATED_LINEAGE,
  FIND_LINEAGE_RETRACTIONS,
  FIND_RETRACTION,
  findNode,
  lockNodes,
  RESOLVE_IDS,
  matchRels,
  MERGE_CURATED_LINEAGE,
  moveRels,
  RECORD_REDIRECT,
  RECORD_RETRACTION,
  relsOf,
  setAliases,
  UNBLOCK_ALIAS,
  WRITE_AUDIT_ENTRY,
} from './curation.queries';
import {
  checkAlias,
  checkRelation,
  checkRelType,
  checkText,
  checkUrl,
  entityLabelOfId,
  labelOfId,
  MAX_NOTE_LENGTH,
  REL_TYPES,
  type AddAliasArgs,
  type AssertLineageArgs,
  type CurationOp,
  type MergeEntitiesArgs,
  type NodeLabel,
  type RemoveAliasArgs,
  type RetractRelationshipArgs,
} from './curation.types';

/** Who curates: the fingerprint of the key (never the key itself). */
export interface Curator {
  actor: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: CurationOp;
  targets: string[];
  note: string | null;
  /** JSON: the operation's arguments. */
  args: string;
  /** JSON: the state the operation changed, as it was before (what an undo restores). */
  before: string;
  /** JSON: what the operation wrote. */
  after: string;
}

export interface EntityOutcome {
  /** The entity's id after the operation (the survivor of a merge). */
  id: string;
  changed: boolean;
  auditId: string | null;
}

export interface RetractOutcome {
  retracted: number;
  changed: boolean;
  auditId: string | null;
}

export interface LineageOutcome {
  child: string;
  parent: string;
  relation: string;
  /** The curated relationship's properties as stored. */
  props: Record<string, unknown>;
  changed: boolean;
  auditId: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

/** A test seam: runs inside the transaction after each named step (a throw there aborts the operation). */
export type StepHook = (op: CurationOp, step: string) => void | Promise<void>;

export interface CurationServiceOptions {
  afterStep?: StepHook;
  /** The clock (ISO time of audit entries). */
  now?: () => Date;
}

function bad(message: string, details?: Record<string, unknown>): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { details });
}

function note(value: unknown, required: boolean): string | null {
  const text = checkText('note', value, MAX_NOTE_LENGTH, required);
  return text.length > 0 ? text : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

let sequence = 0;

/** Times an operation resolves and locks its ids again while merges keep moving them (then goes on). */
const LOCK_ROUNDS = 3;

export class CurationService {
  private readonly afterStep: StepHook;
  private readonly now: () => Date;

  constructor(
    private readonly executor: Executor,
    options: CurationServiceOptions = {},
  ) {
    this.afterStep = options.afterStep ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
  }

  async addAlias(curator: Curator, args: AddAliasArgs): Promise<EntityOutcome> {
    const label = entityLabelOfId('id', args.id);
    const { display, key } = checkAlias(args.alias);
    const why = note(args.note, false);
    return this.transaction('addAlias', async (tx) => {
      await this.lock(tx, [[label, args.id]]);
      const entity = await this.requireNode(tx, label, args.id, 'id');
      const others = (await tx.run(entitiesWithKey(label), { key, quotedKey: `"${key}"` }))
        .map((r) => String(r.id))
        .filter((id) => id !== entity.id);
      if (others.length > 0)
        throw bad(
          `"${display}" already names ${others.join(', ')}; an alias shared by two entities would make the name ambiguous. Merge them instead (mergeEntities).`,
          { candidates: others },
        );
      const aliases = strings(entity.props.aliases);
      const keys = strings(entity.props.keys);
      const name = String(entity.props.name ?? '');
      const has = name === display || aliases.includes(display);
      const blocked = (await tx.run(FIND_BLOCK, { id: entity.id, key })).length > 0;
      if (has && keys.includes(key) && !blocked) return { id: entity.id, changed: false, auditId: null };
      const nextAliases = has ? aliases : [...aliases, display];
      const nextKeys = keys.includes(key) ? keys : [...keys, key];
      await tx.run(setAliases(label), { id: entity.id, aliases: nextAliases, keys: nextKeys });
      await tx.run(UNBLOCK_ALIAS, { id: entity.id, key });
      const auditId = await this.audit(tx, curator, 'addAlias', [entity.id], why, args, {
        before: { aliases, keys },
        after: { aliases: nextAliases, keys: nextKeys },
      });
      return { id: entity.id, changed: true, auditId };
    });
  }

  async removeAlias(curator: Curator, args: RemoveAliasArgs): Promise<EntityOutcome> {
    const label = entityLabelOfId('id', args.id);
    const { display, key } = checkAlias(args.alias);
    const why = note(args.note, false);
    return this.transaction('removeAlias', async (tx) => {
      await this.lock(tx, [[label, args.id]]);
      const entity = await this.requireNode(tx, label, args.id, 'id');
      const name = String(entity.props.name ?? '');
      if (normalizeName(name) === key)
        throw bad(
          `"${display}" is the name of ${entity.id} (under the name normalization), not an alias; it cannot be removed.`,
        );
      const aliases = strings(entity.props.aliases);
      const keys = strings(entity.props.keys);
      const nextAliases = aliases.filter((a) => normalizeName(a) !== key);
      const nextKeys = keys.filter((k) => k !== key);
      const blocked = (await tx.run(FIND_BLOCK, { id: entity.id, key })).length > 0;
      if (nextAliases.length === aliases.length && nextKeys.length === keys.length && blocked)
        return { id: entity.id, changed: false, auditId: null };
      await tx.run(setAliases(label), { id: entity.id, aliases: nextAliases, keys: nextKeys });
      await tx.run(BLOCK_ALIAS, { id: entity.id, key, alias: display, at: this.now().toISOString() });
      const auditId = await this.audit(tx, curator, 'removeAlias', [entity.id], why, args, {
        before: { aliases, keys },
        after: { aliases: nextAliases, keys: nextKeys },
      });
      return { id: entity.id, changed: true, auditId };
    });
  }

  async mergeEntities(curator: Curator, args: MergeEntitiesArgs): Promise<EntityOutcome> {
    const label = entityLabelOfId('from', args.from);
    const intoLabel = entityLabelOfId('into', args.into);
    const why = note(args.note, true);
    if (label !== intoLabel)
      throw bad(`Cannot merge a ${label} into a ${intoLabel}: both ids must be of the same type.`);
    if (args.from === args.into) throw bad('Cannot merge an entity into itself (`from` equals `into`).');
    return this.transaction('mergeEntities', async (tx) => {
      // both entities locked before anything is read: an ingest writing either waits for the merge
      await this.lock(tx, [
        [label, args.from],
        [label, args.into],
      ]);
      await this.afterStep('mergeEntities', 'lock');
      const into = await this.requireNode(tx, label, args.into, 'into');
      const from = await this.requireNode(tx, label, args.from, 'from');
      // `from` already redirects to `into`: merged before, nothing to do
      if (from.id === into.id) {
        if (args.from !== from.id) return { id: into.id, changed: false, auditId: null };
        throw bad('Cannot merge an entity into itself (`from` and `into` name the same entity).');
      }
      const rels = await tx.run(relsOf(label), { id: from.id });
      await this.afterStep('mergeEntities', 'read');
      const params = { from: from.id, into: into.id };
      await tx.run(moveRels(label), params);
      await this.afterStep('mergeEntities', 'moveRels');
      const intoAliases = strings(into.props.aliases);
      const intoName = String(into.props.name ?? '');
      const aliases = [...intoAliases];
      for (const form of [String(from.props.name ?? ''), ...strings(from.props.aliases)])
        if (form && form !== intoName && !aliases.includes(form)) aliases.push(form);
      const keys = [...new Set([...strings(into.props.keys), ...strings(from.props.keys)])];
      await tx.run(absorbProperties(label), { ...params, aliases, keys });
      await this.afterStep('mergeEntities', 'absorbProperties');
      await tx.run(deleteMerged(label), params);
      await this.afterStep('mergeEntities', 'deleteMerged');
      const auditId = await this.audit(tx, curator, 'mergeEntities', [from.id, into.id], why, args, {
        before: { from: from.props, into: into.props, rels },
        after: { into: into.id, aliases, keys },
      });
      await tx.run(RECORD_REDIRECT, { ...params, type: label, at: this.now().toISOString(), auditId });
      await this.afterStep('mergeEntities', 'redirect');
      return { id: into.id, changed: true, auditId };
    });
  }

  async retractRelationship(curator: Curator, args: RetractRelationshipArgs): Promise<RetractOutcome> {
    const type = checkRelType(args.type);
    const fromLabel = labelOfId('from', args.from).label;
    const toLabel = labelOfId('to', args.to).label;
    const shape = REL_TYPES[type];
    if (!shape.from.includes(fromLabel) || !shape.to.includes(toLabel))
      throw bad(
        `A ${type} relationship goes from ${shape.from.join('|')} to ${shape.to.join('|')}; got ${fromLabel} -> ${toLabel}.`,
      );
    const paperArg = args.paper === undefined || args.paper === null ? null : args.paper;
    const paperKey = paperArg === null ? null : labelOfPaper(paperArg);
    const why = note(args.note, true);
    return this.transaction('retractRelationship', async (tx) => {
      await this.lock(tx, [
        [fromLabel, fromLabel === 'Paper' ? labelOfPaper(args.from) : args.from],
        [toLabel, toLabel === 'Paper' ? labelOfPaper(args.to) : args.to],
      ]);
      const from = await this.requireNode(tx, fromLabel, args.from, 'from');
      const to = await this.requireNode(tx, toLabel, args.to, 'to');
      if (paperKey !== null) await this.requireNode(tx, 'Paper', paperKey, 'paper');
      const params = { from: from.id, to: to.id, paper: paperKey };
      const rels = await tx.run(matchRels(type, fromLabel, toLabel), params);
      const marker = { from: from.id, to: to.id, type, paper: paperKey ?? '*' };
      const recorded = (await tx.run(FIND_RETRACTION, marker)).length > 0;
      if (rels.length === 0 && recorded) return { retracted: 0, changed: false, auditId: null };
      await tx.run(deleteRels(type, fromLabel, toLabel), params);
      if (type === 'EVALUATES_ON') await tx.run(DELETE_RETRACTED_RESULTS, params);
      const targets = [nodeGlobalId(fromLabel, from.id), nodeGlobalId(toLabel, to.id)];
      if (paperKey !== null) targets.push(`paper:${paperKey}`);
      const auditId = await this.audit(tx, curator, 'retractRelationship', targets, why, args, {
        before: { type, from: from.id, to: to.id, rels: rels.map((r) => r.props) },
        after: { retraction: marker },
      });
      await tx.run(RECORD_RETRACTION, { ...marker, at: this.now().toISOString(), auditId });
      return { retracted: rels.length, changed: true, auditId };
    });
  }

  async assertLineage(curator: Curator, args: AssertLineageArgs): Promise<LineageOutcome> {
    const childLabel = entityLabelOfId('child', args.child);
    const parentLabel = entityLabelOfId('parent', args.parent);
    if (childLabel !== 'Method' || parentLabel !== 'Method')
      throw bad('Lineage links two methods: `child` and `parent` must be method ids.');
    const relation = checkRelation(args.relation);
    const why = note(args.note, true) as string;
    const evidenceUrl = checkUrl(args.evidenceUrl);
    return this.transaction('assertLineage', async (tx) => {
      await this.lock(tx, [
        ['Method', args.child],
        ['Method', args.parent],
      ]);
      const child = await this.requireNode(tx, 'Method', args.child, 'child');
      const parent = await this.requireNode(tx, 'Method', args.parent, 'parent');
      if (child.id === parent.id) throw bad('A method cannot build on itself (`child` equals `parent`).');
      const params = { child: child.id, parent: parent.id, relation };
      const [existing] = await tx.run(FIND_CURATED_LINEAGE, params);
      const retractions = await tx.run(FIND_LINEAGE_RETRACTIONS, { from: child.id, to: parent.id });
      const evidence = JSON.stringify([
        { field: 'curation', sentence: why, ...(evidenceUrl ? { url: evidenceUrl } : {}) },
      ]);
      const before = existing ? (existing.props as Record<string, unknown>) : null;
      if (before && before.evidence === evidence && retractions.length === 0)
        return { child: child.id, parent: parent.id, relation, props: before, changed: false, auditId: null };
      const props = {
        confidence: 1,
        rule: 'curated',
        evidence,
        note: why,
        evidenceUrl,
        curator: curator.actor,
        curatedAt: this.now().toISOString(),
      };
      await tx.run(MERGE_CURATED_LINEAGE, { ...params, props });
      await tx.run(CLEAR_RETRACTIONS, { from: child.id, to: parent.id, type: 'BUILDS_ON' });
      const auditId = await this.audit(tx, curator, 'assertLineage', [child.id, parent.id], why, args, {
        before: { rel: before, retractions: retractions.map((r) => r.t) },
        after: { rel: { source: 'curated', relation, ...props } },
      });
      return {
        child: child.id,
        parent: parent.id,
        relation,
        props: { source: 'curated', relation, ...props },
        changed: true,
        auditId,
      };
    });
  }

  /** The audit log, newest first; `target` limits it to entries naming that id. */
  async auditLog(target: string | null, skip: number, limit: number): Promise<AuditPage> {
    const [rows, counts] = await Promise.all([
      this.executor.read(AUDIT_PAGE, { target, skip, limit }, { operation: 'curation.auditLog' }),
      this.executor.read(AUDIT_COUNT, { target }, { operation: 'curation.auditCount' }),
    ]);
    return {
      entries: rows.map((r) => toAuditEntry(r.e as Record<string, unknown>)),
      total: Number(counts[0]?.total ?? 0),
    };
  }

  /** One write transaction; a change ends with the graph version bump (readers' caches see it). */
  private transaction<R extends { changed: boolean }>(
    op: CurationOp,
    work: (tx: WriteTx) => Promise<R>,
  ): Promise<R> {
    return this.executor.writeTransaction(
      async (tx) => {
        const out = await work(tx);
        if (out.changed) await bumpGraphVersion(tx);
        return out;
      },
      { operation: `curation.${op}` },
    );
  }

  /**
   * The write locks of the operation's nodes (lockNodes), before it reads anything: label by label
   * in name order, ids in order within a label, so two operations lock shared nodes in one order.
   * Ids are resolved through redirects first; when a merge committed between that and the lock
   * (the id now redirects elsewhere), the new survivor is locked too.
   */
  private async lock(tx: WriteTx, targets: [NodeLabel, string][]): Promise<void> {
    const byLabel = new Map<NodeLabel, string[]>();
    for (const [label, id] of targets) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
    for (const label of [...byLabel.keys()].sort()) {
      const asked = byLabel.get(label) ?? [];
      const locked = new Set<string>();
      for (let round = 0; round < LOCK_ROUNDS; round++) {
        const [row] = await tx.run(RESOLVE_IDS, { ids: asked });
        const ids = strings(row?.ids).filter((id) => !locked.has(id));
        if (ids.length === 0) break;
        await tx.run(lockNodes(label), { ids: ids.sort() });
        for (const id of ids) locked.add(id);
      }
    }
  }

  /** The node (through a redirect), or BAD_USER_INPUT naming the argument. */
  private async requireNode(
    tx: WriteTx,
    label: NodeLabel,
    id: string,
    argument: string,
  ): Promise<{ id: string; props: Record<string, unknown> }> {
    const key = label === 'Paper' ? labelOfPaper(id) : id;
    const [row] = await tx.run(findNode(label), { id: key });
    if (!row) throw bad(`\`${argument}\`: no ${label.toLowerCase()} with id "${id.slice(0, 120)}".`);
    return { id: String(row.id), props: row.props as Record<string, unknown> };
  }

  private async audit(
    tx: WriteTx,
    curator: Curator,
    action: CurationOp,
    targets: string[],
    why: string | null,
    args: object,
    change: { before: unknown; after: unknown },
  ): Promise<string> {
    sequence += 1;
    const entry = {
      id: `audit:${randomUUID()}`,
      at: this.now().toISOString(),
      seq: sequence,
      actor: curator.actor,
      action,
      targets: [...new Set(targets)],
      note: why,
      args: JSON.stringify(args),
      before: JSON.stringify(change.before),
      after: JSON.stringify(change.after),
    };
    await tx.run(WRITE_AUDIT_ENTRY, { entry });
    return entry.id;
  }
}

/** The bare paper id of `paper:<id>` or a bare id. */
function labelOfPaper(id: string): string {
  const text = checkText('paper', id, 500, true);
  return text.startsWith('paper:') ? text.slice('paper:'.length) : text;
}

function nodeGlobalId(label: NodeLabel, id: string): string {
  return label === 'Paper' ? `paper:${id}` : id;
}

function toAuditEntry(e: Record<string, unknown>): AuditEntry {
  return {
    id: String(e.id),
    at: String(e.at),
    actor: String(e.actor),
    action: String(e.action) as CurationOp,
    targets: strings(e.targets),
    note: typeof e.note === 'string' ? e.note : null,
    args: String(e.args ?? '{}'),
    before: String(e.before ?? 'null'),
    after: String(e.after ?? 'null'),
  };
}
