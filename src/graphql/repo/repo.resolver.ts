// Repo: `repo(url)`, the papers that have it as code and the methods it implements.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';
import type { GraphQLContext } from '../common/context';
import { repoKeyFromUrl } from '../../read-model/ids';
import { loadNeighbors } from '../common/neighbors';
import type { ConnectionModel, NodeModel, RepoModel } from '../../read-model/models';
import { MethodConnection } from '../method/method.type';
import { PaperConnection } from '../paper/paper.type';
import { Repo } from './repo.type';

@Resolver(() => Repo)
export class RepoResolver {
  @Query(() => Repo, {
    nullable: true,
    description:
      'A repository by URL (`https://github.com/owner/name`, `github.com/owner/name` or its id); case-insensitive. Null when unknown.',
  })
  async repo(
    @Ctx() ctx: GraphQLContext,
    @Arg('url', () => String, { description: 'Repository URL.' }) url: string,
  ): Promise<RepoModel | null> {
    const key = repoKeyFromUrl(url);
    if (!key) return null;
    const node = await ctx.loaders.node.load(key);
    return node && node.__typename === 'Repo' ? node : null;
  }

  @FieldResolver(() => PaperConnection, { description: 'Papers whose code this is, newest first.' })
  papers(
    @Root() r: RepoModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'repo.papers', r.key, args, info);
  }

  @FieldResolver(() => MethodConnection, { description: 'Methods this repository implements.' })
  methods(
    @Root() r: RepoModel,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionModel<NodeModel>> {
    return loadNeighbors(ctx, 'repo.methods', r.key, args, info);
  }
}
