// Document URIs to paths, for matching design-file globs. Non-file schemes (untitled:, vscode-vfs:)
// keep their path part.
import { fileURLToPath } from 'node:url';

export function URI_TO_PATH(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return decodeURIComponent(uri.slice('file://'.length));
    }
  }
  const colon = uri.indexOf(':');
  const rest = colon >= 0 ? uri.slice(colon + 1) : uri;
  try {
    return decodeURIComponent(rest.replace(/^\/\/[^/]*/, ''));
  } catch {
    return rest;
  }
}
