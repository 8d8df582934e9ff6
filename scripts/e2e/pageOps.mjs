// @ts-check
// What the driver extension asks of the page (see test/e2e/driver/page.js): read what only the
// page shows, or act as a user with the keyboard. Each op polls until its condition holds or its
// time is up, and returns what it saw with `satisfied`, so the driver can say what was wrong.
// The ops, their arguments and answers are declared in test/e2e/driver/protocol.js (PageOps).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { check } from './expectations.mjs';

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('../../test/e2e/driver/protocol.js').PageOps} PageOps
 * @typedef {import('../../test/e2e/driver/protocol.js').ProblemsSeen} ProblemsSeen
 * @typedef {import('../../test/e2e/driver/protocol.js').StatusItem} StatusItem
 * @typedef {import('../../test/e2e/driver/protocol.js').SeverityName} SeverityName
 */
/**
 * What answers each page op: its arguments and how long it may poll, to its answer's value.
 * @typedef {{ [K in keyof PageOps]:
 *   (args: PageOps[K]['args'], timeoutMs: number) => Promise<PageOps[K]['result']> }} PageOpHandlers
 */

/**
 * Calls `probe` until its answer is `satisfied` or `timeoutMs` is up; returns the last answer.
 * @template {{ satisfied: boolean }} T
 * @param {number} timeoutMs
 * @param {() => Promise<T>} probe
 */
async function poll(timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result.satisfied || Date.now() > deadline) return result;
    await sleep(100);
  }
}

/**
 * The Problems panel's rows: files with their counts, markers with what each row shows.
 * @param {Page} page
 * @returns {Promise<ProblemsSeen>}
 */
function readProblems(page) {
  return page.evaluate(() => {
    const rows = [
      ...document.querySelectorAll(/** @type {'div'} */ ('.markers-panel .monaco-list-row')),
    ].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    /** @type {ProblemsSeen['files']} */
    const files = [];
    /** @type {ProblemsSeen['markers']} */
    const markers = [];
    /** @type {string | undefined} */
    let file;
    /**
     * @param {Element} row
     * @param {string} selector
     */
    const text = (row, selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
    for (const row of rows) {
      if (row.getAttribute('aria-level') === '1') {
        file = text(row, '.label-name') || (row.getAttribute('aria-label') ?? undefined);
        files.push({ file: file ?? null, count: Number(text(row, '.monaco-count-badge')) });
        continue;
      }
      const icon = row.querySelector('.marker-icon');
      const severity = /** @type {const} */ (['error', 'warning', 'info']).find((s) =>
        icon?.classList.contains(s),
      );
      markers.push({
        file,
        severity: severity ?? 'hint',
        message: text(row, '.marker-message'),
        source: text(row, '.marker-source'),
        code: text(row, '.marker-code'),
        line: text(row, '.marker-line'),
      });
    }
    const status = document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
    const visible = !!document.querySelector(/** @type {'div'} */ ('.markers-panel'))?.offsetParent;
    return { files, markers, status, visible };
  });
}

/**
 * Line numbers (1-based) of the active editor's squiggles of one severity.
 * @param {Page} page
 * @param {SeverityName} severity
 * @returns {Promise<(number | null)[]>}
 */
function readSquiggles(page, severity) {
  return page.evaluate((severity) => {
    const editor =
      document.querySelector('.editor-group-container.active .monaco-editor') ??
      document.querySelector('.monaco-editor');
    if (!editor) return [];
    /** @type {Map<string, number>} */
    const numbers = new Map();
    for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
      const line = number.closest(/** @type {'div'} */ ('.margin-view-overlays > div'));
      if (line) numbers.set(line.style.top, Number(number.textContent?.trim()));
    }
    return [...editor.querySelectorAll(`.view-overlays .squiggly-${severity}`)].map((squiggle) => {
      const line = squiggle.closest(/** @type {'div'} */ ('.view-overlays > div'));
      return numbers.get(line?.style.top ?? '') ?? null;
    });
  }, severity);
}

/**
 * @param {Page} page
 * @param {string} id
 * @returns {Promise<StatusItem>}
 */
function statusItem(page, id) {
  return page.evaluate((id) => {
    // Status bar items are "<extension id>.<item id>"; the extension id is not the test's business.
    const element =
      document.getElementById(id) ??
      [...document.querySelectorAll(/** @type {'div'} */ ('.statusbar-item'))].find((e) =>
        e.id.endsWith(`.${id}`),
      );
    if (!element) return { text: '', shown: false };
    const style = getComputedStyle(element);
    const shown =
      style.display !== 'none' && style.visibility !== 'hidden' && !!element.offsetParent;
    return {
      text: element.textContent?.trim() ?? '',
      label: element.getAttribute('aria-label'),
      shown,
    };
  }, id);
}

