// `require('./notebook')`, `require('./diagnostic')` and `require('./fileOperations')` inside
// vscode-languageclient (esbuild.mjs redirects them here). The client registers those features for
// every server, but each one acts only when the server announces it: notebook document sync, pull
// diagnostics, file-operation events. mlsd's server announces none of them (server/src/server.ts;
// test/unit/serverCapabilities.test.ts keeps it so), so their ~45 KB are left out of the client
// bundles. A server that did announce one gets this error at start-up, not a silent no-op.
import type { ServerCapabilities } from 'vscode-languageclient';

type Announces = (capabilities: ServerCapabilities) => boolean;

function unannouncedFeature(name: string, announces: Announces) {
  return class {
    // Same constructor shape as the library's features (the client passes itself, and more).
    constructor(..._args: unknown[]) {}
    fillClientCapabilities(): void {}
    initialize(capabilities: ServerCapabilities): void {
      if (announces(capabilities)) {
        throw new Error(`mlsd's client leaves out ${name}, which its server now announces`);
      }
    }
    getState(): { kind: 'static' } {
      return { kind: 'static' };
    }
    clear(): void {}
  };
}

const notebookSync = unannouncedFeature(
  'notebook document sync',
  (capabilities) => capabilities.notebookDocumentSync !== undefined,
);
export class NotebookDocumentSyncFeature extends notebookSync {
  // Read by the client's tab tracking to recognise notebook cells.
  static readonly CellScheme = 'vscode-notebook-cell';
}

export const DiagnosticFeature = unannouncedFeature(
  'pull diagnostics',
  (capabilities) => capabilities.diagnosticProvider !== undefined,
);
// Re-exported by vscode-languageclient's API (the library's values).
export const vsdiag = { DocumentDiagnosticReportKind: { full: 'full', unChanged: 'unChanged' } };
export const DiagnosticPullMode = { onType: 'onType', onSave: 'onSave', onFocus: 'onFocus' };

const fileOperations: Announces = (capabilities) =>
  capabilities.workspace?.fileOperations !== undefined;
export const DidCreateFilesFeature = unannouncedFeature('file-operation events', fileOperations);
export const DidRenameFilesFeature = unannouncedFeature('file-operation events', fileOperations);
export const DidDeleteFilesFeature = unannouncedFeature('file-operation events', fileOperations);
export const WillCreateFilesFeature = unannouncedFeature('file-operation events', fileOperations);
export const WillRenameFilesFeature = unannouncedFeature('file-operation events', fileOperations);
export const WillDeleteFilesFeature = unannouncedFeature('file-operation events', fileOperations);
