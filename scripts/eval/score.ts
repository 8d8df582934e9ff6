// The arithmetic of `npm run eval` (scripts/eval.ts): the checker's step lines and topic verdicts
// against hand labels, as the development corpus's README defines the scoring. Pure: the caller
// reads the files and runs the checker.

/** One document's hand labels (`labels-*.json`, one object per file). */
export interface DocumentLabels {
  /** Step id -> the 1-based line of the heading that opens it, or null when there is none. */
  steps: Record<string, number | null>;
  /** Steps a careful reader could map elsewhere: not scored. */
  ambiguous?: string[];
  /** Steps written as bold lines or list items: the document is not scored for steps. */
  pseudoHeadings?: boolean;
  /** Step id -> topic id -> covered. */
  topics?: Record<string, Record<string, boolean>>;
  /** The language of the step headings, where not English. */
  lang?: string;
}

/** What the checker said about one document. */
export interface CheckerVerdicts {
  /** Step id -> the 1-based line of the heading it took as opening the step, or null. */
  steps: Record<string, number | null>;
  /** Step id -> topic id -> 'covered' | 'missing' | 'unchecked' (steps the checker found). */
  topics: Record<string, Record<string, 'covered' | 'missing' | 'unchecked'>>;
  /** Step id -> topic id -> the words that showed it covered (for the miss list). */
  evidence?: Record<string, Record<string, string>>;
}

export interface StepMiss {
  file: string;
  step: string;
  expected: number | null;
  got: number | null;
}

export interface TopicMiss {
  file: string;
  step: string;
  topic: string;
  expected: boolean;
  /** The words the checker took as covering the topic (a gap called covered). */
  evidence?: string;
}

export interface StepCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface TopicCounts {
  /** Labelled verdicts of steps the checker found, with a covered/missing verdict. */
  judged: number;
  agree: number;
  /** Labels `true`, and of them the ones the checker calls not covered. */
  coveredLabels: number;
  coveredCalledMissing: number;
  /** Labels `false`, and of them the ones the checker calls not covered. */
  gapLabels: number;
  gapsReported: number;
  /** Verdicts the checker left unchecked (no cue words for the language): counted apart. */
  unchecked: number;
  /** Verdicts of steps the checker did not find, or topics it does not list. */
  notJudged: number;
}

export interface Score {
  documents: number;
  stepDocuments: number;
  steps: StepCounts;
  english: StepCounts;
  otherLanguages: StepCounts;
  topics: TopicCounts;
  /** The same for documents with English headings and with headings in another language. */
  topicsEnglish: TopicCounts;
  topicsOther: TopicCounts;
  stepMisses: StepMiss[];
  topicMisses: TopicMiss[];
}

function emptyTopicCounts(): TopicCounts {
  return {
    judged: 0,
    agree: 0,
    coveredLabels: 0,
    coveredCalledMissing: 0,
    gapLabels: 0,
    gapsReported: 0,
    unchecked: 0,
    notJudged: 0,
  };
}

export function emptyScore(): Score {
  return {
    documents: 0,
    stepDocuments: 0,
    steps: { tp: 0, fp: 0, fn: 0 },
    english: { tp: 0, fp: 0, fn: 0 },
    otherLanguages: { tp: 0, fp: 0, fn: 0 },
    topics: emptyTopicCounts(),
    topicsEnglish: emptyTopicCounts(),
    topicsOther: emptyTopicCounts(),
    stepMisses: [],
    topicMisses: [],
  };
}

/** Adds one document's comparison to `score`. */
export function scoreDocument(
  score: Score,
  file: string,
  labels: DocumentLabels,
  checker: CheckerVerdicts,
): void {
  score.documents++;
  if (!labels.pseudoHeadings) {
    score.stepDocuments++;
    const ambiguous = new Set(labels.ambiguous ?? []);
    const byLanguage = labels.lang ? score.otherLanguages : score.english;
    for (const [step, expected] of Object.entries(labels.steps)) {
      if (ambiguous.has(step)) continue;
      const got = checker.steps[step] ?? null;
      for (const counts of [score.steps, byLanguage]) {
        if (expected !== null && got === expected) counts.tp++;
        if (expected !== null && got !== expected) counts.fn++;
        if (got !== null && got !== expected) counts.fp++;
      }
      if (got !== expected) score.stepMisses.push({ file, step, expected, got });
    }
  }
  const byLanguage = labels.lang ? score.topicsOther : score.topicsEnglish;
  for (const [step, topics] of Object.entries(labels.topics ?? {})) {
    for (const [topic, expected] of Object.entries(topics)) {
      const verdict = checker.topics[step]?.[topic];
      for (const t of [score.topics, byLanguage]) countTopic(t, verdict, expected);
      if (verdict === undefined || verdict === 'unchecked') continue;
      if ((verdict === 'covered') === expected) continue;
      const miss: TopicMiss = { file, step, topic, expected };
      const evidence = checker.evidence?.[step]?.[topic];
      if (evidence !== undefined) miss.evidence = evidence;
      score.topicMisses.push(miss);
    }
  }
}

