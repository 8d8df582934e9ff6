// @ts-check
// Entry for @vscode/test-electron (--extensionTestsPath): runs the same scenario suite in desktop
// VS Code, without a page (what only the page shows is reported as not checked), and fails when a
// scenario fails. scripts/e2e/electron.mjs sets MLSD_E2E_DIR and writes expected.json there.
'use strict';
const path = require('node:path');
const { PageClient } = require('./page');
const { ENV, FILES, writeJsonAtomic } = require('./protocol');
const { runSuite } = require('./suite');

async function run() {
  const dir = process.env[ENV.dir];
  if (!dir) throw new Error(`${ENV.dir} is not set: run this through npm run test:electron`);
  const only = process.env[ENV.only]?.split(',');
  const results = await runSuite({
    dir,
    page: new PageClient(dir, false),
    only,
    log: (line) => console.log(line),
  });
  writeJsonAtomic(path.join(dir, FILES.results), results);
  const failed = results.scenarios.filter((s) => !s.passed);
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} editor scenario(s) failed: ${failed.map((s) => s.name).join(', ')}`,
    );
  }
}

module.exports = { run };
