// The Designs view's data: each design's summary (counted as the status bar counts), the order
// (what needs work first) and the wording of a row; and the workspace checker's queue, with a
// design source in memory.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compareByNeed,
  lastPracticeByUri,
  practisedAgo,
  rowDescription,
  sortByNeed,
  type DesignRow,
} from '../../client/src/designOrder';
import type { DesignSummary } from '../../common/src/protocol';
import { designSummary } from '../../server/src/features/designSummary';
import { coverageOf } from '../../server/src/features/coverageSummary';
import type { DesignSource } from '../../server/src/workspace/designSource';
import { WorkspaceChecker, type CheckResult } from '../../server/src/workspace/workspaceChecker';
import { analyse } from '../helpers/analyse';
import { WatchKind } from 'vscode-languageserver';
import { designWatchers } from '../../server/src/workspaceWiring';

function row(name: string, covered: number, total: number, steps = 3, lastPractice?: number) {
  return {
    uri: `file:///w/${name}.mlsd.md`,
    stepsPresent: steps,
    stepsTotal: 7,
    requiredCovered: covered,
    requiredTotal: total,
    problems: 0,
    open: false,
    lastPractice,
  } satisfies DesignRow;
}

describe('Designs view: summaries and order', () => {
  it("a design's summary counts what the status bar counts, with its case study", () => {
    const text = fs.readFileSync(
      path.join(__dirname, '..', '..', 'examples', 'incomplete-news-feed.mlsd.md'),
      'utf8',
    );
    const analysis = analyse(text);
    const summary = designSummary('file:///w/feed.mlsd.md', analysis, true);
    const coverage = coverageOf(analysis);
    assert.equal(summary.stepsPresent, coverage.stepsPresent);
    assert.equal(summary.stepsTotal, coverage.stepsTotal);
    assert.equal(summary.requiredCovered, coverage.requiredCovered);
    assert.equal(summary.requiredTotal, coverage.requiredTotal);
    assert.equal(summary.caseStudy?.id, 'news-feed');
    assert.equal(summary.open, true);
    assert.equal(
      summary.problems,
      analysis.findings.filter((f) => f.severity !== 'hint').length,
      'hints are not in the Problems panel',
    );
    assert.ok(summary.problems > 0);
  });

  it('puts the fewest required topics covered first, then fewer steps, then practised longest ago', () => {
    const rows = [
      row('done', 17, 17),
      row('half', 8, 16),
      row('little', 2, 17),
      row('little-more-steps', 2, 17, 5),
      row('little-fewer-steps', 2, 17, 1),
      row('practised-recently', 8, 16, 3, 2_000),
      row('practised-long-ago', 8, 16, 3, 1_000),
      row('empty', 0, 0),
    ];
    assert.deepEqual(
      sortByNeed(rows).map((r) => r.uri.replace('file:///w/', '').replace('.mlsd.md', '')),
      [
        'empty',
        'little-fewer-steps',
        'little',
        'little-more-steps',
        'half',
        'practised-long-ago',
        'practised-recently',
        'done',
      ],
    );
    // A share, not a count: 8 of 10 needs less work than 9 of 20.
    assert.ok(compareByNeed(row('a', 9, 20), row('b', 8, 10)) < 0);
    // Same numbers: by name, so the order is stable.
    assert.ok(compareByNeed(row('a', 1, 2), row('b', 1, 2)) < 0);
  });

  it("reads each design's last practice time from the practice sessions (max endedAt)", () => {
    const session = (endedAt: unknown) => ({ startedAt: 0, endedAt, minutes: 45, stepSeconds: {} });
    const times = lastPracticeByUri(
      {
        'file:///w/a.mlsd.md': [session(3_000), session(9_000), session(5_000)],
        'file:///w/b.mlsd.md': [],
        'file:///w/c.mlsd.md': 'not a list',
        'file:///w/d.mlsd.md': [null, session('soon'), session(7_000)],
      },
      (uri) => uri.toUpperCase(),
    );
    assert.deepEqual(
      [...times],
      [
        ['FILE:///W/A.MLSD.MD', 9_000],
        ['FILE:///W/D.MLSD.MD', 7_000],
      ],
    );
    assert.equal(lastPracticeByUri(undefined, (u) => u).size, 0);
    assert.equal(lastPracticeByUri(42, (u) => u).size, 0);
  });

  it('describes a row with steps, topics and the last practice ("never" without one)', () => {
    const now = Date.UTC(2026, 0, 10, 12);
    assert.equal(
      rowDescription(row('a', 11, 17, 5), now),
      '5/7 steps · 11/17 topics · practised never',
    );
    assert.equal(practisedAgo(now - 2 * 86_400_000, now), '2 days ago');
    assert.equal(practisedAgo(now - 3 * 3_600_000, now), '3 hours ago');
    assert.equal(practisedAgo(now - 1 * 3_600_000, now), '1 hour ago');
    assert.equal(practisedAgo(now - 5 * 60_000, now), '5 min ago');
    assert.equal(practisedAgo(now, now), 'just now');
    assert.equal(practisedAgo(undefined, now), 'never');
    assert.equal(rowDescription({ ...row('big', 0, 0), stepsTotal: 0 }, now), 'too large to check');
  });
});

