// Entry of dist/browserServer.js: the language server in a web worker (vscode.dev, github.dev, a
// VS Code server's web worker extension host). The same server.ts as in Node, with the framework
// data handed in by the client (workerData.ts: no file system) and messages over postMessage.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { setBuiltInRegistry } from './framework/registry';
import { handedInData, registryOf } from './workerData';
import { setServerEnvironment } from './environment';

// The worker's global scope (tsconfig has no DOM or WebWorker lib: the engine must not use them).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

setBuiltInRegistry(() => registryOf(handedInData()));
const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(self),
  new BrowserMessageWriter(self),
);
setServerEnvironment({
  connection,
  version: process.env.MLSD_VERSION ?? '0.0.0-dev',
  // The browser manages the worker's memory itself.
  collectWhenIdle: () => {},
  collectBetweenEdits: () => {},
});
void import('./server');