/**
 * The visible quick input (quick pick or simple file dialog): title, value, focused row.
 * @param {Page} page
 * @returns {Promise<{ title: string, value: string, focused: string } | undefined>}
 */
function quickInput(page) {
  return page.evaluate(() => {
    const widget = [
      ...document.querySelectorAll(/** @type {'div'} */ ('.quick-input-widget')),
    ].find((w) => getComputedStyle(w).display !== 'none' && w.offsetParent !== null);
    if (!widget) return undefined;
    const focused = widget.querySelector('.monaco-list-row.focused');
    return {
      title: widget.querySelector('.quick-input-title')?.textContent?.trim() ?? '',
      value: widget.querySelector('input')?.value ?? '',
      focused: focused?.getAttribute('aria-label') ?? focused?.textContent?.trim() ?? '',
    };
  });
}

/**
 * Makes sure the keyboard types into the active text editor.
 * @param {Page} page
 */
async function focusEditor(page) {
  const inEditor = await page.evaluate(
    () => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor'),
  );
  if (!inEditor) {
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  }
}

/**
 * The code lenses the active editor shows (those in view: VS Code leaves the others as they were
 * until they scroll in), top to bottom, as their text.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
function readLenses(page) {
  return page.evaluate(() => {
    const editor = document.querySelector(
      '.editor-group-container.active .monaco-editor .overflow-guard',
    );
    if (!editor) return [];
    const view = editor.getBoundingClientRect();
    return [...editor.querySelectorAll(/** @type {'div'} */ ('.codelens-decoration'))]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.height > 0 && box.top >= view.top && box.bottom <= view.bottom)
      .sort((a, b) => a.box.top - b.box.top)
      .map(({ element }) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
  });
}

/**
 * The page ops, on `page`; screenshots go to `resultsDir`.
 * @param {{ page: Page, resultsDir: string, log?: (line: string) => void }} options
 * @returns {PageOpHandlers}
 */
