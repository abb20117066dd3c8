// STUB: `papergraph serve` - replaced by the API work (GraphQL + GraphiQL over HTTP).
import { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the GraphQL API at http://127.0.0.1:PORT/graphql (GraphiQL at /graphiql).')
    .option('--port <n>', 'HTTP port (default: env PORT or 4000)')
    .action(() => {
      process.stderr.write('papergraph serve: not implemented yet\n');
      process.exitCode = 1;
    });
}
