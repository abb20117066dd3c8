// Arguments of the result fields: a leaderboard (metric, task, page), a method's results (dataset, page).
import { ArgsType, Field, ID } from 'type-graphql';
import { ConnectionArgs } from '../common/connection.args';

@ArgsType()
export class LeaderboardArgs extends ConnectionArgs {
  @Field(() => String, {
    description:
      'The metric: a name or alias (case, dashes, spaces and a plural "s" do not matter), e.g. `top-1 accuracy`.',
  })
  metric!: string;

  @Field(() => ID, { nullable: true, description: 'Only results for this task (id).' })
  task?: string | null;
}

@ArgsType()
export class MethodResultsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only results on this dataset (id).' })
  dataset?: string | null;
}
