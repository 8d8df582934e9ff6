// Findings -> LSP diagnostics: source "mlsd", the rule id as code, a link to the rule's page.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../model/analysis';
import type { Finding, RuleName, Severity } from '../core/findings';
import { ruleDocsUri } from './ruleDocs';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server for its code actions. */
export interface DiagnosticData {
  rule: RuleName;
  stepId?: string;
  topicId?: string;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule,
    stepId: finding.stepId,
    topicId: finding.topicId,
  };
  const docs = ruleDocsUri(finding.rule.id);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'mlsd',
    code: finding.rule.id,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    message: finding.message,
    data,
  };
}

export function diagnosticsFor(analysis: Analysis): Diagnostic[] {
  return analysis.findings.map(toDiagnostic);
}

/** The finding of the current analysis that a diagnostic sent back by the client stands for. */
export function findingFor(analysis: Analysis, diagnostic: Diagnostic): Finding | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const candidates = analysis.findings.filter(
    (f) =>
      f.rule.id === diagnostic.code &&
      (data?.stepId === undefined || f.stepId === data.stepId) &&
      (data?.topicId === undefined || f.topicId === data.topicId),
  );
  return (
    candidates.find(
      (f) => f.message === diagnostic.message && f.range.start.line === diagnostic.range.start.line,
    ) ??
    candidates.find((f) => f.message === diagnostic.message) ??
    candidates.find((f) => f.range.start.line === diagnostic.range.start.line)
  );
}