/** Designs in memory, as the checker's only way to the disk. */
function memorySource(files: Map<string, string>): DesignSource {
  return {
    pathOf: (uri) => uri.replace('file://', ''),
    list: async (folder, accept) =>
      [...files.keys()].filter((uri) => uri.startsWith(`${folder}/`) && accept(uri)),
    read: async (uri) => files.get(uri),
  };
}

function summaryOf(uri: string, text: string): DesignSummary {
  return {
    uri,
    stepsPresent: text.length,
    stepsTotal: 7,
    requiredCovered: 0,
    requiredTotal: 17,
    problems: 1,
    open: false,
  };
}

describe('workspace checker', () => {
  const folder = 'file:///w';
  const accept = (p: string) => p.endsWith('.mlsd.md');

  function setUp(count: number, open = new Set<string>()) {
    const files = new Map<string, string>();
    for (let i = 0; i < count; i++) files.set(`${folder}/d${i}.mlsd.md`, 'x'.repeat(i));
    files.set(`${folder}/notes.md`, 'not a design');
    const published = new Map<string, number>();
    const checks: string[] = [];
    const reports: string[] = [];
    let cancel = false;
    let ended = false;
    const checker = new WorkspaceChecker({
      source: memorySource(files),
      isOpen: (uri) => open.has(uri),
      check: async (uri, text): Promise<CheckResult> => {
        checks.push(uri);
        // Work that came in during this check (a message, an edit): runs before the next design.
        setImmediate(() => checks.push('other work'));
        return {
          diagnostics: Array.from({ length: 1 }, () => ({
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: text,
          })),
          summary: summaryOf(uri, text),
        };
      },
      publish: (uri, diagnostics) => published.set(uri, diagnostics.length),
      changed: () => {},
      progress: async () => ({
        report: (done, total) => reports.push(`${done}/${total}`),
        done: () => {
          ended = true;
        },
        cancelled: () => cancel,
      }),
    });
    return {
      files,
      checker,
      published,
      checks,
      reports,
      cancelNow: () => {
        cancel = true;
      },
      ended: () => ended,
    };
  }

  it('checks one design per turn of the event loop, skips open ones, ends its progress', async () => {
    const open = new Set([`${folder}/d1.mlsd.md`]);
    const { checker, published, checks, reports, ended } = setUp(5, open);
    await checker.start([folder], accept);
    assert.deepEqual(
      checks,
      [0, 2, 3, 4].flatMap((i) => [`${folder}/d${i}.mlsd.md`, 'other work']),
      'the event loop turns between two designs',
    );
    assert.ok(!published.has(`${folder}/notes.md`));
    assert.ok(!published.has(`${folder}/d1.mlsd.md`), 'the open design is the editor’s');
    assert.equal(reports[0], '0/5');
    assert.ok(ended());
    assert.equal(checker.designs().designs.length, 4);
    assert.equal(checker.designs().scanning, false);
  });

  it('a cancelled scan stops; a closed design is checked again from the disk, first', async () => {
    const { checker, checks, cancelNow } = setUp(50);
    const scan = checker.start([folder], accept);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    cancelNow();
    await scan;
    assert.ok(checks.length < 100, `stopped after ${checks.length / 2} designs`);
    const before = checks.length;
    assert.equal(checker.closed(`${folder}/d49.mlsd.md`), true, 'a known design is taken over');
    assert.equal(checker.closed(`${folder}/elsewhere.mlsd.md`), false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(checks[before], `${folder}/d49.mlsd.md`);
  });

  it('stop() clears every closed design it published', async () => {
    const { checker, published } = setUp(3);
    await checker.start([folder], accept);
    assert.deepEqual([...published.values()], [1, 1, 1]);
    checker.stop();
    assert.deepEqual([...published.values()], [0, 0, 0]);
    assert.equal(checker.designs().designs.length, 0);
  });
});

describe('workspace checker: telling the view', () => {
  it('says the summaries changed only when one says something new', async () => {
    let told = 0;
    const checker = new WorkspaceChecker({
      isOpen: () => true,
      check: async () => undefined,
      publish: () => {},
      changed: () => told++,
      progress: async () => undefined,
    });
    const wait = () => new Promise((resolve) => setTimeout(resolve, 300));
    checker.setOpenSummary(summaryOf('file:///w/a.mlsd.md', 'abc'));
    await wait();
    assert.equal(told, 1);
    checker.setOpenSummary(summaryOf('file:///w/a.mlsd.md', 'abc'));
    await wait();
    assert.equal(told, 1, 'the same numbers after a keystroke: nothing to tell');
    checker.setOpenSummary(summaryOf('file:///w/a.mlsd.md', 'abcd'));
    await wait();
    assert.equal(told, 2);
    assert.equal(checker.available, false, 'no design source: open designs only');
    assert.equal(checker.closed('file:///w/a.mlsd.md'), false);
    assert.deepEqual(checker.designs().designs, []);
  });
});

describe('workspace checker: the watchers it registers', () => {
  it('watches the design globs and every deletion, so a removed folder takes its designs along', () => {
    const watchers = designWatchers(['notes/*.md']);
    assert.deepEqual(
      watchers.map((w) => w.globPattern),
      ['**/*.mlsd.md', '**/notes/*.md', '**/*'],
    );
    // Only deletions for the catch-all: a folder's deletion is one event no design glob matches.
    assert.equal(watchers[2].kind, WatchKind.Delete);
    assert.equal(watchers[0].kind, undefined);
  });
});
