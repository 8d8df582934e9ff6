// Where a rule's documentation page is: docs/rules/<ID>.md shipped beside the bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../rules';

let docsDir: string | undefined;

function findDocsDir(): string {
  if (docsDir) return docsDir;
  const candidates = [
    path.join(__dirname, '..', 'docs', 'rules'), // dist/server.js
    path.join(__dirname, '..', '..', '..', 'docs', 'rules'), // server/src/features/*.ts
    path.join(__dirname, '..', '..', 'docs', 'rules'),
  ];
  const page = `${allRules[0].meta.id}.md`;
  docsDir = candidates.find((dir) => fs.existsSync(path.join(dir, page))) ?? candidates[0];
  return docsDir;
}

export function ruleDocsPath(ruleId: string): string {
  return path.join(findDocsDir(), `${ruleId}.md`);
}

export function ruleDocsUri(ruleId: string): string {
  return pathToFileURL(ruleDocsPath(ruleId)).toString();
}
