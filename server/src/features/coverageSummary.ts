// The custom `mlsd/coverage` answer: steps present and required topics covered, for the status bar
// and "Show Coverage". Counted as the CLI summary counts (model/stepMeasures.ts): a step of
// placeholders only is not yet written.
import type { Analysis } from '../model/analysis';
import { coverageCounts, isWritten, requiredCounts } from '../model/stepMeasures';
import { placeStep } from '../fixes/edits';
import type { CoverageResult } from '../../../common/src/protocol';

export function coverageOf(analysis: Analysis): CoverageResult {
  const { document, framework } = analysis;
  const steps = analysis.steps.map((result) => {
    const { step, section, topics, words } = result;
    const missingRequired = topics
      .filter((t) => t.topic.required && t.status === 'missing')
      .map((t) => ({ id: t.topic.id, title: t.topic.title }));
    const required = requiredCounts(result);
    return {
      id: step.id,
      number: step.number,
      title: step.title,
      present: Boolean(section),
      written: isWritten(result),
      line: section?.heading.textRange.start.line,
      insertLine: section
        ? undefined
        : document.lines.positionAt(placeStep(document, framework, step).offset).line,
      words,
      requiredCovered: required.covered,
      requiredTotal: required.total,
      missingRequired,
    };
  });
  const counts = coverageCounts(analysis.steps);
  return {
    isDesign: true,
    framework: framework.id,
    frameworkTitle: framework.title,
    problem: analysis.caseStudy?.id,
    // One definition with the CLI summary, lenses and hover (model/stepMeasures.ts).
    stepsPresent: counts.stepsWritten,
    stepsTotal: counts.stepsTotal,
    requiredCovered: counts.requiredCovered,
    requiredTotal: counts.requiredTotal,
    steps,
  };
}
