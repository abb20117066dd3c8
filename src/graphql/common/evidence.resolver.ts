// Evidence.paper (batched through the node loader) and Evidence.text (the mention itself).
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Paper } from '../paper/paper.type';
import type { GraphQLContext } from './context';
import { Evidence } from './evidence.type';
import { paperGlobalId } from '../../read-model/ids';
import type { EvidenceModel, PaperModel } from '../../read-model/models';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Paper, { nullable: true, description: 'The paper the evidence was read from.' })
  async paper(@Root() e: EvidenceModel, @Ctx() ctx: GraphQLContext): Promise<PaperModel | null> {
    if (!e.paperId) return null;
    const node = await ctx.loaders.node.load(paperGlobalId(e.paperId));
    return node && node.__typename === 'Paper' ? node : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The mention as written: the paper's `field` between `start` and `end`; null when offsets are unknown.",
  })
  async text(@Root() e: EvidenceModel, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (!e.paperId || e.start == null || e.end == null) return null;
    const node = await ctx.loaders.node.load(paperGlobalId(e.paperId));
    if (!node || node.__typename !== 'Paper') return null;
    const source = e.field === 'title' ? node.title : node.abstract;
    return source ? source.slice(e.start, e.end) : null;
  }
}
