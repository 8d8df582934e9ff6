// Entry of dist/server.js. Run as a program it is the language server; dist/cli.js requires it and
// calls `cli()`, so the CLI and the server share one copy of the checker (and of its dependencies)
// in dist/.
import { cliMain } from './cli/main';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import './dataFiles';
import './ruleDocsFiles';
import { nodeConfigReader } from './configReader';
import { setServerEnvironment } from './environment';
import { collectWhenIdle, collectYoungBetweenEdits } from './idleCollect';
import { stdioStreams } from './transport';
import { nodeDesignSource } from './workspace/nodeDesignSource';

export const cli = cliMain;

function createStdioConnection(): Connection {
  let log = (message: string): void => void process.stderr.write(`${message}\n`);
  const { input, output } = stdioStreams((message) => log(message));
  const created = createConnection(ProposedFeatures.all, input, output);
  log = (message) => created.console.warn(message);
  return created;
}

function startServer(): void {
  // Over stdio the input goes through a filter that survives broken framing (transport.ts).
  const connection = process.argv.includes('--stdio')
    ? createStdioConnection()
    : createConnection(ProposedFeatures.all);
  setServerEnvironment({
    connection,
    version: process.env.MLSD_VERSION ?? '0.0.0-dev',
    collectWhenIdle: () => collectWhenIdle(),
    collectBetweenEdits: () => collectYoungBetweenEdits(),
    configReader: nodeConfigReader,
    designSource: nodeDesignSource,
  });
  void import('./server');
}

if (require.main === module) startServer();
