// Entry of dist/server.js. Run as a program it is the language server; dist/cli.js requires it and
// calls `cli()`, so the CLI and the server share one copy of the checker (and of its dependencies)
// in dist/.
import { cliMain } from './cli/main';

export const cli = cliMain;

if (require.main === module) void import('./server');
