// Issue 18, points 3, 4, 6 and 8: one definition of the numbers everywhere, a quiet fresh
// template, thin judged on substance, and front matter that changes what is expected.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/analysis/analyse';
import { formatStylish } from '../../server/src/cli/formatters';
import { toFileReport } from '../../server/src/cli/report';
import { applyEdits } from '../../server/src/core/applyEdits';
import type { Finding } from '../../server/src/core/findings';
import { codeLenses } from '../../server/src/features/codeLens';
import { coverageOf } from '../../server/src/features/coverageSummary';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { stepHover } from '../../server/src/features/hover';
import { templates } from '../../server/src/features/templates';
import { analyse, findingsOf, lines } from '../helpers/analyse';

/** What the Problems panel lists: errors, warnings and information (hints are not listed). */
const problems = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'hint');

describe('issue 18: the first hour of a candidate', () => {
  describe('point 3: one definition of the numbers', () => {
    it('counts a step of template placeholders only as not written, the same in CLI summary, JSON, coverage, lenses and hover', () => {
      const [blank] = templates(new Analyzer().registry);
      const analysis = analyse(blank.content);
      const report = toFileReport('x.mlsd.md', analysis);
      const coverage = coverageOf(analysis);
      assert.equal(report.summary.stepsPresent, 0);
      assert.equal(coverage.stepsPresent, 0);
      assert.ok(report.steps.every((s) => s.line !== null && !s.written));
      assert.ok(coverage.steps.every((s) => s.present && !s.written));
      assert.equal(report.summary.requiredTopicsCovered, 0);
      assert.equal(report.summary.requiredTopicsTotal, coverage.requiredTotal);
      assert.ok(codeLenses(analysis).every((l) => /not yet written/.test(l.command!.title)));
      assert.match(stepHover(analysis, analysis.steps[0]), /Not yet written/);
      assert.equal(documentSymbols(analysis).filter((s) => /^\d\./.test(s.name)).length, 7);
      assert.ok(
        documentSymbols(analysis)
          .filter((s) => /^\d\./.test(s.name))
          .every((s) => /not yet written/.test(s.detail ?? '')),
      );
    });

    it('gives the same step and topic counts in the CLI summary, the status bar and per-step lenses on the news-feed example', () => {
      const text = readFileSync(path.join('examples', 'incomplete-news-feed.mlsd.md'), 'utf8');
      const analysis = analyse(text);
      const { summary } = toFileReport('x', analysis);
      const coverage = coverageOf(analysis);
      assert.deepEqual(
        [
          summary.stepsPresent,
          summary.stepsTotal,
          summary.requiredTopicsCovered,
          summary.requiredTopicsTotal,
        ],
        [
          coverage.stepsPresent,
          coverage.stepsTotal,
          coverage.requiredCovered,
          coverage.requiredTotal,
        ],
      );
      // The lenses of the written steps and the missing steps' topics add up to the same total.
      const lensTotals = codeLenses(analysis)
        .map((l) => /(\d+)\/(\d+) required topics/.exec(l.command!.title))
        .filter((m): m is RegExpExecArray => m !== null)
        .reduce((sum, m) => sum + Number(m[2]), 0);
      const missingStepsTopics = coverage.steps
        .filter((s) => !s.present)
        .reduce((sum, s) => sum + s.requiredTotal, 0);
      assert.equal(lensTotals + missingStepsTopics, summary.requiredTopicsTotal);
    });
  });

  describe('point 4: a fresh template shows what to do next', () => {
    const analyzer = new Analyzer();
    for (const template of templates(analyzer.registry)) {
      it(`New Design '${template.id}' gives at most one Problems entry per step (an empty step), and placeholders as hints`, () => {
        const analysis = analyzer.analyse(template.content);
        const listed = problems(analysis.findings);
        assert.ok(listed.length <= analysis.framework.steps.length, `${listed.length} problems`);
        assert.deepEqual([...new Set(listed.map((f) => f.rule.name))], ['empty-step']);
        const hints = findingsOf(analysis, 'placeholder');
        assert.ok(hints.length > 0 && hints.every((f) => f.severity === 'hint'));
      });
    }

    it('the CLI summary line counts what the Problems panel lists and the hints apart', () => {
      const [blank] = templates(analyzer.registry);
      const line = formatStylish([toFileReport('new.mlsd.md', analyzer.analyse(blank.content))], {
        enabled: false,
      })
        .trim()
        .split('\n')
        .pop()!;
      assert.match(
        line,
        /^✖ 7 problems \(0 errors, 7 warnings, 0 info\) and \d+ hints in 1 design$/,
      );
    });

    it('Fix All on the news-feed example leaves no more problems than before', () => {
      const text = readFileSync(path.join('examples', 'incomplete-news-feed.mlsd.md'), 'utf8');
      const before = analyzer.analyse(text);
      const fix = before.fixAll();
      assert.ok(fix, 'fix-all is offered');
      const after = analyzer.analyse(applyEdits(text, fix.edits));
      assert.ok(
        problems(after.findings).length <= problems(before.findings).length,
        `${problems(before.findings).length} before, ${problems(after.findings).length} after`,
      );
    });
  });

  describe('point 6: thin means little substance', () => {
    const metrics = lines(
      '## 5. Evaluation',
      '',
      'Offline: recall@k, precision@k, mAP, nDCG. Online: A/B test on watch time, CTR and daily active users.',
    );

    it('does not call a dense 20-odd-word metrics section thin', () => {
      const analysis = analyse(metrics);
      const evaluation = analysis.steps.find((s) => s.step.id === 'evaluation')!;
      assert.ok(evaluation.words < evaluation.thinWords, `${evaluation.words} words`);
      assert.ok(evaluation.terms >= 4, `${evaluation.terms} terms`);
      assert.deepEqual(findingsOf(analysis, 'thin-step'), []);
    });

    it('still calls a short section with no terms or topics thin', () => {
      const analysis = analyse(
        lines('## 5. Evaluation', '', 'We will check that it works well for people.'),
      );
      assert.equal(findingsOf(analysis, 'thin-step').length, 1);
    });
  });

  describe('point 8: front matter that changes what is expected', () => {
    const body = lines(
      '## 1. Clarifying requirements',
      '',
      'The business objective is engagement for 100 million daily users; latency under 200 ms.',
    );
    const withFront = (front: string) => `---\n${front}\n---\n\n${body}`;

    it('scales the step budgets by minutes in the hover, the lenses and the thin-step message', () => {
      const analysis = analyse(withFront('minutes: 90'));
      const step = analysis.steps[0];
      assert.equal(step.minutes, 10);
      assert.match(stepHover(analysis, step), /about 10 of 90 minutes/);
      assert.ok(codeLenses(analysis).some((l) => /10 min/.test(l.command!.title)));
      assert.match(findingsOf(analysis, 'thin-step')[0].message, /about 10 minutes/);
      assert.match(stepHover(analyse(body), analyse(body).steps[0]), /about 5 of 45 minutes/);
    });

    it('scales the thin threshold by level', () => {
      const [junior, none, staff] = ['level: junior', 'title: x', 'level: staff'].map(
        (front) => analyse(withFront(front)).steps[0].thinWords,
      );
      assert.ok(junior < none && none < staff, `${junior} ${none} ${staff}`);
    });

    it('makes recommended topics required at senior and staff', () => {
      const required = (front: string) =>
        analyse(withFront(front))
          .steps.flatMap((s) => s.topics)
          .filter((t) => t.topic.required)
          .map((t) => t.topic.id);
      const mid = required('level: mid');
      const senior = required('level: senior');
      const staff = required('level: staff');
      assert.ok(
        !mid.includes('baseline') && senior.includes('baseline') && staff.includes('baseline'),
      );
      assert.ok(!senior.includes('infrastructure') && staff.includes('infrastructure'));
      assert.deepEqual(required('title: x'), mid);
    });

    it('offers to add problem: when the title names a case study, and the fix adds it', () => {
      const text = withFront('title: YouTube video recommendations');
      const [finding] = findingsOf(analyse(text), 'front-matter');
      assert.equal(finding.severity, 'info');
      assert.match(finding.message, /problem: video-recommendation/);
      const fixed = applyEdits(text, finding.fixes![0].edits);
      assert.match(
        fixed,
        /^---\ntitle: YouTube video recommendations\nproblem: video-recommendation\n---/,
      );
      const after = analyse(fixed);
      assert.equal(after.caseStudy?.id, 'video-recommendation');
      assert.deepEqual(findingsOf(after, 'front-matter'), []);
      // No front matter: the first heading names it, and the fix writes a front matter.
      const bare = '# Design: visual search system\n\nNotes.\n';
      const [named] = findingsOf(analyse(bare), 'front-matter');
      assert.match(
        applyEdits(bare, named.fixes![0].edits),
        /^---\nproblem: visual-search\n---\n\n# Design/,
      );
      assert.deepEqual(findingsOf(analyse(withFront('title: My practice')), 'front-matter'), []);
      const tie = withFront('title: Video search and video recommendation');
      assert.deepEqual(findingsOf(analyse(tie), 'front-matter'), []);
    });

    it('requires cold start for the recommendation case studies', () => {
      const analyzer = new Analyzer();
      for (const id of ['video-recommendation', 'event-recommendation', 'similar-listings']) {
        const caseStudy = analyzer.registry.caseStudies.get(id)!;
        const topics = [...caseStudy.topicsByStep.values()].flat();
        assert.ok(
          topics.some((t) => /cold-start/.test(t.id) && t.required),
          `${id} requires cold start`,
        );
      }
    });
  });
});
