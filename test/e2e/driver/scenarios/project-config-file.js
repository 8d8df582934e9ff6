// @ts-check
// Editor scenario `project-config-file` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { assert, waitFor } = require('../harness');
const { ruleOf, mlsdDiagnostics } = require('../findings');

/** A design written to the 9-step template, with no front matter to say so. */
const NINE_STEP_DESIGN = [
  '# Restaurant recommendations',
  '',
  '## 1. Problem formulation',
  '',
  'The product goal is to increase orders; a ranking task over restaurants for 20 million users.',
  '',
  '## 2. Metrics (offline and online)',
  '',
  'Offline: nDCG on a held-out week. Online: orders per session decide the launch.',
  '',
  '## 3. Architectural components',
  '',
  'Logs, a feature pipeline, a training pipeline and a prediction service.',
  '',
  '## 4. Data collection and preparation',
  '',
  'Order logs; an impression followed by an order is a positive label.',
  '',
  '## 5. Feature engineering',
  '',
  'Cuisine history, distance and hour of day; restaurant ids get embeddings.',
  '',
  '## 6. Model development and offline evaluation',
  '',
  'Baseline: popularity. A gradient-boosted ranker with binary cross-entropy loss.',
  '',
  '## 7. Prediction service',
  '',
  'Candidates from approximate nearest neighbour search, then ranking within 150 ms.',
  '',
  '## 8. Online testing and deployment',
  '',
  'An A/B test on 5% of users, then a canary release with rollback.',
  '',
  '## 9. Scaling, monitoring and updates',
  '',
  'Autoscaling, monitoring of feature drift, and daily retraining.',
  '',
].join('\n');

/** @param {vscode.Uri} uri @param {string} rule */
const has = (uri, rule) => mlsdDiagnostics(uri).some((d) => ruleOf(d) === rule);

/** @param {vscode.Uri} uri */
const rulesOf = (uri) => JSON.stringify(mlsdDiagnostics(uri).map((d) => ruleOf(d)));

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'project-config-file',
  title:
    'a .mlsd.json switches its folder to another framework and turns a rule off; edits apply without a reload; a broken one is said once',
  async run(ctx) {
    const folder = path.join(ctx.workspace, 'team');
    fs.mkdirSync(folder, { recursive: true });
    ctx.cleanup(() => fs.rmSync(folder, { recursive: true, force: true }));
    const design = path.join(folder, 'plan.mlsd.md');
    fs.writeFileSync(design, NINE_STEP_DESIGN);
    const config = vscode.Uri.file(path.join(folder, '.mlsd.json'));
    /** @param {string} text */
    const writeConfig = (text) => vscode.workspace.fs.writeFile(config, Buffer.from(text, 'utf8'));
    ctx.cleanup(async () => {
      await vscode.commands.executeCommand('notifications.hideList');
      await vscode.commands.executeCommand('notifications.clearAll');
    });

    const uri = vscode.Uri.file(design);
    await ctx.open(uri);
    const reloads = ctx.activations();
    await waitFor(
      'the 9-step design checked against the book: missing requirements and MLSD009',
      () => has(uri, 'MLSD009') && has(uri, 'MLSD001'),
      { describe: () => rulesOf(uri) },
    );
    ctx.note('without a config: checked against aminian-7, MLSD009 says it reads as nine-step');

    await writeConfig(
      '// the team writes to the 9-step template\n{ "framework": "nine-step", "rules": { "thin-step": "off" }, }\n',
    );
    await waitFor(
      'the design checked against nine-step with thin-step off',
      () =>
        !['MLSD001', 'MLSD002', 'MLSD005', 'MLSD009'].some((rule) => has(uri, rule)) &&
        mlsdDiagnostics(uri).length > 0,
      { describe: () => rulesOf(uri) },
    );
    ctx.note('.mlsd.json {framework: nine-step, thin-step off}: no missing step, order or thin');
    const status = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', contains: 'nine-step' });
    if (status.skipped) ctx.skip('status bar (no page)');
    else assert(status.satisfied, () => `status bar: ${JSON.stringify(status)}`);

    await writeConfig('{ "framework": "genai-7" }\n');
    await waitFor(
      'the open design re-checked against genai-7 after the config was edited',
      // MLSD009 now says the headings follow nine-step better than genai-7, the framework used.
      () =>
        mlsdDiagnostics(uri).some(
          (d) => ruleOf(d) === 'MLSD009' && d.message.includes("('genai-7'"),
        ) && has(uri, 'MLSD005'),
      { describe: () => rulesOf(uri) },
    );
    ctx.note('edited to genai-7: checked against it, thin-step back on');

    await writeConfig('{ "framework": ');
    await waitFor(
      'the defaults back with a broken config',
      () =>
        mlsdDiagnostics(uri).some(
          (d) => ruleOf(d) === 'MLSD009' && d.message.includes("('aminian-7'"),
        ),
      { describe: () => rulesOf(uri) },
    );
    assert(ctx.activations() === reloads, 'the window was reloaded');
    await vscode.commands.executeCommand('notifications.showList');
    const said = await ctx.page.ask('notifications', {
      contains: '.mlsd.json: is not valid JSON',
      count: 1,
    });
    if (said.skipped) ctx.skip('notifications (no page)');
    else {
      assert(said.satisfied, () => `${said.count} messages: ${JSON.stringify(said.messages)}`);
      ctx.note('broken config: defaults apply, one message names the file');
    }
  },
};
