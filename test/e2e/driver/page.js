// The driver's line to the page: what only the browser page shows (the Problems panel, the status
// bar, the preview's rendering) or what a user does with the keyboard is asked of the test runner,
// which drives the page with Playwright. A request is a file `req-NNNN.json` in the run's folder;
// the answer is `res-NNNN.json`. Without a page (the desktop runner) every ask is skipped.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function writeJsonAtomic(file, value) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value, null, 2));
  fs.renameSync(temporary, file);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class PageClient {
  /** @param {string} dir the run's folder; @param {boolean} enabled whether a runner answers */
  constructor(dir, enabled) {
    this.dir = dir;
    this.enabled = enabled;
    this.seq = 0;
  }

  /**
   * Asks the runner to do `op` on the page. Resolves to its answer's value, or `{ skipped: true }`
   * without a page; rejects with the runner's error, or when no answer comes in time.
   */
  async ask(op, args = {}, timeoutMs = 20_000) {
    if (!this.enabled) return { skipped: true };
    const name = String(++this.seq).padStart(4, '0');
    const request = path.join(this.dir, `req-${name}.json`);
    const response = path.join(this.dir, `res-${name}.json`);
    writeJsonAtomic(request, { id: name, op, args, timeoutMs });
    // The runner polls the page for up to timeoutMs; allow it time to answer after that.
    const deadline = Date.now() + timeoutMs + 30_000;
    while (!fs.existsSync(response)) {
      if (Date.now() > deadline) {
        throw new Error(
          `the page runner did not answer "${op}" within ${(timeoutMs + 30_000) / 1000} s`,
        );
      }
      await sleep(50);
    }
    const answer = JSON.parse(fs.readFileSync(response, 'utf8'));
    if (!answer.ok) throw new Error(`page "${op}": ${answer.error}`);
    return answer.value ?? {};
  }
}

module.exports = { PageClient, writeJsonAtomic, sleep };