function countTopic(
  t: TopicCounts,
  verdict: CheckerVerdicts['topics'][string][string] | undefined,
  expected: boolean,
): void {
  if (verdict === undefined) {
    t.notJudged++;
    return;
  }
  if (verdict === 'unchecked') {
    t.unchecked++;
    return;
  }
  const covered = verdict === 'covered';
  t.judged++;
  if (covered === expected) t.agree++;
  if (expected) {
    t.coveredLabels++;
    if (!covered) t.coveredCalledMissing++;
  } else {
    t.gapLabels++;
    if (!covered) t.gapsReported++;
  }
}

export function mergeScores(scores: Score[]): Score {
  const total = emptyScore();
  for (const s of scores) {
    total.documents += s.documents;
    total.stepDocuments += s.stepDocuments;
    for (const key of ['steps', 'english', 'otherLanguages'] as const) {
      total[key].tp += s[key].tp;
      total[key].fp += s[key].fp;
      total[key].fn += s[key].fn;
    }
    for (const group of ['topics', 'topicsEnglish', 'topicsOther'] as const) {
      for (const key of Object.keys(total[group]) as (keyof TopicCounts)[]) {
        total[group][key] += s[group][key];
      }
    }
    total.stepMisses.push(...s.stepMisses);
    total.topicMisses.push(...s.topicMisses);
  }
  return total;
}

export interface StepFigures {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1; each is 1 when there is nothing to get wrong. */
export function stepFigures({ tp, fp, fn }: StepCounts): StepFigures {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface TopicFigures {
  agreement: number;
  coveredCalledMissing: number;
  gapsReported: number;
}

export function topicFigures(t: TopicCounts): TopicFigures {
  const share = (part: number, whole: number) => (whole === 0 ? NaN : part / whole);
  return {
    agreement: share(t.agree, t.judged),
    coveredCalledMissing: share(t.coveredCalledMissing, t.coveredLabels),
    gapsReported: share(t.gapsReported, t.gapLabels),
  };
}

const fixed = (x: number, digits = 3) => (Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const percent = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)} %`);

function stepLine(label: string, counts: StepCounts): string {
  const f = stepFigures(counts);
  return (
    `  steps ${label.padEnd(13)} P ${fixed(f.precision)}  R ${fixed(f.recall)}  F1 ${fixed(f.f1)}` +
    `  (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})`
  );
}

function topicLine(label: string, t: TopicCounts): string {
  const f = topicFigures(t);
  return (
    `  topics ${label.padEnd(12)} agreement ${fixed(f.agreement)} (${t.agree}/${t.judged})` +
    `  covered called missing ${percent(f.coveredCalledMissing)} (${t.coveredCalledMissing}/${t.coveredLabels})` +
    `  gaps reported ${percent(f.gapsReported)} (${t.gapsReported}/${t.gapLabels})` +
    `  unchecked ${t.unchecked}  not judged ${t.notJudged}`
  );
}

/** The figures of one score as printed lines (no misses). */
export function formatFigures(name: string, score: Score): string[] {
  return [
    `${name}: ${score.documents} documents, ${score.stepDocuments} scored for steps`,
    stepLine('overall', score.steps),
    stepLine('English', score.english),
    stepLine('non-English', score.otherLanguages),
    topicLine('overall', score.topics),
    topicLine('English', score.topicsEnglish),
    topicLine('non-English', score.topicsOther),
  ];
}

export interface TopicConfusion {
  /** `step/topic`. */
  topic: string;
  /** Covered by the labels, called missing. */
  calledMissing: number;
  /** A gap by the labels, called covered. */
  calledCovered: number;
}

/** Which topics are judged wrong how often, the most often first: the kinds of miss to look at. */
export function topicConfusion(misses: readonly TopicMiss[]): TopicConfusion[] {
  const byTopic = new Map<string, TopicConfusion>();
  for (const miss of misses) {
    const key = `${miss.step}/${miss.topic}`;
    let entry = byTopic.get(key);
    if (!entry) {
      entry = { topic: key, calledMissing: 0, calledCovered: 0 };
      byTopic.set(key, entry);
    }
    if (miss.expected) entry.calledMissing++;
    else entry.calledCovered++;
  }
  const total = (c: TopicConfusion) => c.calledMissing + c.calledCovered;
  return [...byTopic.values()].sort(
    (a, b) => total(b) - total(a) || a.topic.localeCompare(b.topic),
  );
}

export function formatConfusion(entry: TopicConfusion): string {
  return (
    `${entry.topic.padEnd(40)} ${String(entry.calledMissing + entry.calledCovered).padStart(3)}` +
    `  (covered called missing ${entry.calledMissing}, gap called covered ${entry.calledCovered})`
  );
}

const lineOf = (line: number | null) => (line === null ? 'none' : `line ${line}`);

export function formatStepMiss(miss: StepMiss): string {
  return `${miss.file}: ${miss.step} expected ${lineOf(miss.expected)}, got ${lineOf(miss.got)}`;
}

export function formatTopicMiss(miss: TopicMiss): string {
  const said = miss.expected ? 'covered, called missing' : 'a gap, called covered';
  const evidence = miss.evidence === undefined ? '' : ` by "${miss.evidence.replace(/\s+/g, ' ')}"`;
  return `${miss.file}: ${miss.step}/${miss.topic} ${said}${evidence}`;
}
