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
import type { Analysis } from '../analysis/analyse';
import { insertStepEdit, insertTopicStubsEdit, placeStep } from '../analysis/edits';
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
  } else if (!only) {
    const fixAll = fixAllAction(analysis, uri);
    if (fixAll && analysis.steps.filter((s) => !s.section).length > 1) actions.push(fixAll);
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
  if (finding.ruleId === 'MLSD006' && finding.stepId) {
    const report = analysis.steps.find((s) => s.step.id === finding.stepId);
    const missing = report?.topics.filter((t) => t.status === 'missing' && t.topic.required) ?? [];
    if (report?.section && missing.length > 1) {
      actions.push({
        title: `Add stubs for all ${missing.length} missing required topics of step ${report.step.number}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: {
          changes: {
            [uri]: [
              insertTopicStubsEdit(
                analysis.document,
                report.section,
                missing.map((t) => t.topic),
              ),
            ],
          },
        },
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

/** One edit set inserting every missing step where it belongs, in framework order. */
export function insertMissingStepsEdits(analysis: Analysis): {
  edits: TextEdit[];
  inserted: string[];
} {
  const { document, framework } = analysis;
  const missing = analysis.steps.filter((s) => !s.section).map((s) => s.step);
  const byOffset = new Map<number, { stepId: string; edit: TextEdit }[]>();
  for (const step of missing) {
    const placement = placeStep(document, framework, step);
    const edit = insertStepEdit(document, framework, step);
    const list = byOffset.get(placement.offset) ?? [];
    list.push({ stepId: step.id, edit });
    byOffset.set(placement.offset, list);
  }
  const edits: TextEdit[] = [];
  for (const list of byOffset.values()) {
    if (list.length === 1) {
      edits.push(list[0].edit);
      continue;
    }
    // Several steps at one place: one insert holding them all, so their order is certain.
    const texts = list.map((item) => item.edit.newText);
    const joined = texts
      .map((text, i) =>
        i < texts.length - 1 && !text.startsWith('#') ? text.replace(/[\r\n]+$/, '') : text,
      )
      .join('');
    edits.push({ range: list[0].edit.range, newText: joined });
  }
  return { edits, inserted: missing.map((s) => s.id) };
}

function fixAllAction(analysis: Analysis, uri: string): CodeAction | undefined {
  const { edits, inserted } = insertMissingStepsEdits(analysis);
  if (edits.length === 0) return undefined;
  return {
    title: `Insert ${inserted.length} missing step${inserted.length === 1 ? '' : 's'}`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: edits } },
  };
}
