// The node file-system reader of `.mlsd.json` files and the data files they name, injected into the
// server by server.ts (a browser build has no `fs` and injects another, or none).
import * as fs from 'node:fs';
import type { ConfigReader } from './projectConfigs';
import { MAX_CONFIG_CHARS } from './analysis/projectConfig';

export const nodeConfigReader: ConfigReader = {
  read(file) {
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return undefined;
      // A huge file is not read whole: the parser reports it as too large from its length.
      if (stat.size > MAX_CONFIG_CHARS * 4) return ' '.repeat(MAX_CONFIG_CHARS + 1);
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};
