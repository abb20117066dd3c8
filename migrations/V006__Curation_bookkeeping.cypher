// Curation bookkeeping (src/curation/): the audit log, the redirects left by merged entities, the
// retracted relationships and the removed aliases that ingest must not bring back. `__`-prefixed
// labels, never linked to domain nodes; every lookup is by an indexed property.
CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS FOR (n:__AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:__AuditEntry) ON (n.at);
CREATE CONSTRAINT redirect_id_unique IF NOT EXISTS FOR (n:__Redirect) REQUIRE n.id IS UNIQUE;
CREATE INDEX redirect_into IF NOT EXISTS FOR (n:__Redirect) ON (n.into);
CREATE INDEX retraction_from IF NOT EXISTS FOR (n:__Retraction) ON (n.from);
CREATE INDEX retraction_to IF NOT EXISTS FOR (n:__Retraction) ON (n.to);
CREATE INDEX removed_alias_entity IF NOT EXISTS FOR (n:__RemovedAlias) ON (n.entity);
