#!/usr/bin/env node
// @ts-check
// `npm run test:web:vscode`: the web build in VS Code for the Web, through @vscode/test-web, which
// downloads VS Code (so it needs the internet: not part of `npm test`, which runs
// scripts/web/check.mjs). Builds, then opens examples/ in a browser with mlsd as a web extension
// (package.json `browser`); the designs show the same findings as `mlsd check examples/`.
// Extra arguments go to @vscode/test-web (e.g. --headless, --browser=firefox).
import { spawnSync } from 'node:child_process';
import { ROOT } from '../e2e/paths.mjs';

const run = (/** @type {string} */ command, /** @type {string[]} */ args) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

let status = run('npm', ['run', '-s', 'build']);
if (status === 0) {
  status = run('npx', [
    '--yes',
    '@vscode/test-web',
    '--browserType=chromium',
    `--extensionDevelopmentPath=${ROOT}`,
    ...process.argv.slice(2),
    'examples',
  ]);
}
process.exitCode = status;
