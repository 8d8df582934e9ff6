import { strict as assert } from 'node:assert';
import type { CodeActionParams } from 'vscode-languageserver';
import { analyse } from '../../helpers/analyse';
import { applyEdits } from '../../../server/src/core/applyEdits';
import { codeActions } from '../../../server/src/features/codeActions';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import { insertMissingStepsEdits } from '../../../server/src/features/insertMissingSteps';
import { DESIGN } from './fixture';

const URI = 'file:///x.mlsd.md';

function params(
  analysis: ReturnType<typeof analyse>,
  filter: (ruleId: string) => boolean,
  only?: string[],
): CodeActionParams {
  const diagnostics = analysis.findings.filter((f) => filter(f.rule.id)).map(toDiagnostic);
  return {
    textDocument: { uri: URI },
    range: diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    },
    context: { diagnostics, only },
  };
}

describe('code actions', () => {
  it('offers the missing-step fix, disable comments, and only what context.only asks for', () => {
    const analysis = analyse(DESIGN);
    const all = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001'),
    );
    assert.ok(all.some((a) => a.title === "Insert step 3 'Data preparation'" && a.isPreferred));
    assert.ok(all.some((a) => a.title === 'Disable MLSD001 for this line'));
    const onlyFixAll = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001', ['source.fixAll.mlsd']),
    );
    assert.deepEqual(
      onlyFixAll.map((a) => a.kind),
      ['source.fixAll.mlsd'],
    );
  });

  it('offers each disable action once and fix-all once as a quick fix, however many findings are named', () => {
    const analysis = analyse(DESIGN);
    // Every finding at once, as at a step heading that carries several (and twice over).
    const all = params(analysis, () => true);
    all.context.diagnostics = [...all.context.diagnostics, ...all.context.diagnostics];
    const actions = codeActions(analysis, URI, all);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [...new Set(titles)], `repeated: ${titles.join(' | ')}`);
    const fixAll = actions.filter((a) => a.title === 'Fix all mlsd problems');
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'quickfix');
    assert.deepEqual(
      fixAll[0].edit!.changes![URI],
      analysis.fixAll()!.edits,
      "the quick fix is the engine's fix-all",
    );
    const ruleIds = new Set(analysis.findings.map((f) => f.rule.id));
    for (const id of ruleIds) {
      assert.equal(titles.filter((t) => t === `Disable ${id} for this file`).length, 1, id);
    }
    // The source action is for the Source Action menu and fix-all on save, asked for by kind.
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.mlsd'));
    // No finding named (the cursor on plain text): no fix-all quick fix either.
    assert.deepEqual(
      codeActions(
        analysis,
        URI,
        params(analysis, () => false),
      ),
      [],
    );
  });

  it('an "Insert step" fix moves the cursor to the end of the heading it inserts', () => {
    const analysis = analyse(DESIGN);
    const fix = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001'),
    ).find((a) => a.title === "Insert step 3 'Data preparation'")!;
    assert.equal(fix.command?.command, 'mlsd.revealPosition');
    const [uri, line, character] = fix.command!.arguments as [string, number, number];
    assert.equal(uri, URI);
    const fixed = applyEdits(DESIGN, fix.edit!.changes![URI]).split('\n');
    assert.match(fixed[line], /^## 3\. Data preparation$/);
    assert.equal(character, fixed[line].length);
    // A disable comment is not a section: the cursor stays.
    const disable = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001'),
    ).find((a) => a.title.startsWith('Disable'))!;
    assert.equal(disable.command, undefined);
  });

  it('works out the fix-all once per analysis, not on every request (it re-analyses the design)', () => {
    const analysis = analyse(DESIGN);
    const ask = () =>
      codeActions(
        analysis,
        URI,
        params(analysis, (id) => id === 'MLSD001', ['source.fixAll.mlsd']),
      );
    const [first] = ask();
    assert.ok(first, 'no fix-all offered');
    const [again] = ask();
    assert.equal(
      again.edit!.changes![URI],
      first.edit!.changes![URI],
      'the fix-all was worked out again for the same analysis',
    );
    // Another version of the design is another analysis: its own fix-all.
    const [other] = codeActions(
      analyse(`${DESIGN}\n`),
      URI,
      params(analysis, (id) => id === 'MLSD001', ['source.fixAll.mlsd']),
    );
    assert.notEqual(other.edit!.changes![URI], first.edit!.changes![URI]);
    assert.deepStrictEqual(other.title, first.title);
  });

  it('disable-for-line appends a comment that silences exactly that finding', () => {
    const analysis = analyse(DESIGN);
    const p = params(analysis, (id) => id === 'MLSD006');
    const action = codeActions(analysis, URI, {
      ...p,
      context: { diagnostics: [p.context.diagnostics[0]] },
    }).find((a) => a.title.startsWith('Disable MLSD006 for this line'))!;
    const fixed = applyEdits(DESIGN, action.edit!.changes![URI]);
    const before = analysis.findings.filter((f) => f.rule.id === 'MLSD006').length;
    const after = analyse(fixed).findings.filter((f) => f.rule.id === 'MLSD006').length;
    // All MLSD006 findings of that step sit on its heading line, so all of them go.
    const sameLine = analysis.findings.filter(
      (f) =>
        f.rule.id === 'MLSD006' && f.range.start.line === p.context.diagnostics[0].range.start.line,
    ).length;
    assert.equal(after, before - sameLine);
  });

  it('disable-for-file goes after the front matter, keeping the YAML valid', () => {
    const analysis = analyse(DESIGN);
    const action = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001'),
    ).find((a) => a.title === 'Disable MLSD001 for this file')!;
    const fixed = applyEdits(DESIGN, action.edit!.changes![URI]);
    assert.match(fixed, /^---\n[\s\S]*?\n---\n<!-- mlsd-disable-file MLSD001 -->\n# Video/);
    const again = analyse(fixed);
    assert.equal(
      again.findings.filter((f) => f.rule.id === 'MLSD001' || f.rule.id === 'MLSD008').length,
      0,
    );
  });

  it('renames a step heading to the canonical title, keeping its numbering', () => {
    const text = DESIGN.replace('## 5. Evaluation', '## 5. Metrics & evaluation');
    const analysis = analyse(text);
    const line = text.split('\n').indexOf('## 5. Metrics & evaluation');
    const [rename] = codeActions(analysis, URI, {
      textDocument: { uri: URI },
      range: { start: { line, character: 4 }, end: { line, character: 4 } },
      context: { diagnostics: [], only: ['refactor.rewrite'] },
    });
    assert.equal(rename.title, "Rename heading to '5. Evaluation'");
    assert.equal(applyEdits(text, rename.edit!.changes![URI]), DESIGN);
  });

  it('fix-all inserts all missing steps in framework order and converges', () => {
    const analysis = analyse(DESIGN);
    const { edits, inserted } = insertMissingStepsEdits(analysis);
    assert.deepEqual(inserted, ['data', 'serving', 'monitoring']);
    const fixed = applyEdits(DESIGN, edits);
    const numbers = fixed
      .split('\n')
      .filter((l) => /^## \d\. /.test(l))
      .map((l) => l.slice(3, 4));
    assert.deepEqual(numbers, ['1', '2', '3', '4', '5', '6', '7']);
    const again = analyse(fixed);
    assert.equal(again.steps.filter((s) => !s.section).length, 0);
    assert.deepEqual(insertMissingStepsEdits(again).edits, []);
  });

  it('fix-all leaves out steps whose findings are disabled, and is not offered with the rule off', () => {
    const text = DESIGN.replace(
      '## 2. Framing',
      '<!-- mlsd-disable-next-line missing-step -->\n## 2. Framing',
    );
    const analysis = analyse(text);
    assert.deepEqual(
      analysis.findings.filter((f) => f.rule.id === 'MLSD001').map((f) => f.stepId),
      ['serving', 'monitoring'],
    );
    const [fixAll] = codeActions(
      analysis,
      URI,
      params(analysis, () => false, ['source.fixAll.mlsd']),
    );
    assert.equal(fixAll.title, 'Insert 2 missing steps');
    const fixed = applyEdits(text, fixAll.edit!.changes![URI]);
    assert.doesNotMatch(fixed, /Data preparation/);
    assert.match(fixed, /## 6\. Deployment and serving[\s\S]*## 7\. Monitoring/);
    // The "Insert missing steps" command inserts every missing step all the same.
    assert.deepEqual(insertMissingStepsEdits(analysis).inserted, ['data', 'serving', 'monitoring']);

    const off = analyse(DESIGN, { 'missing-step': 'off' });
    assert.deepEqual(
      codeActions(
        off,
        URI,
        params(off, () => false, ['source.fixAll.mlsd']),
      ),
      [],
    );
  });

  it('adds stubs for all missing required topics of a step in one action', () => {
    const text = DESIGN.replace(
      'Offline: recall@k and nDCG.',
      'We will see how it goes in practice with real users over time.',
    );
    const analysis = analyse(text);
    const p = params(analysis, (id) => id === 'MLSD006');
    const evaluation = p.context.diagnostics.filter(
      (d) => (d.data as { stepId: string }).stepId === 'evaluation',
    );
    assert.ok(evaluation.length >= 2);
    const action = codeActions(analysis, URI, {
      ...p,
      context: { diagnostics: [evaluation[0]] },
    }).find((a) => a.title.startsWith('Add stubs for all'))!;
    const fixed = applyEdits(text, action.edit!.changes![URI]);
    assert.match(
      fixed,
      /over time\.\n\n- \*\*Offline metrics\*\*: TODO\n- \*\*Online metrics\*\*: TODO/,
    );
    // The rule offers it, as the second fix of each finding of the step.
    const finding = analysis.findings.find(
      (f) => f.rule.id === 'MLSD006' && f.stepId === 'evaluation',
    )!;
    assert.equal(finding.fixes?.[1]?.title, action.title);
  });
});