export function pageOps({ page, resultsDir, log = () => {} }) {
  /** @param {string} name */
  const screenshot = async (name) => {
    const file = path.join(resultsDir, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  return {
    async problems({ file, count, present = [], absent = [] }, timeoutMs) {
      return poll(timeoutMs, async () => {
        const seen = await readProblems(page);
        const mine = seen.markers.filter((m) => m.file === file);
        const messages = mine.map((m) => m.message);
        const why = !seen.visible
          ? 'the Problems panel is not visible'
          : count !== undefined && mine.length !== count
            ? `${mine.length} rows for ${file}, not ${count}`
            : present.find((m) => !messages.includes(m))
              ? `no row "${present.find((m) => !messages.includes(m))}"`
              : absent.find((m) => messages.includes(m))
                ? `still a row "${absent.find((m) => messages.includes(m))}"`
                : '';
        return { ...seen, satisfied: !why, why };
      });
    },

    async squiggles({ severity = 'warning', line }, timeoutMs) {
      return poll(timeoutMs, async () => {
        const lines = await readSquiggles(page, severity);
        return { count: lines.length, lines, satisfied: lines.includes(line) };
      });
    },

    async statusBar({ id, contains, hidden = false }, timeoutMs) {
      return poll(timeoutMs, async () => {
        const item = await statusItem(page, id);
        const satisfied = hidden ? !item.shown : item.shown && item.text.includes(contains ?? '');
        return { ...item, satisfied };
      });
    },

    /** Accepts the save dialog if one opens; done as soon as the file exists without one. */
    async acceptSaveDialog({ file, fileName }, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (file && fs.existsSync(file)) return { accepted: false };
        const input = await quickInput(page);
        if (input && input.value.endsWith(fileName)) {
          await page.keyboard.press('Enter');
          return { accepted: true, value: input.value };
        }
        await sleep(100);
      }
      throw new Error(`neither a save dialog for ${fileName} nor the saved file appeared`);
    },

    /** Types the snippet prefix in the editor, opens the suggestions and accepts the snippet. */
    async typeSnippet({ prefix, name }, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      await focusEditor(page);
      await page.keyboard.type(prefix, { delay: 30 });
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      for (let attempt = 0; attempt < 3 && !(await widget.isVisible()); attempt++) {
        await page.keyboard.press('Control+Space');
        try {
          await widget.waitFor({ state: 'visible', timeout: 10_000 });
        } catch {
          // Asked again below.
        }
      }
      if (!(await widget.isVisible())) throw new Error('the suggestion list did not open');
      // The snippet's row says its name; move down to it if another row is focused.
      for (let moves = 0; ; moves++) {
        const focused = await page
          .locator('.editor-widget.suggest-widget .monaco-list-row.focused')
          .getAttribute('aria-label', { timeout: 10_000 })
          .catch(() => '');
        if (focused?.includes(name)) {
          await page.keyboard.press('Enter');
          await widget.waitFor({ state: 'hidden', timeout: Math.max(1000, deadline - Date.now()) });
          return { label: focused };
        }
        if (moves > 30 || Date.now() > deadline) {
          throw new Error(`no suggestion "${name}" for "${prefix}" (focused: "${focused}")`);
        }
        await page.keyboard.press('ArrowDown');
      }
    },

    /**
     * Types in the focused editor as a person does: each step types text key by key at its
     * intervals, presses a key, or pauses. Then, if asked, watches the code lenses the editor
     * shows, keeping each change with its time.
     */
    async type({ steps, watchLensesMs = 0 }, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      await focusEditor(page);
      // The editor's input takes the first key after it got the focus as typed at the cursor it
      // had before: give it a moment.
      await sleep(500);
      let keys = 0;
      /** @type {string[]} */
      const suggestions = [];
      const firstKeyAt = Date.now();
      let lastKeyAt = firstKeyAt;
      for (const step of steps) {
        if (Date.now() > deadline) throw new Error(`typing took longer than ${timeoutMs / 1000} s`);
        if ('pauseMs' in step) await sleep(step.pauseMs);
        else if ('press' in step) {
          const widget = page.locator('.editor-widget.suggest-widget.visible');
          if (await widget.isVisible().catch(() => false)) {
            const focused = await widget
              .locator('.monaco-list-row.focused')
              .getAttribute('aria-label', { timeout: 1000 })
              .catch(() => '');
            suggestions.push(`before ${step.press}: ${focused || '(a list, no row focused)'}`);
          }
          await page.keyboard.press(step.press);
          lastKeyAt = Date.now();
          keys++;
        } else {
          for (const character of step.text) {
            if (character === '\n') await page.keyboard.press('Enter');
            else await page.keyboard.type(character);
            lastKeyAt = Date.now();
            keys++;
            if (step.delayMs) await sleep(step.delayMs);
          }
        }
      }
      /** @type {{ at: number, lenses: string[] }[]} */
      const lenses = [];
      const watchUntil = Date.now() + watchLensesMs;
      while (Date.now() < watchUntil) {
        const seen = await readLenses(page);
        const last = lenses[lenses.length - 1];
        if (!last || last.lenses.join('\n') !== seen.join('\n'))
          lenses.push({ at: Date.now(), lenses: seen });
        await sleep(20);
      }
      const suggestOpen = await page
        .locator('.editor-widget.suggest-widget.visible')
        .isVisible()
        .catch(() => false);
      return { keys, firstKeyAt, lastKeyAt, lenses, suggestOpen, suggestions };
    },

    /**
     * Opens the quick-fix menu (Ctrl+.) at the cursor and reads its entries; picks the entry that
     * contains `pick` (Enter on it), else closes the menu with Escape.
     */
    async quickFixMenu({ pick }, timeoutMs) {
      await focusEditor(page);
      const deadline = Date.now() + timeoutMs;
      const rows = page.locator('.action-widget .monaco-list-row');
      /** @type {string[]} */
      let entries = [];
      for (let attempt = 0; Date.now() < deadline; attempt++) {
        if (attempt % 20 === 0) await page.keyboard.press('Control+Period');
        await sleep(250);
        entries = await rows.evaluateAll((elements) =>
          elements
            .filter((element) => !element.classList.contains('group-header'))
            .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
        );
        // Filled in once every provider has answered: the same list twice in a row.
        if (entries.length > 0) {
          await sleep(500);
          const again = await rows.evaluateAll((elements) =>
            elements
              .filter((element) => !element.classList.contains('group-header'))
              .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
          );
          if (again.join('\n') === entries.join('\n')) break;
          entries = again;
        }
      }
      if (entries.length === 0) throw new Error('the quick-fix menu did not open (Ctrl+.)');
      let picked;
      if (pick) {
        picked = entries.find((entry) => entry.includes(pick));
        if (!picked)
          throw new Error(`no entry "${pick}" in the quick-fix menu: ${entries.join(' | ')}`);
        await rows.filter({ hasText: pick }).first().click();
      } else {
        await page.keyboard.press('Escape');
      }
      await page
        .locator('.action-widget')
        .first()
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => {});
      return { entries, picked };
    },

    /** Answers "MLSD: New Design…": the case study in the quick pick, then the save dialog. */
    async newDesign({ title, fileName }, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      /**
       * @param {string} what
       * @param {(input: { title: string, value: string, focused: string }) => boolean} test
       */
      const until = async (what, test) => {
        for (;;) {
          const input = await quickInput(page);
          if (input && test(input)) return input;
          if (Date.now() > deadline) {
            throw new Error(
              `timed out waiting for ${what} (quick input: ${JSON.stringify(input)})`,
            );
          }
          await sleep(100);
        }
      };
      await until('the New Design quick pick', (input) => /New Design/.test(input.title));
      await page.keyboard.type(title, { delay: 20 });
      const pick = await until(`"${title}" to be the focused item`, (input) =>
        input.focused.includes(title),
      );
      await page.keyboard.press('Enter');
      const save = await until(`the save dialog for ${fileName}`, (input) =>
        input.value.endsWith(fileName),
      );
      await page.keyboard.press('Enter');
      return { picked: pick.focused, saved: save.value };
    },

    /**
     * Answers a quick pick titled `title`: types `filter`, presses Enter once the focused row
     * contains `focused`; then, with `input`, types it in the input box that follows and Enter.
     */
    async answerQuickPick({ title, filter, focused, input }, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      /**
       * @param {string} what
       * @param {(input: { title: string, value: string, focused: string }) => boolean} test
       */
      const until = async (what, test) => {
        for (;;) {
          const seen = await quickInput(page);
          if (seen && test(seen)) return seen;
          if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what} (quick input: ${JSON.stringify(seen)})`);
          }
          await sleep(100);
        }
      };
      await until(`the quick pick "${title}"`, (seen) => seen.title.includes(title));
      await page.keyboard.type(filter, { delay: 20 });
      const pick = await until(`"${focused}" to be the focused item`, (seen) =>
        seen.focused.includes(focused),
      );
      await page.keyboard.press('Enter');
      if (input === undefined) return { picked: pick.focused };
      // The input box: same title, the filter gone, no list.
      await until(
        'the input box',
        (seen) => seen.title.includes(title) && !seen.value && !seen.focused,
      );
      await page.keyboard.type(input, { delay: 10 });
      await page.keyboard.press('Enter');
      return { picked: pick.focused };
    },

    /**
     * The images of the Markdown preview (the frame with a `.markdown-body`, or any `img`): each
     * one's `src` and whether it loaded. Satisfied when, for each of `names`, an image whose
     * decoded src ends with it has loaded.
     */
    async previewImages({ names }, timeoutMs) {
      return poll(timeoutMs, async () => {
        /** @type {{ src: string, loaded: boolean }[]} */
        const images = [];
        for (const frame of page.frames()) {
          const seen = await frame
            .evaluate(() =>
              [...document.querySelectorAll('img')].map((img) => ({
                src: img.currentSrc || img.src,
                loaded: img.complete && img.naturalWidth > 0,
              })),
            )
            .catch(() => []);
          images.push(...seen);
        }
        /** @param {string} src */
        const decoded = (src) => {
          try {
            return decodeURIComponent(new URL(src).pathname);
          } catch {
            return src;
          }
        };
        const missing = names.filter(
          (name) => !images.some((image) => image.loaded && decoded(image.src).endsWith(name)),
        );
        return { images, missing, satisfied: missing.length === 0 };
      });
    },

    /** The Markdown preview (a webview) renders `text` as a heading. */
    async previewRendered({ text }, timeoutMs) {
      return poll(timeoutMs, async () => {
        for (const frame of page.frames()) {
          const tag = await frame
            .evaluate(
              (text) =>
                [...document.querySelectorAll('h1, h2, h3')].find(
                  (h) => h.textContent?.trim() === text,
                )?.tagName,
              text,
            )
            .catch(() => undefined);
          if (tag)
            return { satisfied: true, tag: tag.toLowerCase(), frame: frame.url().slice(0, 120) };
        }
        return { satisfied: false, frames: page.frames().length };
      });
    },

    /**
     * A webview's page (the frame whose document has `selector`): the ids of the elements that
     * match, how many data bars (`rect.mlsd-bar[data-value]`) each chart draws, the computed fill of the first
     * bar and the page's Content-Security-Policy. Satisfied when every id of `ids` is there.
     */
    async webviewContent({ selector, ids = [] }, timeoutMs) {
      return poll(timeoutMs, async () => {
        for (const frame of page.frames()) {
          const seen = await frame
            .evaluate((selector) => {
              const found = [...document.querySelectorAll(selector)];
              if (found.length === 0) return undefined;
              const bar = document.querySelector('rect.mlsd-bar');
              return {
                ids: found.map((element) => element.id),
                bars: Object.fromEntries(
                  found.map((element) => [
                    element.id,
                    element.querySelectorAll('rect.mlsd-bar[data-value]').length,
                  ]),
                ),
                titles: found.map((element) => element.querySelector('title')?.textContent ?? ''),
                fill: bar ? getComputedStyle(bar).fill : '',
                csp:
                  document
                    .querySelector('meta[http-equiv="Content-Security-Policy"]')
                    ?.getAttribute('content') ?? '',
                scripts: document.querySelectorAll('script').length,
              };
            }, selector)
            .catch(() => undefined);
          if (seen) {
            return { ...seen, satisfied: ids.every((id) => seen.ids.includes(id)) };
          }
        }
        return { satisfied: false, ids: [], bars: {}, titles: [], fill: '', csp: '', scripts: 0 };
      });
    },

    /**
     * The notifications whose message contains `contains`, in the notification center (which keeps
     * them after their toast has gone): satisfied when there are exactly `count`.
     */
    async notifications({ contains, count }, timeoutMs) {
      return poll(timeoutMs, async () => {
        const messages = await page.evaluate(() =>
          [
            ...document.querySelectorAll('.notifications-center .notification-list-item-message'),
          ].map((element) => element.textContent?.trim() ?? ''),
        );
        const matching = messages.filter((message) => message.includes(contains));
        return { messages, count: matching.length, satisfied: matching.length === count };
      });
    },

    /**
     * Clicks the button `button` of the notification toast whose message contains `contains`
     * (what a user does with "MLSD: Ask Me a Follow-up Question").
     */
    async clickNotificationButton({ contains, button }, timeoutMs) {
      const toast = page
        .locator('.notification-toast-container .notification-list-item', { hasText: contains })
        .first();
      await toast.waitFor({ state: 'visible', timeout: timeoutMs });
      const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
      await toast.locator('.monaco-button', { hasText: button }).first().click();
      return { clicked: true, message: message.trim() };
    },

    /**
     * The rows of the side bar view titled `title` (e.g. the Explorer's "Designs"), top to
     * bottom: label and description. Satisfied when a row's label contains each of `labels`.
     */
    async viewRows({ title, labels, click }, timeoutMs) {
      const answer = await poll(timeoutMs, async () => {
        const rows = await page.evaluate((title) => {
          const pane = [...document.querySelectorAll(/** @type {'div'} */ ('.pane'))].find(
            (p) =>
              p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() ===
              title.toLowerCase(),
          );
          if (!pane) return null;
          return [...pane.querySelectorAll(/** @type {'div'} */ ('.pane-body .monaco-list-row'))]
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
            .map((row) => ({
              label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
              description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
            }));
        }, title);
        const missing = rows
          ? labels.filter((l) => !rows.some((r) => r.label.includes(l)))
          : labels;
        return {
          found: rows !== null,
          rows: rows ?? [],
          satisfied: rows !== null && missing.length === 0,
          why:
            rows === null
              ? `no view titled "${title}"`
              : missing.length
                ? `no row ${missing.join(', ')}`
                : '',
        };
      });
      // Clicks the row as a user does (its label), once the rows are there.
      if (click && answer.satisfied) {
        await page
          .locator('.pane', { has: page.locator('.pane-header .title', { hasText: title }) })
          .locator('.monaco-list-row .label-name', { hasText: click })
          .first()
          .click();
      }
      return answer;
    },

    /** A screenshot, once `waitFor` (a selector, e.g. the code lenses) shows, if it does. */
    async snapshot({ name, waitFor }, timeoutMs) {
      if (waitFor) {
        await page
          .locator(waitFor)
          .first()
          .waitFor({ state: 'visible', timeout: Math.min(timeoutMs, 5000) })
          .catch(() => {});
      }
      return { file: await screenshot(name) };
    },

    /** Not the page's: `mlsd check --format json` of a text, as the file `name` (the checker). */
    async check({ name, text }) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-e2e-check-'));
      try {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return check(file);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    /** Keeps a screenshot of the page as a failing scenario left it. */
    async scenarioEnd({ name, passed }) {
      if (passed) return {};
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60);
      const file = await screenshot(`scenario-${slug}`);
      log(`  screenshot of the failure: ${path.relative(process.cwd(), file)}`);
      return { file };
    },
  };
}
