// Every browser page the server serves (also the list `npm run build` copies into dist/public).
import { EXPLORER_PAGE } from './explorer';
import { GRAPHIQL_PAGE } from './graphiql';
import type { PageSpec } from './static-page';

export const PAGES: readonly PageSpec[] = [GRAPHIQL_PAGE, EXPLORER_PAGE];
