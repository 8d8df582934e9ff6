// `require('minimatch')` in the extension bundle. vscode-languageclient uses minimatch only to
// match the file-operation filters a server registers (`workspace.fileOperations`: will/did
// create, rename, delete); mlsd's server registers none, so the 28 KB of minimatch and
// brace-expansion are left out of dist/extension.js. A server that did register such filters would
// get this error when the client reads them, not a silent mismatch.
export class Minimatch {
  constructor(pattern: string) {
    throw new Error(
      `mlsd's client does not match file-operation globs ('${pattern}'): the server registers none`,
    );
  }
}
