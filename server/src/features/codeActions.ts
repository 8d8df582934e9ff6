// Code actions: the fixes findings carry, "rename to the canonical title", disable comments, and
// source.fixAll.mlsd (insert every missing step). Each edit inserts or replaces only what its title
// says.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import { analyseDesign, type Analysis } from '../analysis/analyse';
import { applyEdits } from '../core/applyEdits';
import {
  insertBlocksEdit,
  insertTopicStubsEdit,
  insideOpenBlock,
  placeStep,
  stepBlock,
} from '../fixes/edits';
import type { Range } from '../core/text';
import type { Heading } from '../parse/model';
import { findingFor } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mlsd`;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export function codeActions(
  analysis: Analysis,
  uri: string,
  params: CodeActionParams,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const diagnostics = params.context.diagnostics.filter((d) => d.source === 'mlsd');
    for (const diagnostic of diagnostics) actions.push(...fixesFor(analysis, uri, diagnostic));
    for (const diagnostic of diagnostics)
      actions.push(...disableActions(analysis, uri, diagnostic));
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    const rename = renameHeadingAction(analysis, uri, params.range);
    if (rename) actions.push(rename);
  }
  if (wants(only, FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    const fixAll = fixAllAction(analysis, uri);
    if (fixAll) actions.push(fixAll);
  } else if (!only && analysis.steps.filter((s) => !s.section).length > 1) {
    const fixAll = fixAllAction(analysis, uri);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function fixesFor(analysis: Analysis, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const finding = findingFor(analysis, diagnostic);
  if (!finding) return [];
  const actions: CodeAction[] = (finding.fixes ?? []).map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: { changes: { [uri]: fix.edits } },
  }));
  // Several topics of one step missing: one action adds all their stubs.
  if (finding.rule.id === 'MLSD006' && finding.stepId) {
    const report = analysis.steps.find((s) => s.step.id === finding.stepId);
    const missing = report?.topics.filter((t) => t.status === 'missing' && t.topic.required) ?? [];
    const edit =
      report?.section && missing.length > 1
        ? insertTopicStubsEdit(
            analysis.document,
            report.section,
            missing.map((t) => t.topic),
          )
        : undefined;
    if (report && edit) {
      actions.push({
        title: `Add stubs for all ${missing.length} missing required topics of step ${report.step.number}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [edit] } },
      });
    }
  }
  return actions;
}

function disableActions(analysis: Analysis, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const { document } = analysis;
  const ruleId = String(diagnostic.code ?? '');
  if (!ruleId) return [];
  const eol = document.lines.eol;
  const actions: CodeAction[] = [];
  const line = diagnostic.range.start.line;
  const frontMatter = document.frontMatter;
  const inFrontMatter =
    frontMatter && line >= frontMatter.range.start.line && line <= frontMatter.range.end.line;
  if (!inFrontMatter && line < document.lines.lineCount) {
    const end = { line, character: document.lines.lineLength(line) };
    actions.push({
      title: `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        changes: {
          [uri]: [{ range: { start: end, end }, newText: ` <!-- mlsd-disable-line ${ruleId} -->` }],
        },
      },
    });
  }
  // After the front matter (a comment inside it would break the YAML), else at the very top.
  const at = frontMatter
    ? { line: frontMatter.range.end.line + 1, character: 0 }
    : { line: 0, character: 0 };
  const atEnd = at.line >= document.lines.lineCount;
  const position = atEnd
    ? {
        line: document.lines.lineCount - 1,
        character: document.lines.lineLength(document.lines.lineCount - 1),
      }
    : at;
  actions.push({
    title: `Disable ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [uri]: [
          {
            range: { start: position, end: position },
            newText: atEnd
              ? `${eol}<!-- mlsd-disable-file ${ruleId} -->${eol}`
              : `<!-- mlsd-disable-file ${ruleId} -->${eol}`,
          },
        ],
      },
    },
  });
  return actions;
}

function headingAt(analysis: Analysis, range: Range): Heading | undefined {
  return analysis.document.headings.find(
    (h) =>
      h.stepIds.length === 1 &&
      h.range.start.line <= range.start.line &&
      h.range.end.line >= range.start.line,
  );
}

