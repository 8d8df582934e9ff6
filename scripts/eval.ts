// `npm run eval -- <corpus dir>`: how well the checker's verdicts hold on hand-labelled design
// write-ups. Not a test: it prints figures and never fails on them (CI runs it on ../shared/corpus
// when that folder is there). The directory holds `docs/` and `labels-*.json` (with `manifest-*`
// beside them); each labels file is scored apart, then all together. See scripts/eval/score.ts for
// the arithmetic. Options: --no-misses (figures only), --topics (also list each topic miss, with
// the words taken as evidence when a gap was called covered).
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../server/src/dataFiles';
import { Analyzer } from '../server/src/analysis/analyse';
import type { Analysis } from '../server/src/model/analysis';
import {
  emptyScore,
  formatConfusion,
  formatFigures,
  formatStepMiss,
  formatTopicMiss,
  mergeScores,
  scoreDocument,
  topicConfusion,
  type CheckerVerdicts,
  type DocumentLabels,
  type Score,
} from './eval/score';

/** The checker's step lines (1-based) and topic verdicts, as the scorer reads them. */
export function verdictsOf(analysis: Analysis): CheckerVerdicts {
  const verdicts: CheckerVerdicts = { steps: {}, topics: {}, evidence: {} };
  for (const { step, section, topics } of analysis.steps) {
    verdicts.steps[step.id] = section ? section.heading.textRange.start.line + 1 : null;
    if (!section) continue;
    const byTopic: CheckerVerdicts['topics'][string] = {};
    const evidence: Record<string, string> = {};
    for (const coverage of topics) {
      byTopic[coverage.topic.id] = coverage.status;
      if (coverage.status === 'covered' && coverage.evidence) {
        evidence[coverage.topic.id] = coverage.evidence.text;
      }
    }
    verdicts.topics[step.id] = byTopic;
    verdicts.evidence![step.id] = evidence;
  }
  return verdicts;
}

export interface CorpusScore {
  groups: { name: string; score: Score }[];
  all: Score;
  warnings: string[];
}

/** Scores every labels file of a corpus directory; throws only when the scorer itself breaks. */
export function scoreCorpus(dir: string, analyzer = new Analyzer()): CorpusScore {
  const warnings: string[] = [];
  const labelFiles = fs
    .readdirSync(dir)
    .filter((name) => /^labels-.*\.json$/.test(name))
    .sort();
  const groups: CorpusScore['groups'] = [];
  for (const labelFile of labelFiles) {
    const name = labelFile.replace(/^labels-|\.json$/g, '');
    const labels = JSON.parse(fs.readFileSync(path.join(dir, labelFile), 'utf8')) as Record<
      string,
      DocumentLabels
    >;
    const score = emptyScore();
    for (const file of Object.keys(labels).sort()) {
      const docPath = path.join(dir, 'docs', file);
      if (!fs.existsSync(docPath)) {
        warnings.push(`${labelFile}: ${file} has labels but no document; skipped`);
        continue;
      }
      const text = fs.readFileSync(docPath, 'utf8');
      scoreDocument(score, file, labels[file], verdictsOf(analyzer.analyse(text)));
    }
    groups.push({ name, score });
  }
  return { groups, all: mergeScores(groups.map((g) => g.score)), warnings };
}

function main(args: string[]): number {
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval -- <corpus dir> [--no-misses] [--topics]');
    return 2;
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.log(`eval: no corpus at ${dir}; nothing to score`);
    return 0;
  }
  const started = Date.now();
  const result = scoreCorpus(dir);
  if (result.groups.length === 0) {
    console.log(`eval: no labels-*.json in ${dir}; nothing to score`);
    return 0;
  }
  for (const warning of result.warnings) console.log(`warning: ${warning}`);
  const lines: string[] = [];
  for (const { name, score } of result.groups) lines.push(...formatFigures(name, score));
  if (result.groups.length > 1) lines.push(...formatFigures('all', result.all));
  if (!args.includes('--no-misses')) {
    lines.push('', `step misses (${result.all.stepMisses.length}):`);
    lines.push(...result.all.stepMisses.map((m) => `  ${formatStepMiss(m)}`));
    const confusion = topicConfusion(result.all.topicMisses);
    lines.push('', `topics judged wrong (${confusion.length} topics):`);
    lines.push(...confusion.map((c) => `  ${formatConfusion(c)}`));
    if (args.includes('--topics')) {
      lines.push('', `topic misses (${result.all.topicMisses.length}):`);
      lines.push(...result.all.topicMisses.map((m) => `  ${formatTopicMiss(m)}`));
    }
  }
  lines.push(`(${Date.now() - started} ms)`);
  console.log(lines.join('\n'));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