// Reproductions from test/unit/quickFixSafety.test.ts: a fix inserts or replaces only what its
// title says, never loses the writer's text, and fix-all converges in one round.
describe('code actions keep the text around them', () => {
  /** Every code action at the start of `line` (quick fixes for all findings, refactorings). */
  function actionsAt(analysis: ReturnType<typeof analyse>, line: number, only?: string[]) {
    const diagnostics = analysis.findings.map(toDiagnostic);
    const at = { line, character: 0 };
    return codeActions(analysis, URI, {
      textDocument: { uri: URI },
      range: { start: at, end: at },
      context: { diagnostics, only },
    });
  }

  /** A step as fix-all inserts it with no numbered neighbour: heading, blank line, template. */
  function stepBlock(analysis: ReturnType<typeof analyse>, stepId: string): string {
    const step = analysis.framework.stepById.get(stepId)!;
    return `## ${step.title}\n\n${step.template.trim()}`;
  }

  function fixAll(text: string): string {
    return applyEdits(text, insertMissingStepsEdits(analyse(text)).edits);
  }

  it('offers no rename for a setext heading whose text spans two lines', () => {
    const text = 'Notes\nClarifying requirements\n---\n';
    const analysis = analyse(text);
    assert.equal(analysis.steps[0].section?.heading.text, 'Notes\nClarifying requirements');
    for (const line of [0, 1, 2]) {
      assert.deepEqual(
        actionsAt(analysis, line, ['refactor.rewrite']).map((a) => a.title),
        [],
      );
    }
    // A setext heading on one line is still renamed, its underline kept.
    const single = 'Clarifying the requirements\n---\n';
    const [rename] = actionsAt(analyse(single), 0, ['refactor.rewrite']);
    assert.equal(rename.title, "Rename heading to 'Clarifying requirements'");
    assert.equal(applyEdits(single, rename.edit!.changes![URI]), 'Clarifying requirements\n---\n');
  });

  it('offers no front-matter value fix for a value continued on the next line', () => {
    for (const text of [
      '---\nlevel: senior\n  or staff\n---\n',
      '---\nproblem: visual-search\n  see my notes\n---\n',
    ]) {
      const analysis = analyse(text);
      const finding = analysis.findings.find((f) => f.rule.id === 'MLSD008');
      assert.ok(finding, text);
      assert.equal(finding.fixes, undefined, text);
      assert.ok(!actionsAt(analysis, 1).some((a) => a.title.startsWith('Change ')), text);
    }
    // On one line the value is still replaced.
    const text = '---\nlevel: senoir\n---\n';
    const change = actionsAt(analyse(text), 1).find(
      (a) => a.title === "Change 'level' to 'senior'",
    )!;
    assert.equal(applyEdits(text, change.edit!.changes![URI]), '---\nlevel: senior\n---\n');
  });

  it('fix-all on a blank document sets every step off by a blank line, and converges', () => {
    const analysis = analyse('\n');
    const ids = analysis.framework.steps.map((s) => s.id);
    const steps = ids.map((id) => stepBlock(analysis, id)).join('\n\n');
    for (const text of ['\n', '\n\n \n']) {
      const fixed = fixAll(text);
      assert.equal(fixed, `${steps}${text}`);
      assert.deepEqual(insertMissingStepsEdits(analyse(fixed)).edits, []);
    }
  });

  it('offers fix-all only when it converges: a heading that stops counting as a step once real ones are there', () => {
    // "## training data" opens the data step only while nothing better is present: once the
    // inserted steps are there it reads as content of another, the data step goes missing
    // again, and fix-all would insert it on every save.
    const shaky = '## training data\nx\n# Evaluation of labelers\ny\n# Requirements\nz\n';
    const analysis = analyse(shaky);
    const edits = insertMissingStepsEdits(analysis).edits;
    assert.ok(edits.length > 0, 'steps are missing');
    const once = analyse(applyEdits(shaky, edits));
    assert.ok(
      once.steps.some((s) => !s.section),
      'applying the inserts leaves a step missing (the case this guards)',
    );
    assert.deepEqual(actionsAt(analysis, 0, ['source.fixAll.mlsd']), []);
    // A design where the inserts converge still gets fix-all.
    const plain = analyse('# Feed\n\n## 1. Clarifying requirements\n\nScale: 1B users.\n');
    assert.equal(actionsAt(plain, 0, ['source.fixAll.mlsd']).length, 1);
  });

  it('inserts no step inside a code block or HTML comment left open to the end', () => {
    for (const text of ['```\n', '<!--\n', '## 1. Clarifying requirements\n\nScale.\n\n~~~\n']) {
      const analysis = analyse(text);
      const missing = analysis.findings.filter((f) => f.rule.id === 'MLSD001');
      assert.ok(missing.length >= 6, text);
      assert.ok(
        missing.every((f) => f.fixes === undefined),
        text,
      );
      const result = insertMissingStepsEdits(analysis);
      assert.deepEqual(result.edits, [], text);
      assert.deepEqual(result.inserted, [], text);
      assert.equal(result.blocked.length, missing.length, 'the command can say why nothing came');
      assert.deepEqual(actionsAt(analysis, 0, ['source.fixAll.mlsd']), [], text);
      assert.ok(!actionsAt(analysis, 0).some((a) => a.title.startsWith('Insert ')), text);
    }
    // Before a step heading, the open block after it does not matter; a closed block is no
    // obstacle either.
    const partly = '## 2. Framing the problem as an ML task\n\nRanking.\n\n```\n';
    const { inserted } = insertMissingStepsEdits(analyse(partly));
    assert.deepEqual(inserted, ['requirements']);
    const closed = '```\ncode\n```\n';
    const fixed = fixAll(closed);
    const analysis = analyse(closed);
    assert.equal(
      fixed,
      `\`\`\`\ncode\n\`\`\`\n\n${analysis.framework.steps.map((s) => stepBlock(analysis, s.id)).join('\n\n')}\n`,
    );
    assert.deepEqual(insertMissingStepsEdits(analyse(fixed)).edits, []);
  });

  it('ends an insert with a blank line, so a setext heading after it stays a heading', () => {
    const text = '## 5. Evaluation\nFraming the problem\n---\n';
    const analysis = analyse(text);
    const six = actionsAt(analysis, 0).find(
      (a) => a.title === "Insert step 6 'Deployment and serving'",
    )!;
    assert.equal(
      applyEdits(text, six.edit!.changes![URI]),
      `## 5. Evaluation\n\n${stepBlock(analysis, 'serving')}\n\nFraming the problem\n---\n`,
    );
    const fixed = fixAll(text);
    assert.equal(
      fixed,
      `${stepBlock(analysis, 'requirements')}\n\n## 5. Evaluation\n\n` +
        `${stepBlock(analysis, 'serving')}\n\n${stepBlock(analysis, 'monitoring')}\n\n` +
        `Framing the problem\n---\n\n` +
        `${stepBlock(analysis, 'data')}\n\n${stepBlock(analysis, 'model')}\n`,
    );
    const again = analyse(fixed);
    assert.equal(again.document.stepById.get('framing')?.heading.text, 'Framing the problem');
    assert.deepEqual(insertMissingStepsEdits(again).edits, []);

    // Indented by two spaces, the heading's line would continue the template's last list item
    // even after a blank line: the insert goes after the indentation, the line to column 0.
    const indented = '## 5. Evaluation\n  Framing the problem\n---\n';
    const serving = actionsAt(analyse(indented), 0).find(
      (a) => a.title === "Insert step 6 'Deployment and serving'",
    )!;
    assert.equal(
      applyEdits(indented, serving.edit!.changes![URI]),
      `## 5. Evaluation\n  \n${stepBlock(analysis, 'serving')}\n\nFraming the problem\n---\n`,
    );
    assert.deepEqual(insertMissingStepsEdits(analyse(fixAll(indented))).edits, []);

    // A topic stub at the end of a section ending in a code block: the same.
    const stubbed = '## 5. Evaluation\n\nOffline: AUC.\n\n```\nx\n```\nFraming the problem\n---\n';
    const stub = actionsAt(analyse(stubbed), 0).find(
      (a) => a.title === "Add a stub for 'Online metrics' to step 5",
    )!;
    assert.equal(
      applyEdits(stubbed, stub.edit!.changes![URI]),
      '## 5. Evaluation\n\nOffline: AUC.\n\n```\nx\n```\n\n- **Online metrics**: TODO\n\n' +
        'Framing the problem\n---\n',
    );
  });
});