/** The text of a step heading in canonical form, keeping the writer's numbering prefix. */
export function canonicalHeadingText(
  heading: Heading,
  title: string,
  number: number,
  numbersSteps: boolean,
): string {
  const prefix =
    /^(\s*(?:(?:step|part|phase)\s*)?(?:\d+(?:\.\d+)*|[ivx]{1,5})\s*[.):\-–—]*\s*)/i.exec(
      heading.text,
    );
  if (prefix && heading.match.numbered) return `${prefix[1]}${title}`;
  return numbersSteps ? `${number}. ${title}` : title;
}

function renameHeadingAction(
  analysis: Analysis,
  uri: string,
  range: Range,
): CodeAction | undefined {
  const heading = headingAt(analysis, range);
  if (!heading) return undefined;
  // The edit replaces the heading's text with one line. A setext heading's text can span several
  // lines ("Notes" over "Clarifying requirements" over "---"): replacing them all would drop the
  // writer's other lines, so no rename is offered for such a heading.
  if (heading.textRange.start.line !== heading.textRange.end.line) return undefined;
  const step = analysis.framework.stepById.get(heading.stepIds[0]);
  if (!step) return undefined;
  const current = analysis.document.text.slice(heading.textStart, heading.textEnd);
  const wanted = canonicalHeadingText(
    heading,
    step.title,
    step.number,
    analysis.document.numbersSteps,
  );
  if (current.trim() === wanted.trim()) return undefined;
  const edit: TextEdit = { range: heading.textRange, newText: wanted };
  return {
    title: `Rename heading to '${wanted}'`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [uri]: [edit] } },
  };
}

/**
 * One edit set inserting every missing step where it belongs, in framework order. Steps with no
 * place to go (inside a code or HTML block left open to the end, see `insideOpenBlock`) are left
 * out, so fix-all never inserts what it would insert again on the next round.
 */
export function insertMissingStepsEdits(analysis: Analysis): {
  edits: TextEdit[];
  inserted: string[];
  blocked: string[];
} {
  const { document, framework } = analysis;
  const missing = analysis.steps.filter((s) => !s.section).map((s) => s.step);
  const byOffset = new Map<number, string[]>();
  const inserted: string[] = [];
  const blocked: string[] = [];
  for (const step of missing) {
    const placement = placeStep(document, framework, step);
    if (insideOpenBlock(document, placement.offset)) {
      blocked.push(step.id);
      continue;
    }
    const blocks = byOffset.get(placement.offset) ?? [];
    blocks.push(stepBlock(document, framework, step, placement));
    byOffset.set(placement.offset, blocks);
    inserted.push(step.id);
  }
  // Several steps at one place: one insert holding them all, so their order is certain, each set
  // off from the next by a blank line (as a single step is from the text around it).
  const edits = [...byOffset].map(([offset, blocks]) => insertBlocksEdit(document, offset, blocks));
  return { edits, inserted, blocked };
}

// Code actions are asked for on every cursor move. The fix-all depends only on the analysis (one
// version of the document), and finding out whether it converges analyses the whole design again:
// once per analysis.
const fixAllByAnalysis = new WeakMap<Analysis, { uri: string; action?: CodeAction }>();

function fixAllAction(analysis: Analysis, uri: string): CodeAction | undefined {
  const known = fixAllByAnalysis.get(analysis);
  if (known?.uri === uri) return known.action;
  const { edits, inserted, blocked } = insertMissingStepsEdits(analysis);
  const action =
    edits.length === 0 || !converges(analysis, edits, blocked)
      ? undefined
      : {
          title: `Insert ${inserted.length} missing step${inserted.length === 1 ? '' : 's'}`,
          kind: FIX_ALL_KIND,
          edit: { changes: { [uri]: edits } },
        };
  fixAllByAnalysis.set(analysis, { uri, action });
  return action;
}

/**
 * Whether the design with `edits` applied has every step but the blocked ones, so that a second
 * fix-all has nothing to do. Editors run fix-all on save: one that does not converge would insert
 * steps again on every save. Headings are read by heuristics, and a heading that counts as a step
 * only for want of a better one (a keyword heading, a step written as a list item) can stop counting
 * once the inserted steps are there; such a fix-all is not offered (the single quick fixes are).
 */
function converges(analysis: Analysis, edits: TextEdit[], blocked: string[]): boolean {
  const after = analyseDesign(applyEdits(analysis.document.text, edits), { previous: analysis });
  return after.steps.every((report) => report.section || blocked.includes(report.step.id));
}
