// The bundles are ASCII (esbuild.mjs: `charset` and asciiOnly): V8 holds a script with a single
// non-ASCII character as a two-byte string, twice its size, for the life of the process.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIST = path.join(__dirname, '../../dist');

describe('bundle text', () => {
  for (const name of ['server.js', 'extension.js', 'browserServer.js', 'browserExtension.js']) {
    it(`dist/${name} is ASCII, so one-byte in V8`, function () {
      const file = path.join(DIST, name);
      if (!fs.existsSync(file)) this.skip();
      const bytes = fs.readFileSync(file);
      const at = bytes.findIndex((byte) => byte > 0x7f);
      assert.equal(
        at,
        -1,
        `non-ASCII at byte ${at}: ${bytes.subarray(at - 40, at + 10).toString()}`,
      );
    });
  }
});
