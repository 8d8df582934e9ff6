// One design's line in the Designs view: its case study, steps written and required topics
// covered (counted as the status bar counts them: model/stepMeasures.ts) and its problems.
import type { Analysis } from '../model/analysis';
import { coverageCounts } from '../model/stepMeasures';
import type { DesignSummary } from '../../../common/src/protocol';

export function designSummary(uri: string, analysis: Analysis, open: boolean): DesignSummary {
  const counts = coverageCounts(analysis.steps);
  const caseStudy = analysis.caseStudy;
  return {
    uri,
    caseStudy: caseStudy ? { id: caseStudy.id, title: caseStudy.title } : undefined,
    stepsPresent: counts.stepsWritten,
    stepsTotal: counts.stepsTotal,
    requiredCovered: counts.requiredCovered,
    requiredTotal: counts.requiredTotal,
    // The Problems panel does not list hints.
    problems: analysis.findings.filter((f) => f.severity !== 'hint').length,
    open,
  };
}

/** A design too large to check: known, with nothing measured. */
export function unmeasuredSummary(uri: string, open: boolean): DesignSummary {
  return {
    uri,
    stepsPresent: 0,
    stepsTotal: 0,
    requiredCovered: 0,
    requiredTotal: 0,
    problems: 1,
    open,
  };
}
