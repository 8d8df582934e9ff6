// `.mlsd.json` (parsing, finding the nearest) and the CLI's use of it: the framework it names, its
// rules, `--framework`, `mlsd frameworks`, and one message per bad field.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  findProjectConfig,
  parseProjectConfig,
  MAX_CONFIG_CHARS,
  withoutComments,
} from '../../server/src/analysis/projectConfig';
import { runCli } from '../../server/src/cli/run';

const NINE_STEP = fs
  .readFileSync(
    path.join(__dirname, '..', 'fixtures', 'frameworks', 'nine-step-complete.mlsd.md'),
    'utf8',
  )
  .replace(/^---[\s\S]*?---\n/, '');

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-config-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  return runCli(args, {
    cwd,
    stdoutIsTty: false,
    env: {},
    readFile: (file) => fs.readFileSync(file, 'utf8'),
  });
}

describe('.mlsd.json', () => {
  it('reads JSON with comments and trailing commas', () => {
    const { config, problems } = parseProjectConfig(
      '// team\n{ "framework": "nine-step", /* off */ "rules": {"thin-step": "off"}, "frameworks": ["fw/own.json"], }',
      '/w/.mlsd.json',
    );
    assert.deepEqual(problems, []);
    assert.equal(config.framework, 'nine-step');
    assert.deepEqual(config.rules, { MLSD005: 'off' });
    assert.deepEqual(config.frameworks, ['/w/fw/own.json']);
  });

  it('names the file and the field of each bad value, and keeps the good ones', () => {
    const { config, problems } = parseProjectConfig(
      '{"framework": 3, "rules": {"MLSD005": "off", "nope": "off"}, "extra": 1, "problems": "x"}',
      'team/.mlsd.json',
    );
    assert.equal(config.framework, undefined);
    assert.deepEqual(config.rules, { MLSD005: 'off' });
    assert.deepEqual(config.problems, []);
    assert.equal(problems.length, 4);
    for (const problem of problems) assert.match(problem, /^team\/\.mlsd\.json: \w+: /);
  });

  it('gives one message for a file that is not JSON, or too large, and defaults', () => {
    const broken = parseProjectConfig('{"framework": ', 'a/.mlsd.json');
    assert.equal(broken.problems.length, 1);
    assert.match(
      broken.problems[0],
      /^a\/\.mlsd\.json: is not valid JSON \(on line 1\); defaults apply\.$/,
    );
    assert.deepEqual(broken.config.frameworks, []);
    const large = parseProjectConfig(' '.repeat(MAX_CONFIG_CHARS + 1), 'a/.mlsd.json');
    assert.equal(large.problems.length, 1);
  });

  it('finds the nearest config at or above a folder, not above the stop folder', () => {
    const files: Record<string, string> = { '/w/.mlsd.json': 'w', '/w/a/b/.mlsd.json': 'b' };
    const read = (file: string) => files[file];
    assert.equal(findProjectConfig('/w/a/b', '/w', read)?.text, 'b');
    assert.equal(findProjectConfig('/w/a/c/d', '/w', read)?.text, 'w');
    assert.equal(findProjectConfig('/w/a/c', '/w/a', read), undefined);
    assert.equal(findProjectConfig('/x', undefined, read), undefined);
  });
});

