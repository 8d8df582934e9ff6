// @ts-check
// The driver's line to the page: what only the browser page shows (the Problems panel, the status
// bar, the preview's rendering) or what a user does with the keyboard is asked of the test runner,
// which drives the page with Playwright. A request is a file `req-NNNN.json` in the run's folder;
// the answer is `res-NNNN.json` (their shapes: protocol.js). Without a page (the desktop runner)
// every ask is skipped.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { REQUEST_FILE, requestFile, responseFile, writeJsonAtomic } = require('./protocol');

/** @typedef {import('./protocol').PageOps} PageOps */
/** @typedef {import('./protocol').PageOp} PageOp */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the runner may take to answer after the op's own time is up (a busy machine). */
const ANSWER_GRACE_MS = 60_000;

class PageClient {
  /** @param {string} dir the run's folder; @param {boolean} enabled whether a runner answers */
  constructor(dir, enabled) {
    this.dir = dir;
    this.enabled = enabled;
    // After a window reload, go on from the last request: the runner has answered those names.
    this.seq = Math.max(
      0,
      ...fs.readdirSync(dir).map((name) => Number(REQUEST_FILE.exec(name)?.[1] ?? 0)),
    );
  }

  /**
   * Asks the runner to do `op` on the page. Resolves to its answer's value, or `{ skipped: true }`
   * without a page; rejects with the runner's error, or when no answer comes in time.
   * @template {PageOp} K
   * @param {K} op
   * @param {PageOps[K]['args']} args
   * @param {number} [timeoutMs] how long the op polls the page for its condition
   * @returns {Promise<(PageOps[K]['result'] & { skipped?: false }) | { skipped: true }>}
   */
  async ask(op, args, timeoutMs = 30_000) {
    if (!this.enabled) return { skipped: true };
    const name = requestFile(++this.seq);
    const response = path.join(this.dir, responseFile(name));
    /** @type {import('./protocol').PageRequest<K>} */
    const request = { id: name, op, args, timeoutMs };
    writeJsonAtomic(path.join(this.dir, name), request);
    const deadline = Date.now() + timeoutMs + ANSWER_GRACE_MS;
    while (!fs.existsSync(response)) {
      if (Date.now() > deadline) {
        throw new Error(
          `the page runner did not answer "${op}" within ${(timeoutMs + ANSWER_GRACE_MS) / 1000} s`,
        );
      }
      await sleep(50);
    }
    /** @type {import('./protocol').PageResponse<K>} */
    const answer = JSON.parse(fs.readFileSync(response, 'utf8'));
    if (!answer.ok) throw new Error(`page "${op}": ${answer.error}`);
    return answer.value;
  }
}

module.exports = { PageClient, sleep };
