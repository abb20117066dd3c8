// The Result object type (a score a paper reports), its connection, and Benchmark (a dataset and
// metric a task is measured on).
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { createConnectionType } from '../common/connection.type';
import { Source } from '../common/enums.enum';
import { Evidence } from '../common/evidence.type';
import { Node } from '../common/node.interface';
import { Dataset } from '../dataset/dataset.type';
import { Method } from '../method/method.type';
import { Metric } from '../metric/metric.type';
import { Paper } from '../paper/paper.type';
import { Task } from '../task/task.type';

@ObjectType('Result', {
  simpleResolvers: true,
  implements: Node,
  description: 'A score a paper reports: a value of a metric on a dataset, by a method where known.',
})
export class Result extends Node {
  @Field(() => ID, { description: 'Global id `result:<key>`.' })
  declare id: string;

  @Field(() => Float, { description: 'The number as the source shows it (`83.8` for "83.8%").' })
  value!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Unit as written: `%`, a magnitude (`K`, `M`, `B`) or null.',
  })
  unit!: string | null;

  @Field(() => Metric, { description: 'The metric.' })
  metric!: unknown;

  @Field(() => Dataset, { description: 'The dataset the score is on.' })
  dataset!: unknown;

  @Field(() => Method, { nullable: true, description: 'The method that scored it, when known.' })
  method!: unknown;

  @Field(() => Task, { nullable: true, description: 'The task, when known.' })
  task!: unknown;

  @Field(() => Paper, { description: 'The paper that reports it.' })
  paper!: unknown;

  @Field(() => Source, {
    description: '`extracted` (from the abstract) or `pwc` (a Papers with Code leaderboard).',
  })
  source!: string;

  @Field(() => Float, { nullable: true, description: 'Confidence, in [0, 1] (1 for pwc).' })
  confidence!: number | null;

  @Field(() => [Evidence], { description: 'Where the text states it (empty for pwc).' })
  evidence!: unknown[];

  @Field(() => String, {
    nullable: true,
    description: "When it was reported: the paper's date (`YYYY-MM-DD` or shorter), null when unknown.",
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value as the source wrote it (pwc), e.g. `48.5 ± 0.3`.',
  })
  rawValue!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The method's name as the source wrote it (pwc `model_name`).",
  })
  modelName!: string | null;
}

export const ResultConnection = createConnectionType('Result', () => Result, 'result');

@ObjectType('Benchmark', {
  simpleResolvers: true,
  description: 'A dataset and metric a task is measured on, with how many results and the best one.',
})
export class Benchmark {
  @Field(() => Dataset, { description: 'The dataset.' })
  dataset!: unknown;

  @Field(() => Metric, { description: 'The metric.' })
  metric!: unknown;

  @Field(() => Task, { nullable: true, description: 'The task.' })
  task!: unknown;

  @Field(() => Int, { description: 'Results of the task on this dataset and metric.' })
  resultCount!: number;

  @Field(() => Result, { nullable: true, description: "The best of them by the metric's direction." })
  best!: unknown;
}
