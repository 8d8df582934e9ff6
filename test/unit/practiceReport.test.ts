// The practice report: its model from an analysis and sessions, the SVG charts, the Markdown and
// HTML renderers, the practice design's text and budgets, `mlsd report`, and the report page
// rendered in headless Chromium (skipped only outside CI when Chromium is not installed).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Nodes as MdNode } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { PracticeSessionRecord } from '../../common/src/practice';
import { isPracticeReportFileName, reportFileName } from '../../common/src/practice';
import { runReportCli } from '../../server/src/cli/reportCommand';
import { collectDesignFiles } from '../../server/src/cli/files';
import { isDesignPath } from '../../server/src/designFiles';
import { builtInRegistry } from '../../server/src/framework/registry';
import { practiceStart } from '../../server/src/features/practiceStart';
import { buildPracticeReport } from '../../server/src/report/model';
import { FIXED_PALETTE, renderBarChart, topicsChart } from '../../server/src/report/charts';
import { renderMarkdownReport } from '../../server/src/report/markdown';
import { renderHtmlReportBody } from '../../server/src/report/html';
import { practiceReport, validSessions } from '../../server/src/report/practiceReport';
import { analyse } from '../helpers/analyse';

const root = path.join(__dirname, '..', '..');
const NEWS = fs.readFileSync(path.join(root, 'examples', 'incomplete-news-feed.mlsd.md'), 'utf8');

const SESSION: PracticeSessionRecord = {
  startedAt: Date.UTC(2026, 11, 1, 9, 0),
  endedAt: Date.UTC(2026, 11, 1, 9, 45),
  minutes: 30,
  caseStudy: 'news-feed',
  stepSeconds: { requirements: 240, data: 900, _other: 60 },
  requiredCovered: 4,
  requiredTotal: 20,
};

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-report-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function report(args: string[], cwd = root) {
  const written: Record<string, string> = {};
  const result = runReportCli(args, {
    cwd,
    stdoutIsTty: false,
    env: {},
    readFile: (file) => fs.readFileSync(file, 'utf8'),
    writeFile: (file, text) => {
      written[file] = text;
    },
  });
  return { ...result, written };
}

describe('practice report model', () => {
  const analysis = analyse(NEWS);

  it('counts required and recommended topics per step, as the status bar does', () => {
    const model = buildPracticeReport(analysis, 'news.mlsd.md');
    assert.equal(model.steps.length, 7);
    assert.equal(
      model.steps.reduce((sum, s) => sum + s.requiredCovered, 0),
      model.requiredCovered,
    );
    for (const step of model.steps) {
      const result = analysis.steps.find((s) => s.step.id === step.id)!;
      assert.equal(step.requiredTotal + step.recommendedTotal, result.topics.length, step.id);
    }
    assert.equal(model.session, undefined);
    assert.equal(model.steps[0].spentMinutes, undefined);
  });

  it('scales budgets to the session, gives minutes spent, and puts every finding under one step or "other"', () => {
    const model = buildPracticeReport(analysis, 'news.mlsd.md', [SESSION]);
    assert.equal(model.minutes, 30);
    const total = model.steps.reduce((sum, s) => sum + s.budgetMinutes, 0);
    assert.ok(Math.abs(total - 30) < 0.5, `budgets add up to ${total}`);
    assert.equal(model.steps.find((s) => s.id === 'data')!.spentMinutes, 15);
    assert.equal(model.steps.find((s) => s.id === 'evaluation')!.spentMinutes, 0);
    assert.equal(model.session!.spentMinutes, 20); // time outside the steps counts in the total
    const placed = model.steps.reduce((sum, s) => sum + s.findings.length, 0);
    assert.equal(placed + model.otherFindings.length, analysis.findings.length);
    const missing = analysis.findings.find((f) => f.rule.id === 'MLSD001');
    assert.ok(missing?.stepId);
    assert.ok(
      model.steps
        .find((s) => s.id === missing.stepId)!
        .findings.some((f) => f.ruleId === 'MLSD001'),
    );
  });

  it('asks follow-up questions only on what is not covered', () => {
    const model = buildPracticeReport(analysis, 'news.mlsd.md');
    const withQuestions = model.steps.filter((s) => s.followUps.length > 0);
    assert.ok(withQuestions.length > 0);
    const complete = buildPracticeReport(
      analyse(fs.readFileSync(path.join(root, 'examples', 'visual-search.mlsd.md'), 'utf8')),
      'v.mlsd.md',
    );
    assert.ok(
      complete.steps.reduce((n, s) => n + s.followUps.length, 0) <
        model.steps.reduce((n, s) => n + s.followUps.length, 0),
    );
  });
});

