import { strict as assert } from 'node:assert';
import {
  DiagnosticFeature,
  DidRenameFilesFeature,
  NotebookDocumentSyncFeature,
} from '../../client/shims/unannouncedFeatures';

// The client bundles leave out vscode-languageclient's notebook sync, pull diagnostics and
// file-operation features (esbuild.mjs): right only while mlsd's server announces none of them.
describe('unannounced client features shim', () => {
  it('does nothing for a server that announces none of them', () => {
    for (const Feature of [NotebookDocumentSyncFeature, DiagnosticFeature, DidRenameFilesFeature]) {
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
  });
});
