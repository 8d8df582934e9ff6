// The design files on disk, through Node's file system (the workspace checker's DesignSource).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DesignSource } from './designSource';

/** Folders never scanned: dependencies, build output, version control. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache']);
/** Files larger than this are not read: the checker would only say they are too large. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

function pathOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : '';
  } catch {
    return ''; // a file: URI with a host, or malformed
  }
}

export const nodeDesignSource: DesignSource = {
  pathOf,
  async list(folderUri, accept, cancelled) {
    const found: string[] = [];
    const root = pathOf(folderUri);
    if (!root) return found;
    const pending = [root];
    while (pending.length > 0 && !cancelled()) {
      const directory = pending.pop()!;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(directory, { withFileTypes: true });
      } catch {
        continue; // unreadable or gone: nothing to check there
      }
      for (const entry of entries) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED.has(entry.name)) pending.push(full);
        } else if (entry.isFile() && accept(full)) {
          found.push(pathToFileURL(full).toString());
        }
      }
    }
    return found.sort();
  },
  async read(uri) {
    const file = pathOf(uri);
    if (!file) return undefined;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return undefined;
      // Too large to check either way: the first bytes are enough to say so.
      if (stat.size > MAX_READ_BYTES) {
        const handle = await fs.open(file, 'r');
        try {
          const buffer = Buffer.alloc(MAX_READ_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, MAX_READ_BYTES, 0);
          return buffer.subarray(0, bytesRead).toString('utf8');
        } finally {
          await handle.close();
        }
      }
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};
