import { strict as assert } from 'node:assert';
import {
  DiagnosticFeature,
  DidRenameFilesFeature,
  NotebookDocumentSyncFeature,
  RenameFeature,
  SemanticTokensFeature,
  TextDocumentContentFeature,
} from '../../client/shims/unannouncedFeatures';

// The client bundles leave out vscode-languageclient's notebook sync, pull diagnostics,
// file-operation and unprovided language features (esbuild.mjs): right only while mlsd's server
// announces none of them.
describe('unannounced client features shim', () => {
  it('does nothing for a server that announces none of them', () => {
    for (const Feature of [
      NotebookDocumentSyncFeature,
      DiagnosticFeature,
      DidRenameFilesFeature,
      RenameFeature,
      SemanticTokensFeature,
      TextDocumentContentFeature,
    ]) {
      const feature = new Feature({});
      feature.fillClientCapabilities();
      feature.initialize({ textDocumentSync: 2, hoverProvider: true });
      assert.deepEqual(feature.getState(), { kind: 'static' });
    }
    assert.equal(NotebookDocumentSyncFeature.CellScheme, 'vscode-notebook-cell');
  });

  it('fails loudly at start-up if the server announces one', () => {
    assert.throws(
      () =>
        new NotebookDocumentSyncFeature({}).initialize({
          notebookDocumentSync: { notebookSelector: [] },
        }),
      /notebook document sync/,
    );
    assert.throws(
      () =>
        new DiagnosticFeature({}).initialize({
          diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
        }),
      /pull diagnostics/,
    );
    assert.throws(
      () => new DidRenameFilesFeature({}).initialize({ workspace: { fileOperations: {} } }),
      /file-operation events/,
    );
    assert.throws(() => new RenameFeature({}).initialize({ renameProvider: true }), /rename/);
    assert.throws(
      () =>
        new SemanticTokensFeature({}).initialize({
          semanticTokensProvider: { legend: { tokenTypes: [], tokenModifiers: [] }, full: true },
        }),
      /semantic tokens/,
    );
    assert.throws(
      () =>
        new TextDocumentContentFeature({}).initialize({
          workspace: { textDocumentContent: { schemes: ['x'] } },
        }),
      /text document content/,
    );
  });
});
