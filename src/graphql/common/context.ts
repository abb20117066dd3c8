// The GraphQL context, built once per request: fresh DataLoaders and services (never shared
// across requests), the caller's authentication, and the ingest pipeline for the mutation.
import { CurationService } from '../../curation/curation.service';
import type { Executor } from '../../db/executor';
import { createLoaders, type Loaders } from '../../../loaders/create-loaders';
import type { IngestPort } from './ingest-port';
import { createServices, type Services } from './services';

export interface GraphQLContext {
  loaders: Loaders;
  services: Services;
  /** True when the request carried a valid `Authorization: Bearer <key>`. */
  authenticated: boolean;
  /** Null when the server runs without an ingest pipeline (the mutation then reports it). */
  ingest: IngestPort | null;
  /** Fingerprint of the caller's curator key (PAPERGRAPH_CURATOR_KEYS), null when it has none. */
  curator: string | null;
  curation: CurationService;
}

export interface ContextDeps {
  executor: Executor;
  /** Whether an `Authorization` header value carries a key allowed to call mutations. */
  canWrite: (authorization: string | undefined) => boolean;
  ingest: IngestPort | null;
  /** The fingerprint of the curator key an `Authorization` header value carries, or null. */
  curatorOf?: (authorization: string | undefined) => string | null;
}

export function createContext(deps: ContextDeps, authorization: string | undefined): GraphQLContext {
  const loaders = createLoaders(deps.executor);
  return {
    loaders,
    services: createServices(deps.executor, loaders),
    authenticated: deps.canWrite(authorization),
    ingest: deps.ingest,
    curator: deps.curatorOf?.(authorization) ?? null,
    curation: new CurationService(deps.executor),
  };
}
