// Mutation.ingestPapers: runs the same ingest service as the CLI. Requires an API key.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import type { GraphQLContext } from '../common/context';
import { paperGlobalId } from '../../read-model/ids';
import { IngestPapersPayload, IngestStatus } from './ingest-result.type';
import { PaperInputType } from './paper.input';

export const MAX_INGEST_BATCH = 100;

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestPapersPayload, {
    description: `Extracts and writes papers (idempotent), like \`papergraph ingest\`. Requires \`Authorization: Bearer <key>\` with a key from PAPERGRAPH_API_KEYS. At most ${MAX_INGEST_BATCH} papers per call.`,
  })
  async ingestPapers(
    @Ctx() ctx: GraphQLContext,
    @Arg('papers', () => [PaperInputType], { description: 'Papers to ingest.' }) papers: PaperInputType[],
  ): Promise<IngestPapersPayload> {
    if (!ctx.authenticated) {
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'ingestPapers needs an API key: send `Authorization: Bearer <key>` with a key from PAPERGRAPH_API_KEYS.',
      );
    }
    if (papers.length > MAX_INGEST_BATCH) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `ingestPapers takes at most ${MAX_INGEST_BATCH} papers per call (got ${papers.length}); split the list.`,
      );
    }
    if (!ctx.ingest) {
      throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'This server runs without an ingest pipeline.');
    }
    // Plain objects (no class prototype, no null fields) are what the readers accept.
    const raws = papers.map((p) =>
      Object.fromEntries(Object.entries({ ...p }).filter(([, v]) => v !== null && v !== undefined)),
    );
    const results = await ctx.ingest.ingestRecords(raws);
    const mapped = results.map((r) => ({
      index: r.index,
      id: r.id ? paperGlobalId(r.id) : null,
      status: r.status as IngestStatus,
      reason: r.reason ?? null,
    }));
    return {
      results: mapped,
      ingested: mapped.filter((r) => r.status === IngestStatus.ingested).length,
      skipped: mapped.filter((r) => r.status === IngestStatus.skipped).length,
      rejected: mapped.filter((r) => r.status === IngestStatus.rejected).length,
    };
  }
}
