#!/usr/bin/env node
// @ts-check
// `npm run test:electron`: the same editor scenarios (test/e2e/driver/suite.js) in desktop VS Code
// through @vscode/test-electron, against the packaged mlsd.vsix. For machines that have internet
// (it downloads VS Code into .vscode-test/) or a local VS Code (VSCODE_EXECUTABLE_PATH). There is
// no page here: the checks that need one (Problems panel, status bar text) are reported as not
// checked. Needs a display on Linux (run it under xvfb-run on a server).
// Options: --only quick-fix,restricted (scenario names or parts of them; numbers still work).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { writeExpectations } from './expectations.mjs';
import { DRIVER_DIR, ROOT, VSIX } from './paths.mjs';
import { ENV, FILES, readJson } from '../../test/e2e/driver/protocol.js';

const { values: options } = parseArgs({ options: { only: { type: 'string' } } });

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`\nnpm run test:electron: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests, SilentReporter } =
  await import('@vscode/test-electron');

let executable = process.env.VSCODE_EXECUTABLE_PATH;
if (executable) {
  if (!fs.existsSync(executable)) fail(`VSCODE_EXECUTABLE_PATH=${executable} does not exist.`);
} else {
  console.log('Getting desktop VS Code (cached in .vscode-test/) …');
  try {
    executable = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      timeout: 15_000,
      reporter: new SilentReporter(),
    });
  } catch (error) {
    fail(
      `no desktop VS Code could be had: the download failed (${String(error instanceof Error ? error.message : error).split('\n')[0]}).\n` +
        "This machine has no internet access to VS Code's servers. Set VSCODE_EXECUTABLE_PATH to " +
        'a local VS Code (the "code" executable, e.g. /usr/share/code/code), or run ' +
        '`npm run test:e2e`, which runs the same scenarios in code-server from the npm registry.',
    );
  }
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('desktop VS Code needs a display: run `xvfb-run -a npm run test:electron`.');
}

const packaged = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
if (packaged.status !== 0) fail(`npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);

const run = path.join(ROOT, '.vscode-test', 'mlsd-run');
fs.rmSync(run, { recursive: true, force: true });
const io = path.join(run, 'io');
const workspace = path.join(run, 'workspace');
const userData = path.join(run, 'user-data');
const extensions = path.join(run, 'extensions');
for (const dir of [io, userData, extensions]) fs.mkdirSync(dir, { recursive: true });
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
await writeExpectations(io, workspace);
fs.cpSync(workspace, path.join(io, FILES.pristine), { recursive: true });
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({
    'mlsd.debounceMs': 50,
    'files.simpleDialog.enable': true,
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
  }),
);

// The .vsix users get, installed into this run's own extensions folder.
const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable);
const installed = spawnSync(
  cli,
  [
    ...cliArgs,
    '--extensions-dir',
    extensions,
    '--user-data-dir',
    userData,
    '--install-extension',
    VSIX,
    '--force',
  ],
  { encoding: 'utf8', shell: process.platform === 'win32' },
);
if (installed.status !== 0)
  fail(`installing ${VSIX} failed:\n${installed.stdout}${installed.stderr}`);

/** @type {unknown} */
let error;
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: DRIVER_DIR,
    extensionTestsPath: path.join(DRIVER_DIR, 'electron.js'),
    extensionTestsEnv: {
      [ENV.dir]: io,
      [ENV.mode]: 'electron',
      ...(options.only ? { [ENV.only]: options.only } : {}),
    },
    launchArgs: [
      workspace,
      '--extensions-dir',
      extensions,
      '--user-data-dir',
      userData,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (caught) {
  error = caught;
}

if (!fs.existsSync(path.join(io, FILES.results))) {
  fail(`VS Code ended without results (${error instanceof Error ? error.message : 'no error'}).`);
}
/** @type {import('../../test/e2e/driver/protocol.js').SuiteResults} */
const results = readJson(io, FILES.results);
for (const s of results.scenarios) {
  console.log(`${s.passed ? '✔' : '✘'} ${s.name}: ${s.title} (${(s.ms / 1000).toFixed(1)} s)`);
  if (!s.passed) console.log(`    FAILED: ${s.message}`);
  for (const note of s.notes) console.log(`    - ${note}`);
  if (s.skipped.length) console.log(`    - not checked: ${s.skipped.join(', ')}`);
}
const passed = results.scenarios.filter((s) => s.passed).length;
console.log(`${passed} passed, ${results.scenarios.length - passed} failed`);
process.exitCode = passed === results.scenarios.length && !error ? 0 : 1;
