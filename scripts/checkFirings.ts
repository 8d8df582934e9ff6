// Prints every firing of the design checks (rules MLSD100 and up) over folders of designs, with
// the sentence that triggered it, so a person can read each one and count it right or wrong; then
// per check: firings, designs fired on, and the share of designs the most frequent check reaches.
//
//   npx tsx scripts/checkFirings.ts ../shared/corpus/docs examples [--problems] [--rule MLSD102]
//
// --problems: where a folder's parent holds labels-*.json (the development corpus), the labelled
// case study is passed as front matter `problem:` (in memory only; the files are never changed),
// to see the case-study-aware checks at work.
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../server/src/dataFiles';
import { analyseDesign } from '../server/src/analysis/analyse';
import { allRules } from '../server/src/rules';

const args = process.argv.slice(2);
const withProblems = args.includes('--problems');
const ruleFilter = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
const folders = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rule');
if (folders.length === 0) {
  console.error('usage: tsx scripts/checkFirings.ts <folder>... [--problems] [--rule MLSD1xx]');
  process.exit(2);
}

const checks = allRules.filter((r) => Number(r.meta.id.slice(4)) >= 100);
const fired = new Map<string, { firings: number; designs: Set<string> }>(
  checks.map((r) => [r.meta.id, { firings: 0, designs: new Set() }]),
);
const designs: string[] = [];

for (const folder of folders) {
  if (!fs.existsSync(folder)) {
    console.error(`skipped ${folder}: not found`);
    continue;
  }
  const problems = withProblems ? labelledProblems(path.dirname(path.resolve(folder))) : new Map();
  for (const name of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.mlsd.md'))
    .sort()) {
    const file = path.join(folder, name);
    let text = fs.readFileSync(file, 'utf8');
    const problem = problems.get(name);
    if (problem && !/^---\r?\n/.test(text)) text = `---\nproblem: ${problem}\n---\n${text}`;
    const shift = problem && text.startsWith('---\nproblem:') ? 3 : 0;
    designs.push(file);
    const analysis = analyseDesign(text);
    for (const finding of analysis.findings) {
      const stats = fired.get(finding.rule.id);
      if (!stats || (ruleFilter && finding.rule.id !== ruleFilter)) continue;
      stats.firings++;
      stats.designs.add(file);
      const { start, end } = finding.range;
      const lines = text.split(/\r\n|\r|\n/);
      const quoted =
        start.line === end.line
          ? lines[start.line].slice(start.character, end.character)
          : [
              lines[start.line].slice(start.character),
              ...lines.slice(start.line + 1, end.line),
              lines[end.line].slice(0, end.character),
            ].join(' ');
      console.log(
        `${file}:${start.line + 1 - shift} ${finding.rule.id} ${finding.rule.name}${problem ? ` [${problem}]` : ''}\n    “${quoted.trim().slice(0, 300)}”`,
      );
    }
  }
}

console.log('\ncheck | firings | designs');
let top = { id: '', designs: 0 };
for (const rule of checks) {
  const stats = fired.get(rule.meta.id)!;
  console.log(`${rule.meta.id} ${rule.meta.name} | ${stats.firings} | ${stats.designs.size}`);
  if (stats.designs.size > top.designs) top = { id: rule.meta.id, designs: stats.designs.size };
}
const any = new Set([...fired.values()].flatMap((s) => [...s.designs]));
console.log(
  `\n${designs.length} designs; ${any.size} with at least one firing; most frequent check ${top.id} on ${top.designs} (${designs.length ? Math.round((100 * top.designs) / designs.length) : 0} %)`,
);

/** File name -> labelled case study, from labels-*.json beside the documents' folder. */
function labelledProblems(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((f) => /^labels-.*\.json$/.test(f))) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as
      Record<string, { problem?: string | null }> | { file: string; problem?: string | null }[];
    const entries = Array.isArray(data)
      ? data.map((d) => [d.file, d] as const)
      : Object.entries(data);
    for (const [file, label] of entries) if (label.problem) result.set(file, label.problem);
  }
  return result;
}