describe('mlsd check with frameworks and .mlsd.json', () => {
  it('checks the designs below a .mlsd.json against its framework, with its rules', () => {
    const dir = tempDir({
      '.mlsd.json': '{ "framework": "nine-step", "rules": {"MLSD005": "off"} }',
      'team/a.mlsd.md': NINE_STEP,
    });
    const result = run(['check', '--format', 'json', 'team'], dir);
    assert.equal(result.stderr, '');
    const [report] = JSON.parse(result.stdout);
    assert.equal(report.framework, 'nine-step');
    assert.equal(report.steps.length, 9);
    assert.deepEqual(report.diagnostics, []);
  });

  it('lets front matter win over .mlsd.json, and --framework over both', () => {
    const dir = tempDir({
      '.mlsd.json': '{ "framework": "genai-7" }',
      'a.mlsd.md': `---\nframework: nine-step\n---\n${NINE_STEP}`,
    });
    const json = (args: string[]) => JSON.parse(run([...args, 'a.mlsd.md'], dir).stdout)[0];
    assert.equal(json(['check', '--format', 'json']).framework, 'nine-step');
    const forced = json(['check', '--format', 'json', '--framework', 'aminian-7']);
    assert.equal(forced.framework, 'aminian-7');
    assert.deepEqual(
      forced.steps.map((s: { id: string }) => s.id),
      ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'],
    );
    const unknown = run(['check', '--framework', 'nope', 'a.mlsd.md'], dir);
    assert.equal(unknown.exitCode, 2);
    assert.match(
      unknown.stderr,
      /unknown framework 'nope' \(known: aminian-7, genai-7, nine-step\)/,
    );
  });

  it('names a broken .mlsd.json once and still checks the designs with the defaults', () => {
    const dir = tempDir({
      '.mlsd.json': '{ "framework": ',
      'a.mlsd.md': NINE_STEP,
      'b.mlsd.md': NINE_STEP,
    });
    const result = run(['check', '--format', 'json', '.'], dir);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /\.mlsd\.json: is not valid JSON/);
    const reports = JSON.parse(result.stdout);
    assert.equal(reports.length, 2);
    assert.ok(reports.every((r: { framework: string }) => r.framework === 'aminian-7'));
  });

  it('says in stylish output which framework a design is checked against', () => {
    const dir = tempDir({ 'a.mlsd.md': `---\nframework: nine-step\n---\n${NINE_STEP}` });
    assert.match(
      run(['check', 'a.mlsd.md'], dir).stdout,
      /^a\.mlsd\.md\n {2}9\/9 steps of nine-step · /,
    );
  });

  it('lists the frameworks and case studies and where they come from', () => {
    const own = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', 'server', 'src', 'framework', 'data', 'nine-step.json'),
        'utf8',
      ),
    );
    own.id = 'team-9';
    own.title = 'Our team template';
    delete own.$schema;
    const dir = tempDir({
      '.mlsd.json': '{ "frameworks": ["frameworks/team-9.json"] }',
      'frameworks/team-9.json': JSON.stringify(own),
    });
    const result = run(['frameworks'], dir);
    assert.equal(result.stderr, '');
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /aminian-7 +.*\(built-in, default\)/);
    assert.match(result.stdout, /nine-step +The 9-step ML system design template \(built-in\)/);
    assert.match(result.stdout, /team-9 +Our team template \(frameworks\/team-9\.json\)/);
    assert.match(result.stdout, /visual-search +.*\(built-in\)/);
  });
});

describe('docs/frameworks.md', () => {
  it('has an example framework and case study that load and check a design', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'frameworks.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    assert.equal(blocks.length, 2);
    const config = /```jsonc\n([\s\S]*?)\n```/.exec(doc)![1];
    const dir = tempDir({
      '.mlsd.json': config,
      'team.json': blocks[0],
      'case.json': blocks[1],
      'd.mlsd.md':
        '---\nproblem: feed-ranking\n---\n\n# Feed\n\n## Goal\n\nThe goal is to increase time spent.\n\n## Approach\n\nA two-tower model.\n',
    });
    const result = run(['check', '--format', 'json', 'd.mlsd.md'], dir);
    assert.equal(result.stderr, '');
    const [report] = JSON.parse(result.stdout);
    assert.equal(report.framework, 'team-3');
    assert.equal(report.problem, 'feed-ranking');
    assert.deepEqual(
      report.steps.map((s: { id: string }) => s.id),
      ['goal', 'approach', 'launch'],
    );
    assert.ok(report.diagnostics.some((d: { topic?: string }) => d.topic === 'multi-objective'));
    assert.ok(!report.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'MLSD005'));
    assert.match(
      run(['frameworks'], dir).stdout,
      /team-3 +Our team's 3-step review \(team\.json\)/,
    );
  });

  it('names the file and the field of a bad own framework, and checks with the defaults', () => {
    const dir = tempDir({
      '.mlsd.json': '{ "framework": "mine", "frameworks": ["mine.json"] }',
      'mine.json': '{ "id": "mine", "title": "x", "steps": 3 }',
      'd.mlsd.md': NINE_STEP,
    });
    const result = run(['check', '--format', 'json', 'd.mlsd.md'], dir);
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /mine\.json: \w+: /);
    assert.match(result.stderr, /\.mlsd\.json: framework: unknown framework "mine"/);
    assert.equal(JSON.parse(result.stdout)[0].framework, 'aminian-7');
  });
});

describe('withoutComments', () => {
  it('blanks comments and trailing commas, keeps strings and positions', () => {
    const text =
      '{\n  // a comment\n  "a": "x // not a comment, /* nor this */",\n  /* block\n  */ "b": [1, 2,],\n}';
    const json = withoutComments(text);
    assert.equal(json.length, text.length);
    assert.equal(json.split('\n').length, text.split('\n').length);
    assert.deepEqual(JSON.parse(json), { a: 'x // not a comment, /* nor this */', b: [1, 2] });
    assert.deepEqual(JSON.parse(withoutComments('{"a": "\\"", } // end')), { a: '"' });
  });

  it('says on which line a file stops being JSON', () => {
    const { problems } = parseProjectConfig(
      '{\n  "framework": "nine-step"\n  "rules": {}\n}',
      'c.json',
    );
    assert.deepEqual(problems, ['c.json: is not valid JSON (on line 3); defaults apply.']);
  });
});
