#!/usr/bin/env node
// Thin launcher so `npx mlsd` runs the bundled checker.
require('../dist/cli.js');
