import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/run';
import { allRules } from '../../server/src/rules';

const root = path.join(__dirname, '..', '..');

function run(args: string[], cwd = root, tty = false) {
  return runCli(args, {
    cwd,
    stdoutIsTty: tty,
    env: {},
    readFile: (file) => fs.readFileSync(file, 'utf8'),
  });
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const COMPLETE_ENOUGH = `# Design\n\n## 1. Requirements\nGoal: more engagement.\n`;

describe('mlsd check', () => {
  it('prints the contract JSON for the examples, sorted by path, with every step', () => {
    const result = run(['check', '--format', 'json', 'examples/']);
    assert.equal(result.stderr, '');
    const reports = JSON.parse(result.stdout);
    assert.ok(reports.length >= 5);
    const files = reports.map((r: { file: string }) => r.file);
    assert.deepEqual(files, [...files].sort());
    for (const report of reports) {
      assert.deepEqual(Object.keys(report), [
        'file',
        'framework',
        'problem',
        'summary',
        'steps',
        'diagnostics',
      ]);
      assert.equal(report.framework, 'aminian-7');
      assert.deepEqual(
        report.steps.map((s: { id: string }) => s.id),
        ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'],
      );
      for (const step of report.steps) {
        assert.deepEqual(Object.keys(step), [
          'id',
          'title',
          'line',
          'endLine',
          'heading',
          'topics',
          'written',
          'followUps',
        ]);
        assert.ok(step.followUps.length >= 6, `${step.id}: follow-up questions`);
        for (const question of step.followUps) {
          assert.deepEqual(Object.keys(question), ['id', 'text', 'topics', 'covered']);
        }
        if (step.line === null) {
          assert.equal(step.endLine, null);
          assert.deepEqual(step.topics, []);
        } else {
          assert.ok(step.endLine >= step.line);
          for (const topic of step.topics) {
            assert.equal(typeof topic.covered, 'boolean');
            assert.equal(typeof topic.title, 'string');
            // Evidence sits in the step, or in a step the topic may also be written under (alsoIn).
            if (topic.covered)
              assert.ok(
                report.steps.some(
                  (s: { line: number | null; endLine: number }) =>
                    s.line !== null &&
                    topic.evidence.line >= s.line &&
                    topic.evidence.line <= s.endLine,
                ),
              );
          }
        }
      }
      for (const d of report.diagnostics) {
        assert.match(d.ruleId, /^MLSD\d{3}$/);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
        assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line);
      }
    }
    const incomplete = reports.find((r: { file: string }) => r.file.includes('incomplete'));
    assert.ok(incomplete.diagnostics.some((d: { rule: string }) => d.rule === 'missing-step'));
    assert.equal(result.exitCode, 0, 'warnings alone exit 0 without --max-warnings');
  });

  it('exits 1 over --max-warnings and 0 within it', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH });
    assert.equal(run(['check', '--max-warnings', '0', dir]).exitCode, 1);
    assert.equal(run(['check', '--max-warnings', '100', dir]).exitCode, 0);
  });

  it('exits 1 on an error-severity finding (bad front matter) and still checks the rest', () => {
    const dir = tempDir({
      'bad.mlsd.md': '---\nproblem: nope\n---\n# X\n',
      'good.mlsd.md': COMPLETE_ENOUGH,
    });
    const result = run(['check', '--format', 'json', dir]);
    assert.equal(result.exitCode, 1);
    const reports = JSON.parse(result.stdout);
    assert.equal(reports.length, 2);
    assert.ok(reports[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'MLSD008'));
    const yaml = run([
      'check',
      path.join(tempDir({ 'y.mlsd.md': '---\ntitle: a: b\n---\n# X\n' }), 'y.mlsd.md'),
    ]);
    assert.equal(yaml.exitCode, 1);
    assert.match(
      yaml.stderr,
      /^mlsd: .*y\.mlsd\.md:2: Front matter is not valid YAML: .* The rest of the file was checked\.\n$/,
    );
  });

  it('names an unreadable path and a folder with no designs on stderr, exits 2, checks the rest', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH, 'empty/readme.md': '# nothing' });
    const result = run([
      'check',
      '--format',
      'json',
      path.join(dir, 'missing.mlsd.md'),
      path.join(dir, 'empty'),
      path.join(dir, 'a.mlsd.md'),
    ]);
    assert.equal(result.exitCode, 2);
    assert.match(
      result.stderr,
      /mlsd: cannot read '.*missing\.mlsd\.md': no such file or directory\n/,
    );
    assert.match(result.stderr, /mlsd: no \*\.mlsd\.md files in '.*empty'\n/);
    assert.equal(JSON.parse(result.stdout).length, 1);
  });

  it('skips a file too large to be a design with a message and exit 2, checks the rest', () => {
    const huge = '# Notes\n\n' + 'A pasted log line without any headings at all.\n'.repeat(45_000);
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH, 'huge.mlsd.md': huge });
    const result = run(['check', '--format', 'json', dir]);
    assert.equal(result.exitCode, 2);
    assert.match(
      result.stderr,
      /mlsd: '.*huge\.mlsd\.md' is 2\.1 MB; MLSD checks designs up to 2 MB, so it is not checked\.\n/,
    );
    assert.deepEqual(
      JSON.parse(result.stdout).map((r: { file: string }) => path.basename(r.file)),
      ['a.mlsd.md'],
    );
  });

  it('expands quoted globs and reports usage errors with exit 2', () => {
    const dir = tempDir({ 'x/a.mlsd.md': COMPLETE_ENOUGH, 'x/b.mlsd.md': COMPLETE_ENOUGH });
    const result = run(['check', '--format', 'json', 'x/*.mlsd.md'], dir);
    assert.equal(JSON.parse(result.stdout).length, 2);
    // Hidden folders only when the pattern names them; absolute patterns; a pattern mlsd cannot read.
    const nested = tempDir({
      'd/y/a.mlsd.md': COMPLETE_ENOUGH,
      'd/.drafts/b.mlsd.md': COMPLETE_ENOUGH,
    });
    const files = (args: string[]) =>
      (JSON.parse(run(['check', '--format', 'json', ...args], nested).stdout) as { file: string }[])
        .map((r) => r.file)
        .sort();
    assert.deepEqual(files(['d/**/*.mlsd.md']), ['d/y/a.mlsd.md']);
    assert.deepEqual(files(['d/.drafts/*.mlsd.md']), ['d/.drafts/b.mlsd.md']);
    assert.deepEqual(files([path.join(nested, 'd', '{y,z}', '*.mlsd.md')]), ['d/y/a.mlsd.md']);
    const broken = run(['check', 'd/{y,z/*.mlsd.md'], nested);
    assert.equal(broken.exitCode, 2);
    assert.match(broken.stderr, /the pattern 'd\/\{y,z\/\*\.mlsd\.md' is not used: it has a "\{"/);
    assert.equal(run(['check']).exitCode, 2);
    assert.equal(run(['lint', 'x']).exitCode, 2);
    assert.match(
      run(['check', '--format', 'xml', 'x']).stderr,
      /--format must be one of stylish, json, sarif/,
    );
    assert.equal(run(['--help']).exitCode, 0);
  });

  it('applies a config file and rejects a bad one with exit 2', () => {
    const dir = tempDir({
      'a.mlsd.md': COMPLETE_ENOUGH,
      'off.json': JSON.stringify({ rules: { 'missing-step': 'off', MLSD006: 'off' } }),
      'bad.json': '{"rules": {"nope": "off"}}',
      'broken.json': '{',
    });
    const off = JSON.parse(
      run(['check', '--format', 'json', '--config', 'off.json', 'a.mlsd.md'], dir).stdout,
    );
    assert.ok(
      !off[0].diagnostics.some(
        (d: { ruleId: string }) => d.ruleId === 'MLSD001' || d.ruleId === 'MLSD006',
      ),
    );
    const bad = run(['check', '--config', 'bad.json', 'a.mlsd.md'], dir);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /Unknown rule "nope"/);
    assert.match(
      run(['check', '--config', 'broken.json', 'a.mlsd.md'], dir).stderr,
      /is not valid JSON/,
    );
  });

  it('prints SARIF 2.1.0 with rules and 1-based regions', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH });
    const sarif = JSON.parse(run(['check', '--format', 'sarif', dir], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'mlsd');
    assert.equal(run0.tool.driver.rules.length, allRules.length);
    const result = run0.results[0];
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'a.mlsd.md');
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
  });

  // Issue 18, point 10: the JSON had no summary and no topic titles.
  it('gives each file a summary (required topics of every step, missing ones too) and topic titles', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH });
    const [report] = JSON.parse(run(['check', '--format', 'json', dir], dir).stdout);
    assert.deepEqual(Object.keys(report.summary), [
      'stepsPresent',
      'stepsTotal',
      'requiredTopicsCovered',
      'requiredTopicsTotal',
      'wordsPerStep',
    ]);
    assert.equal(report.summary.stepsPresent, 1);
    assert.equal(report.summary.stepsTotal, 7);
    // Counted over all seven steps, as the status bar does, not only over the one present.
    const presentRequired = report.steps[0].topics.filter(
      (t: { required: boolean }) => t.required,
    ).length;
    assert.ok(report.summary.requiredTopicsTotal > presentRequired);
    assert.ok(report.summary.requiredTopicsCovered >= 1);
    assert.deepEqual(Object.keys(report.summary.wordsPerStep), [
      'requirements',
      'framing',
      'data',
      'model',
      'evaluation',
      'serving',
      'monitoring',
    ]);
    assert.ok(report.summary.wordsPerStep.requirements > 0);
    assert.equal(report.summary.wordsPerStep.data, 0);
    const objective = report.steps[0].topics.find(
      (t: { id: string }) => t.id === 'business-objective',
    );
    assert.equal(objective.title, 'Business objective');
  });

  // Issue 18, point 2: "d daily active use" and "; commen" on wrapped list items.
  it('quotes the evidence on a wrapped list item whole', () => {
    const dir = tempDir({
      'a.mlsd.md':
        '# D\n\n## 1. Requirements\n\n- We expect a\n  lot of daily active users; common\n  sense.\n',
    });
    const [report] = JSON.parse(run(['check', '--format', 'json', dir], dir).stdout);
    const scale = report.steps[0].topics.find((t: { id: string }) => t.id === 'scale');
    assert.deepEqual(scale.evidence, { line: 6, text: 'daily active users' });
  });

  it('gives SARIF rules a helpUri to the rule page and help that does not repeat the description', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH });
    const sarif = JSON.parse(run(['check', '--format', 'sarif', dir], dir).stdout);
    for (const rule of sarif.runs[0].tool.driver.rules) {
      assert.match(rule.helpUri, new RegExp(`^file:///.*docs/rules/${rule.id}\\.md$`));
      assert.ok(fs.existsSync(new URL(rule.helpUri)), rule.helpUri);
      assert.ok(rule.help.text.length > 40, `${rule.id}: ${rule.help.text}`);
      assert.ok(
        !rule.help.text.includes(rule.fullDescription.text),
        `${rule.id} help repeats the description: ${rule.help.text}`,
      );
      assert.match(rule.help.markdown, /\*\*Default severity:\*\*/);
    }
    const missingStep = sarif.runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'MLSD001',
    );
    assert.match(missingStep.help.text, /Fix: The quick fix inserts/);
  });

  it('never says all is well when an error stopped part of the run; counts "1 warning"', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH });
    const missing = run(['check', 'missing.mlsd.md'], dir);
    assert.equal(missing.exitCode, 2);
    assert.doesNotMatch(missing.stdout, /✔|no problems/);
    assert.match(missing.stdout, /^✖ 1 error \(said on stderr\); no design checked\n$/);
    const both = run(['check', '--config', 'nope.json', 'a.mlsd.md'], dir);
    assert.equal(both.exitCode, 2);
    assert.doesNotMatch(both.stdout, /✔/);
    assert.match(both.stdout, /, and 1 error \(said on stderr\)\n$/);

    // One missing step, every other rule off: exactly one warning.
    const steps = ['Requirements', 'Framing', 'Data', 'Model', 'Evaluation', 'Serving'];
    const one = tempDir({
      'a.mlsd.md': ['# D', ...steps.map((s, i) => `## ${i + 1}. ${s}\n\nText.`), ''].join('\n'),
      'only.json': JSON.stringify({
        rules: Object.fromEntries(
          ['MLSD002', 'MLSD003', 'MLSD004', 'MLSD005', 'MLSD006', 'MLSD007', 'MLSD008'].map(
            (id) => [id, 'off'],
          ),
        ),
      }),
    });
    const stylish = run(
      ['check', '--config', 'only.json', '--max-warnings', '0', 'a.mlsd.md'],
      one,
    );
    assert.equal(stylish.exitCode, 1);
    assert.equal(stylish.stderr, 'mlsd: 1 warning, more than --max-warnings 0\n');
    assert.match(stylish.stdout, /✖ 2 problems \(0 errors, 1 warning, 1 info\) in 1 design\n$/);
  });

  it('colours stylish output only on a terminal', () => {
    const dir = tempDir({ 'a.mlsd.md': COMPLETE_ENOUGH });
    const plain = run(['check', dir], dir, false).stdout;
    assert.ok(!plain.includes('\u001b['));
    assert.match(
      plain,
      /^a\.mlsd\.md\n {2}1\/7 steps of aminian-7 · \d+\/\d+ required topics covered\n/,
    );
    assert.match(plain, /MLSD001 missing-step/);
    assert.match(plain, /✖ \d+ problems \(0 errors, \d+ warnings, \d+ info\) in 1 design/);
    assert.ok(run(['check', dir], dir, true).stdout.includes('\u001b['));
  });
});
