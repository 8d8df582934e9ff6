// The rule pages on disk (docs/rules/<ID>.md beside the bundle or the source), for the Node builds.
// Importing this module makes their folder the rule documentation links' target.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setRuleDocsBase } from './features/ruleDocs';
import { allRules } from './rules';

let docsDir: string | undefined;

function findDocsDir(): string {
  if (docsDir) return docsDir;
  const candidates = [
    path.join(__dirname, '..', 'docs', 'rules'), // dist/server.js
    path.join(__dirname, '..', '..', 'docs', 'rules'), // server/src/*.ts
  ];
  const page = `${allRules[0].meta.id}.md`;
  docsDir = candidates.find((dir) => fs.existsSync(path.join(dir, page))) ?? candidates[0];
  return docsDir;
}

export function ruleDocsPath(ruleId: string): string {
  return path.join(findDocsDir(), `${ruleId}.md`);
}

setRuleDocsBase(pathToFileURL(findDocsDir()).toString());
