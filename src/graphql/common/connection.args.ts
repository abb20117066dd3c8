// Arguments of every connection field (Relay forward pagination).
import { ArgsType, Field, Int } from 'type-graphql';
import { Role } from './enums.enum';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 0..100, default 20.' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (an `endCursor` or `edges.cursor`).',
  })
  after?: string | null;
}

@ArgsType()
export class RoleConnectionArgs extends ConnectionArgs {
  @Field(() => Role, {
    nullable: true,
    description: 'Only INTRODUCED or only USED relationships; both when omitted.',
  })
  role?: Role | null;
}
