// Generates snippets/mlsd.code-snippets from the framework data (server/src/framework/data): the full
// design (prefix `mlsd`), one snippet per step (`mlsd-<step id>`) and one per case study
// (`mlsd-<case-study id>`). The output is committed; run `npm run snippets` after changing the data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = path.join(root, 'server', 'src', 'framework', 'data');
export const SNIPPETS_FILE = path.join(root, 'snippets', 'mlsd.code-snippets');
const FRAMEWORK_ID = 'aminian-7';
const LEVELS = ['senior', 'staff', 'mid', 'junior'];

/** Literal text inside a snippet body: `$`, `}` and `\` are escaped. */
export function escapeSnippet(text) {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** One option of a `${1|a,b|}` choice: `,`, `|` and `\` are escaped. */
function escapeChoice(text) {
  return text.replace(/[\\,|]/g, '\\$&');
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function loadData(dataDir = DATA_DIR) {
  const framework = readJson(path.join(dataDir, `${FRAMEWORK_ID}.json`));
  const problemsDir = path.join(dataDir, 'problems');
  const problems = (fs.existsSync(problemsDir) ? fs.readdirSync(problemsDir) : [])
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => readJson(path.join(problemsDir, file)))
    .filter((problem) => (problem.framework ?? FRAMEWORK_ID) === framework.id)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { framework, problems };
}

function templateLines(step) {
  const body = (step.template ?? '').replace(/\r\n?/g, '\n').trim();
  return body ? body.split('\n').map(escapeSnippet) : [];
}

function stepLines(step, number, problem) {
  const lines = [`## ${number}. ${escapeSnippet(step.title)}`, '', ...templateLines(step)];
  for (const topic of problem?.topics?.[step.id] ?? [])
    lines.push(`- ${escapeSnippet(topic.stub)}`);
  lines.push('');
  return lines;
}

function designBody(framework, problems, problem) {
  const title = problem ? escapeSnippet(problem.title) : 'Title';
  const problemLine = problem
    ? `problem: ${problem.id}`
    : `\${2|${['# problem: none', ...problems.map((p) => `problem: ${p.id}`)].map(escapeChoice).join(',')}|}`;
  const lines = [
    '---',
    // Quoted when YAML would read the plain title as something else ("a: b", "#1", "[x]").
    /^[\w(][^#:]*$/.test(title) && !/:\s/.test(title)
      ? `title: \${1:${title}}`
      : `title: "\${1:${title.replace(/"/g, '\\"')}}"`,
    problemLine,
    `level: \${3|${LEVELS.join(',')}|}`,
    `minutes: \${4:${framework.minutes}}`,
    '---',
    '',
    `# \${1:${title}}`,
    '',
  ];
  if (problem?.prompt) lines.push(`> ${escapeSnippet(problem.prompt.trim())}`, '');
  framework.steps.forEach((step, index) => lines.push(...stepLines(step, index + 1, problem)));
  lines.push('## Other talking points', '', '$0');
  return lines;
}

/** The snippets file's text for the given data. */
export function generateSnippets(data = loadData()) {
  const { framework, problems } = data;
  const snippets = {};
  snippets[`MLSD design (${framework.steps.length} steps)`] = {
    prefix: 'mlsd',
    description: `A new design: front matter and all ${framework.steps.length} steps, each with its template.`,
    body: designBody(framework, problems),
  };
  framework.steps.forEach((step, index) => {
    snippets[`MLSD step ${index + 1}: ${step.title}`] = {
      prefix: `mlsd-${step.id}`,
      description: `Step ${index + 1} (${step.title}): ${step.summary ?? ''}`.trim(),
      body: [...stepLines(step, index + 1), '$0'],
    };
  });
  for (const problem of problems) {
    snippets[`MLSD case study: ${problem.title}`] = {
      prefix: `mlsd-${problem.id}`,
      description: `Case study "${problem.title}": ${problem.prompt ?? ''}`.trim(),
      body: designBody(framework, problems, problem),
    };
  }
  return `${JSON.stringify(snippets, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  fs.mkdirSync(path.dirname(SNIPPETS_FILE), { recursive: true });
  fs.writeFileSync(SNIPPETS_FILE, generateSnippets());
  console.log(`Wrote ${path.relative(root, SNIPPETS_FILE)}`);
}
