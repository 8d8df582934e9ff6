// The Markdown preview's coverage badges (client/src/previewBadges.ts), rendered by the markdown-it
// VS Code's preview uses. Issue 18, point 9: the preview showed nothing of mlsd.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import {
  CoverageCache,
  mlsdPreviewPlugin,
  type MarkdownItLike,
  type MdToken,
} from '../../client/src/previewBadges';
import type { CoverageResult, StepCoverage } from '../../common/src/protocol';

interface MarkdownIt extends MarkdownItLike {
  options: unknown;
  parse(text: string, env: unknown): MdToken[];
  render(text: string, env?: unknown): string;
  renderer: MarkdownItLike['renderer'] & {
    render(tokens: MdToken[], options: unknown, env: unknown): string;
  };
}
const markdownIt = createRequire(__filename)('markdown-it') as () => MarkdownIt;

const URI = 'file:///designs/feed.mlsd.md';
const TEXT = [
  '# Feed ranking', // 0
  '', // 1
  '## 1. Clarifying requirements', // 2
  '', // 3
  'Engagement, 1b users, 200 ms.', // 4
  '', // 5
  'Model development', // 6: a setext heading
  '-----------------', // 7
  '', // 8
  '### Loss function', // 9
  '', // 10
].join('\n');

function step(id: string, number: number, line: number | undefined, covered: number, total = 3) {
  const missing = Array.from({ length: total - covered }, (_, i) => ({
    id: `t${i}`,
    title: `Topic ${i + 1}`,
  }));
  return {
    id,
    number,
    title: id,
    present: line !== undefined,
    written: line !== undefined,
    line,
    words: 10,
    requiredCovered: covered,
    requiredTotal: total,
    missingRequired: missing,
  } satisfies StepCoverage;
}

function coverage(steps: StepCoverage[]): CoverageResult {
  return {
    isDesign: true,
    framework: 'aminian-7',
    stepsPresent: steps.filter((s) => s.present).length,
    stepsTotal: 7,
    requiredCovered: 0,
    requiredTotal: 0,
    steps,
  };
}

describe('Markdown preview badges', () => {
  it('badges each step heading with its required topics covered, and nothing else', () => {
    const cache = new CoverageCache();
    cache.set(
      URI,
      coverage([
        step('requirements', 1, 2, 3),
        step('data', 3, undefined, 0, 2),
        step('model', 4, 6, 1),
      ]),
    );
    const md = mlsdPreviewPlugin(markdownIt(), (uri) => cache.get(uri));
    const html = md.render(TEXT, { currentDocument: { toString: () => URI } });
    assert.match(
      html,
      /<h2>1\. Clarifying requirements<span class="mlsd-badge mlsd-badge-complete" title="Step 1: requirements\. Every required topic is covered\.">3\/3 topics<\/span><\/h2>/,
    );
    assert.match(
      html,
      /<h2>Model development<span class="mlsd-badge mlsd-badge-partial" title="Step 4: model\. Not covered: Topic 1, Topic 2\.">1\/3 topics<\/span><\/h2>/,
    );
    assert.equal(html.match(/mlsd-badge /g)?.length, 2, 'no badge on the title or sub-heading');
    assert.match(html, /<h1>Feed ranking<\/h1>/);
    assert.match(html, /<h3>Loss function<\/h3>/);

    // Another document, or a renderer that gives no document: no badges.
    assert.doesNotMatch(md.render(TEXT, { currentDocument: 'file:///other.md' }), /mlsd-badge/);
    assert.doesNotMatch(md.render(TEXT), /mlsd-badge/);
  });

  it('follows the coverage on every render, also from tokens parsed before (VS Code caches them)', () => {
    const cache = new CoverageCache();
    const md = mlsdPreviewPlugin(markdownIt(), (uri) => cache.get(uri));
    const env = { currentDocument: URI };
    const tokens = md.parse(TEXT, env);
    assert.doesNotMatch(md.renderer.render(tokens, md.options, env), /mlsd-badge/);
    assert.equal(cache.set(URI, coverage([step('requirements', 1, 2, 1)])), true);
    assert.match(md.renderer.render(tokens, md.options, env), />1\/3 topics</);
    assert.equal(cache.set(URI, coverage([step('requirements', 1, 2, 3)])), true);
    assert.match(md.renderer.render(tokens, md.options, env), />3\/3 topics</);
  });

  it('says when new coverage changes what a preview shows, and forgets a document that is no design', () => {
    const cache = new CoverageCache();
    assert.equal(cache.set(URI, coverage([step('requirements', 1, 2, 3)])), true);
    const same = coverage([step('requirements', 1, 2, 3)]);
    same.steps[0].words = 99; // not shown in the preview
    assert.equal(cache.set(URI, same), false);
    assert.equal(cache.set(URI, coverage([step('requirements', 1, 4, 3)])), true, 'moved');
    assert.equal(cache.set(URI, { ...same, isDesign: false }), true);
    assert.equal(cache.get(URI), undefined);
    assert.equal(cache.set(URI, null), false);
  });

  it('escapes what it writes into the HTML', () => {
    const cache = new CoverageCache();
    const tricky = step('requirements', 1, 2, 2);
    tricky.title = '<b>"x"</b>';
    cache.set(URI, coverage([tricky]));
    const html = mlsdPreviewPlugin(markdownIt(), (uri) => cache.get(uri)).render(TEXT, {
      currentDocument: URI,
    });
    assert.match(
      html,
      /title="Step 1: &lt;b&gt;&quot;x&quot;&lt;\/b&gt;\. Not covered: Topic 1\."/,
    );
  });
});