describe('practice report charts and renderers', () => {
  const model = buildPracticeReport(analyse(NEWS), 'news.mlsd.md', [
    SESSION,
    { ...SESSION, startedAt: SESSION.startedAt + 86_400_000, requiredCovered: 9 },
  ]);

  it('draws an SVG with a title, a description, role="img" and one bar per step and kind', () => {
    const svg = renderBarChart(topicsChart(model, 'c1'));
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    assert.match(svg, /<title id="c1-title">Topics covered per step<\/title>/);
    assert.match(svg, /<desc id="c1-desc">[^<]*Data preparation: \d+ of \d+ required/);
    assert.equal(svg.match(/<rect class="mlsd-bar [^"]*" data-value=/g)?.length, 14);
    assert.doesNotMatch(svg, / fill="/, 'a themed chart writes no colours');
    assert.match(renderBarChart(topicsChart(model), FIXED_PALETTE), / fill="#1a85ff"/);
  });

  it('escapes text taken from the design', () => {
    const evil = buildPracticeReport(
      analyse('# <script>alert(1)</script> & "x"\n\n## 1. Requirements\nGoal.\n'),
      'e.mlsd.md',
    );
    const html = renderHtmlReportBody(evil);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /<h1>Practice report: [^<]*&amp;/);
    assert.doesNotMatch(renderMarkdownReport(evil, { mode: 'inline' }).markdown, /<script>/);
  });

  it('saves Markdown with its three charts as SVG files beside it, and a data table for each', () => {
    const { markdown, charts } = renderMarkdownReport(model, {
      mode: 'files',
      baseName: 'x.mlsd.report',
    });
    assert.deepEqual(Object.keys(charts).sort(), [
      'x.mlsd.report.minutes.svg',
      'x.mlsd.report.progress.svg',
      'x.mlsd.report.topics.svg',
    ]);
    for (const name of Object.keys(charts)) assert.ok(markdown.includes(`](${name})`), name);
    assert.match(markdown, /\| Step \| Spent \(min\) \| Budget \(min\) \|/);
    assert.match(markdown, /\| #2 2026-12-02 09:00 \| 9\/20 \| 20 \/ 30 \|/);
    for (const svg of Object.values(charts)) assert.match(svg, /fill="#/);
  });

  it('puts the charts inline for the CLI, with ids unique on a page', () => {
    const a = renderHtmlReportBody(model, 'mlsd-1');
    assert.equal(a.match(/<svg /g)?.length, 3);
    assert.match(a, /id="mlsd-1-minutes-chart"/);
    assert.match(renderMarkdownReport(model, { mode: 'inline' }).markdown, /\n<svg [^\n]*\n<title/);
  });

  it('answers mlsd/practiceReport and drops malformed session records', () => {
    assert.deepEqual(
      validSessions([
        SESSION,
        null,
        { ...SESSION, minutes: 'x' },
        { ...SESSION, stepSeconds: { a: NaN } },
      ]),
      [SESSION],
    );
    assert.deepEqual(validSessions('nope'), []);
    const result = practiceReport(analyse(NEWS), 'n.mlsd.md', {
      sessions: [SESSION],
      chartBaseName: '../n.mlsd.report',
    });
    assert.ok(Object.keys(result.charts).every((name) => !name.includes('/')));
    assert.match(result.html, /mlsd-minutes-chart/);
  });

  it('saved beside the design, the Markdown’s image links resolve to its SVG files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-report-links-'));
    try {
      // What a file name may hold that a link destination reads otherwise: spaces, `#` and `?`
      // (fragment, query), a lone parenthesis, `%`, `<>`, non-ASCII.
      for (const design of [
        'news.mlsd.md',
        'my design (v2).mlsd.md',
        'q#1?.mlsd.md',
        'a)b.mlsd.md',
        '100%.mlsd.md',
        'naïve <draft>.mlsd.md',
      ]) {
        const result = practiceReport(analyse(NEWS), design, {
          sessions: [SESSION, SESSION],
          chartBaseName: reportFileName(design).replace(/\.md$/, ''),
        });
        // As the client saves them (client/src/practice/report.ts).
        for (const [name, svg] of Object.entries(result.charts)) {
          fs.writeFileSync(path.join(dir, name), svg);
        }
        const reportFile = path.join(dir, reportFileName(design));
        fs.writeFileSync(reportFile, result.markdown);
        // The images as a Markdown renderer reads them, resolved against the report's own URL.
        const images: string[] = [];
        visit(fromMarkdown(result.markdown), (node) => {
          if (node.type === 'image') images.push(node.url);
        });
        assert.equal(images.length, 3, `${design}: ${images.length} images`);
        const linked = images.map((url) => fileURLToPath(new URL(url, pathToFileURL(reportFile))));
        assert.deepEqual(
          linked.sort(),
          Object.keys(result.charts)
            .map((name) => path.join(dir, name))
            .sort(),
          design,
        );
        for (const file of linked) assert.match(fs.readFileSync(file, 'utf8'), /^<svg /);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function visit(node: MdNode, each: (node: MdNode) => void): void {
  each(node);
  if ('children' in node) for (const child of node.children) visit(child as MdNode, each);
}

describe('practice designs and report files', () => {
  it('starts a practice design with the interviewer’s prompt, the length and the scaled budgets', () => {
    const registry = builtInRegistry();
    const started = practiceStart(registry, { caseStudy: 'news-feed', minutes: 30 });
    assert.equal(started.fileName, 'news-feed.mlsd.md');
    assert.match(started.content, /^minutes: 30$/m);
    const prompt = registry.caseStudies.get('news-feed')!.data.opening!.statement;
    assert.ok(started.content.includes(`> **Interviewer:** ${prompt} You have 30 minutes`));
    assert.equal(
      started.steps.reduce((sum, s) => sum + s.budgetSeconds, 0),
      30 * 60,
    );
    const own = practiceStart(registry, { prompt: '  Design  a spam filter. ', minutes: 1000 });
    assert.match(own.content, /> \*\*Interviewer:\*\* Design a spam filter\. You have 180 minutes/);
    assert.equal(own.fileName, 'practice.mlsd.md');
    const analysis = analyse(started.content);
    assert.equal(analysis.minutes, 30);
  });

  it('names the report beside the design and never checks it as a design', () => {
    assert.equal(reportFileName('x.mlsd.md'), 'x.mlsd.report.md');
    assert.equal(reportFileName('notes.md'), 'notes.report.md');
    assert.ok(isPracticeReportFileName('/a/x.mlsd.report.md'));
    assert.equal(isDesignPath('/a/x.mlsd.report.md', ['**/*.md']), false);
    assert.equal(isDesignPath('/a/x.mlsd.md'), true);
    const dir = tempDir({ 'x.mlsd.md': '# X\n', 'x.mlsd.report.md': '# Practice report\n' });
    assert.deepEqual(
      collectDesignFiles(['*.md'], dir).files.map((f) => path.basename(f)),
      ['x.mlsd.md'],
    );
    assert.deepEqual(
      collectDesignFiles([dir]).files.map((f) => path.basename(f)),
      ['x.mlsd.md'],
    );
  });
});

describe('mlsd report', () => {
  it('prints Markdown with inline SVG by default', () => {
    const result = report(['report', 'examples/visual-search.mlsd.md'].slice(1));
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^# Practice report: Visual search system/);
    assert.match(result.stdout, /<svg [^>]*id="mlsd-topics-chart"/);
  });

  it('writes one HTML page for a folder with -o, and JSON of every design', () => {
    const html = report(['examples/', '--format', 'html', '-o', '/tmp/out.html']);
    assert.equal(html.exitCode, 0, html.stderr);
    assert.equal(html.stdout, '');
    const page = html.written['/tmp/out.html'];
    assert.equal(page.match(/<article class="mlsd-report"/g)?.length, 5);
    assert.match(page, /default-src 'none'/);
    const json = JSON.parse(report(['examples/', '--format=json']).stdout);
    assert.equal(json.length, 5);
    assert.ok(json.every((r: { steps: unknown[] }) => r.steps.length === 7));
  });

  it('says what is wrong with its arguments (exit 2)', () => {
    assert.equal(report([]).exitCode, 2);
    assert.match(report(['--format', 'pdf', 'x']).stderr, /--format must be one of md, html, json/);
    assert.match(report(['-o']).stderr, /-o needs a file name/);
    assert.match(report(['nope.mlsd.md']).stderr, /cannot read 'nope\.mlsd\.md'/);
    assert.equal(report(['--help']).exitCode, 0);
  });

  it('renders in headless Chromium with every chart drawn', async function () {
    const chromium = process.env.MLSD_E2E_CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(chromium)) {
      if (process.env.CI) assert.fail(`Chromium is missing (${chromium}): CI must have it`);
      this.skip();
    }
    this.timeout(120_000);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-r-')), 'r.html');
    const result = runReportCli(['examples/', '--format', 'html', '-o', out], {
      cwd: root,
      stdoutIsTty: false,
      env: {},
      readFile: (file) => fs.readFileSync(file, 'utf8'),
      writeFile: (file, text) => fs.writeFileSync(file, text),
    });
    assert.equal(result.exitCode, 0, result.stderr);
    const { chromium: launcher } = await import('playwright-core');
    const browser = await launcher.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`file://${out}`);
      // Runs in the page (a string: this test is compiled without the DOM's types).
      const seen = (await page.evaluate(`(() => {
        const charts = [...document.querySelectorAll('svg.mlsd-chart')];
        return {
          charts: charts.length,
          titles: charts.map((c) => c.querySelector('title')?.textContent ?? ''),
          bars: charts.map((c) => c.querySelectorAll('rect.mlsd-bar[data-value]').length),
          drawn: charts.every((c) => c.getBoundingClientRect().width > 100),
          fill: getComputedStyle(document.querySelector('rect.mlsd-bar')).fill,
        };
      })()`)) as { charts: number; titles: string[]; bars: number[]; drawn: boolean; fill: string };
      assert.equal(seen.charts, 5, 'one topics chart per example');
      assert.ok(seen.titles.every((t) => t === 'Topics covered per step'));
      assert.ok(
        seen.bars.every((n) => n === 14),
        `bars per chart: ${seen.bars.join(', ')}`,
      );
      assert.ok(seen.drawn, 'a chart has no size on the page');
      assert.equal(seen.fill, 'rgb(26, 133, 255)');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
