// Findings and fixes are plain data: the CLI, the language server and the tests share them.
import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the edit does, shown as the quick fix's title ("Insert step 3 'Data preparation'"). */
  title: string;
  edits: TextEdit[];
}

/** A rule as findings, settings and disable comments name it. */
export interface RuleName {
  /** Stable id: "MLSD" and three digits. */
  id: string;
  /** Stable kebab-case name. */
  name: string;
}

export interface Finding {
  rule: RuleName;
  severity: Severity;
  message: string;
  range: Range;
  /** The step the finding is about, if any. */
  stepId?: string;
  /** The topic the finding is about, if any. */
  topicId?: string;
  fixes?: Fix[];
}
