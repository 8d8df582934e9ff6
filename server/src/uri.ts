// Document URIs to paths, for matching design-file globs. Non-file schemes (untitled:, vscode-vfs:)
// keep their path part. No Node API: the web worker build uses it too.

export function URI_TO_PATH(uri: string): string {
  const colon = uri.indexOf(':');
  const rest = colon >= 0 ? uri.slice(colon + 1) : uri;
  let path: string;
  try {
    path = decodeURIComponent(rest.replace(/^\/\/[^/]*/, ''));
  } catch {
    return rest;
  }
  // file:///c%3A/notes/a.md is the Windows path c:/notes/a.md.
  return uri.startsWith('file:') ? path.replace(/^\/([A-Za-z]:)/, '$1') : path;
}
