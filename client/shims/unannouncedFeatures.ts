// `require('./notebook')`, `require('./diagnostic')`, `require('./fileOperations')` and the
// language features in `UNANNOUNCED_MODULES` inside vscode-languageclient (esbuild.mjs redirects
// them here). The client registers those features for every server, but each one acts only when
// the server announces it: notebook document sync, pull diagnostics, file-operation events,
// definitions, references, rename, formatting, semantic tokens, inlay hints and the other
// providers below. mlsd's server announces none of them (server/src/server.ts; the protocol test
// "announces no trigger characters" keeps it so), so their ~85 KB are left out of the client
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

// Language features mlsd's server does not provide: one class per feature the client registers,
// with the server capability that would announce it.
const provider = (name: string, key: keyof ServerCapabilities) =>
  unannouncedFeature(name, (capabilities) => capabilities[key] !== undefined);

export const SignatureHelpFeature = provider('signature help', 'signatureHelpProvider');
export const DefinitionFeature = provider('go to definition', 'definitionProvider');
export const ReferencesFeature = provider('references', 'referencesProvider');
export const DocumentHighlightFeature = provider(
  'document highlights',
  'documentHighlightProvider',
);
export const WorkspaceSymbolFeature = provider('workspace symbols', 'workspaceSymbolProvider');
export const DocumentFormattingFeature = provider('formatting', 'documentFormattingProvider');
export const DocumentRangeFormattingFeature = provider(
  'range formatting',
  'documentRangeFormattingProvider',
);
export const DocumentOnTypeFormattingFeature = provider(
  'on-type formatting',
  'documentOnTypeFormattingProvider',
);
export const RenameFeature = provider('rename', 'renameProvider');
export const DocumentLinkFeature = provider('document links', 'documentLinkProvider');
export const ExecuteCommandFeature = provider('execute command', 'executeCommandProvider');
export const TypeDefinitionFeature = provider('go to type definition', 'typeDefinitionProvider');
export const ImplementationFeature = provider('go to implementation', 'implementationProvider');
export const ColorProviderFeature = provider('document colors', 'colorProvider');
export const DeclarationFeature = provider('go to declaration', 'declarationProvider');
export const SelectionRangeFeature = provider('selection ranges', 'selectionRangeProvider');
export const CallHierarchyFeature = provider('call hierarchy', 'callHierarchyProvider');
export const SemanticTokensFeature = provider('semantic tokens', 'semanticTokensProvider');
export const LinkedEditingFeature = provider('linked editing', 'linkedEditingRangeProvider');
export const TypeHierarchyFeature = provider('type hierarchy', 'typeHierarchyProvider');
export const InlineValueFeature = provider('inline values', 'inlineValueProvider');
export const InlayHintsFeature = provider('inlay hints', 'inlayHintProvider');
export const InlineCompletionItemFeature = provider(
  'inline completions',
  'inlineCompletionProvider',
);
export const TextDocumentContentFeature = unannouncedFeature(
  'text document content',
  (capabilities) => capabilities.workspace?.textDocumentContent !== undefined,
);
