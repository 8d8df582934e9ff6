// The custom `mlsd/coverage` answer: steps present and required topics covered, for the status bar
// and "Show Coverage".
import type { Analysis } from '../model/analysis';
import { placeStep } from '../fixes/edits';
import type { CoverageResult } from '../../../common/src/protocol';

export function coverageOf(analysis: Analysis): CoverageResult {
  const { document, framework } = analysis;
  const steps = analysis.steps.map(({ step, section, topics, words }) => {
    const required = topics.filter((t) => t.topic.required);
    const missingRequired = required
      .filter((t) => t.status === 'missing')
      .map((t) => ({ id: t.topic.id, title: t.topic.title }));
    return {
      id: step.id,
      number: step.number,
      title: step.title,
      present: Boolean(section),
      line: section?.heading.textRange.start.line,
      insertLine: section
        ? undefined
        : document.lines.positionAt(placeStep(document, framework, step).offset).line,
      words,
      requiredCovered: required.length - missingRequired.length,
      requiredTotal: required.length,
      missingRequired,
    };
  });
  return {
    isDesign: true,
    framework: framework.id,
    problem: analysis.caseStudy?.id,
    stepsPresent: steps.filter((s) => s.present).length,
    stepsTotal: steps.length,
    requiredCovered: steps.reduce((sum, s) => sum + s.requiredCovered, 0),
    requiredTotal: steps.reduce((sum, s) => sum + s.requiredTotal, 0),
    steps,
  };
}
