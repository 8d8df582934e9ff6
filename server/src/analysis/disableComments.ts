// Applies disable comments to findings. Their syntax is read (and written) by
// core/disableCommentSyntax.ts; this file says what each kind of comment silences.
import { readDirective, type DirectiveKind } from '../core/disableCommentSyntax';
import type { Finding } from '../core/findings';
import type { DesignDocument } from '../model/document';
import type { Rule } from '../rules/types';
import { findRule } from './ruleSettings';

interface Directive {
  kind: DirectiveKind;
  /** Rule ids, or undefined for all rules. */
  ruleIds?: Set<string>;
  line: number;
}

export function readDirectives(document: DesignDocument, rules: readonly Rule[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of document.comments) {
    const directive = readDirective(comment.text);
    if (!directive) continue;
    const names = directive.names;
    const ids = names
      .map((name) => findRule(rules, name)?.meta.id)
      .filter((id): id is string => Boolean(id));
    directives.push({
      kind: directive.kind,
      ruleIds: names.length === 0 ? undefined : new Set(ids),
      line: document.lines.positionAt(comment.start).line,
    });
  }
  return directives;
}

export function applyDisableComments(
  document: DesignDocument,
  findings: Finding[],
  rules: readonly Rule[],
): Finding[] {
  const directives = readDirectives(document, rules);
  if (directives.length === 0) return findings;
  const applies = (directive: Directive, ruleId: string) =>
    !directive.ruleIds || directive.ruleIds.has(ruleId);
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    let disabled = false;
    for (const directive of directives) {
      if (!applies(directive, finding.rule.id)) continue;
      switch (directive.kind) {
        case 'disable-file':
          disabled = true;
          break;
        case 'disable-line':
          if (directive.line === line) return false;
          break;
        case 'disable-next-line':
          if (nextContentLine(document, directive.line) === line) return false;
          break;
        case 'disable':
          if (directive.line <= line) disabled = true;
          break;
        case 'enable':
          if (directive.line <= line) disabled = false;
          break;
        case 'enable-file':
          disabled = false;
          break;
      }
    }
    return !disabled;
  });
}

/** The first non-blank line after `line` (a comment may be followed by an empty line). */
function nextContentLine(document: DesignDocument, line: number): number {
  for (let next = line + 1; next < document.lines.lineCount; next++) {
    if (document.lines.lineText(next).trim() !== '') return next;
  }
  return line + 1;
}
