// Validates framework and case-study data files and names the file and field on an error, so a
// user who edits the data gets "aminian-7.json: steps[2].topics[0].cues: expected an object".
import {
  LEVELS,
  type CaseStudyData,
  type FollowUpData,
  type FrameworkData,
  type TopicData,
} from './types';

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'DataFileError';
  }
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

class Checker {
  constructor(readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new DataFileError(this.file, field, problem);
  }

  object(value: unknown, field: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(field, `expected an object, found ${describe(value)}`);
    }
    return value as Record<string, unknown>;
  }

  array(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) this.fail(field, `expected an array, found ${describe(value)}`);
    return value;
  }

  string(value: unknown, field: string, allowEmpty = false): string {
    if (typeof value !== 'string') this.fail(field, `expected a string, found ${describe(value)}`);
    if (!allowEmpty && value.trim() === '') this.fail(field, 'must not be empty');
    return value;
  }

  id(value: unknown, field: string): string {
    const id = this.string(value, field);
    if (!ID_PATTERN.test(id)) this.fail(field, `"${id}" is not a kebab-case id`);
    return id;
  }

  positive(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      this.fail(field, `expected a positive number, found ${describe(value)}`);
    }
    return value;
  }

  boolean(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean')
      this.fail(field, `expected true or false, found ${describe(value)}`);
    return value;
  }

  phrases(value: unknown, field: string): Record<string, string[]> {
    const record = this.object(value, field);
    for (const [language, list] of Object.entries(record)) {
      this.array(list, `${field}.${language}`).forEach((phrase, i) =>
        this.string(phrase, `${field}.${language}[${i}]`),
      );
    }
    return record as Record<string, string[]>;
  }

  allowedKeys(record: Record<string, unknown>, field: string, keys: string[]): void {
    for (const key of Object.keys(record)) {
      if (key !== '$schema' && !keys.includes(key)) {
        this.fail(field ? `${field}.${key}` : key, `unknown field (allowed: ${keys.join(', ')})`);
      }
    }
  }

  topic(value: unknown, field: string): TopicData {
    const topic = this.object(value, field);
    this.allowedKeys(topic, field, [
      'id',
      'title',
      'required',
      'description',
      'cues',
      'weakCues',
      'minQuestions',
      'stub',
      'alsoIn',
      'requiredAt',
    ]);
    this.id(topic.id, `${field}.id`);
    this.string(topic.title, `${field}.title`);
    this.boolean(topic.required, `${field}.required`);
    this.string(topic.description, `${field}.description`);
    this.phrases(topic.cues, `${field}.cues`);
    if (topic.weakCues !== undefined) this.phrases(topic.weakCues, `${field}.weakCues`);
    this.string(topic.stub, `${field}.stub`);
    if (topic.minQuestions !== undefined)
      this.positive(topic.minQuestions, `${field}.minQuestions`);
    if (topic.alsoIn !== undefined) {
      this.array(topic.alsoIn, `${field}.alsoIn`).forEach((id, i) =>
        this.id(id, `${field}.alsoIn[${i}]`),
      );
    }
    if (topic.requiredAt !== undefined) {
      this.array(topic.requiredAt, `${field}.requiredAt`).forEach((level, i) => {
        if (!(LEVELS as readonly unknown[]).includes(level))
          this.fail(
            `${field}.requiredAt[${i}]`,
            `expected one of ${LEVELS.join(', ')}, found ${describe(level)}`,
          );
      });
    }
    return topic as unknown as TopicData;
  }

  /** A list of follow-up questions whose topics are among `topicIds` (per step when `steps`). */
  followUps(
    value: unknown,
    field: string,
    topicIds: (step: string | undefined, field: string) => Set<string>,
    withStep: boolean,
  ): FollowUpData[] {
    const ids = new Set<string>();
    return this.array(value, field).map((item, i) => {
      const f = `${field}[${i}]`;
      const question = this.object(item, f);
      this.allowedKeys(
        question,
        f,
        withStep ? ['id', 'step', 'text', 'topics'] : ['id', 'text', 'topics'],
      );
      const id = this.id(question.id, `${f}.id`);
      if (ids.has(id)) this.fail(`${f}.id`, `follow-up "${id}" is defined twice`);
      ids.add(id);
      const step = withStep ? this.id(question.step, `${f}.step`) : undefined;
      this.string(question.text, `${f}.text`);
      const known = topicIds(step, `${f}.step`);
      const topics = this.array(question.topics, `${f}.topics`);
      if (topics.length === 0)
        this.fail(`${f}.topics`, 'name at least one topic the question probes');
      topics.forEach((topic, j) => {
        const topicId = this.id(topic, `${f}.topics[${j}]`);
        if (!known.has(topicId))
          this.fail(
            `${f}.topics[${j}]`,
            `"${topicId}" is not a topic of step "${step ?? ''}"`.replace(
              ' of step ""',
              ' of this step',
            ),
          );
      });
      return question as unknown as FollowUpData;
    });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (the field is missing)';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export function validateFramework(value: unknown, file: string): FrameworkData {
  const c = new Checker(file);
  const data = c.object(value, '');
  c.allowedKeys(data, '', [
    'id',
    'title',
    'source',
    'minutes',
    'languages',
    'extraSections',
    'placeholders',
    'checks',
    'deferrals',
    'featureNouns',
    'steps',
    'levels',
  ]);
  c.id(data.id, 'id');
  c.string(data.title, 'title');
  c.string(data.source, 'source');
  c.positive(data.minutes, 'minutes');
  const languages = c.object(data.languages, 'languages');
  for (const [code, rules] of Object.entries(languages)) {
    const field = `languages.${code}`;
    const record = c.object(rules, field);
    c.allowedKeys(record, field, [
      'head',
      'prepositions',
      'fillers',
      'genericHeads',
      'substringMatch',
    ]);
    if (record.head !== 'first' && record.head !== 'last') {
      c.fail(`${field}.head`, `expected "first" or "last", found ${describe(record.head)}`);
    }
    for (const key of ['prepositions', 'fillers', 'genericHeads'] as const) {
      if (record[key] !== undefined) {
        c.array(record[key], `${field}.${key}`).forEach((word, i) =>
          c.string(word, `${field}.${key}[${i}]`),
        );
      }
    }
    if (record.substringMatch !== undefined)
      c.boolean(record.substringMatch, `${field}.substringMatch`);
  }
  if (data.levels !== undefined) {
    const levels = c.object(data.levels, 'levels');
    for (const [level, value] of Object.entries(levels)) {
      const field = `levels.${level}`;
      if (!(LEVELS as readonly string[]).includes(level))
        c.fail(field, `expected a level (${LEVELS.join(', ')}), found "${level}"`);
      const record = c.object(value, field);
      c.allowedKeys(record, field, ['thinWordsScale']);
      c.positive(record.thinWordsScale, `${field}.thinWordsScale`);
    }
  }
  c.phrases(data.extraSections, 'extraSections');
  c.array(data.placeholders, 'placeholders').forEach((p, i) => c.string(p, `placeholders[${i}]`));
  if (data.deferrals !== undefined) c.phrases(data.deferrals, 'deferrals');
  if (data.featureNouns !== undefined) c.phrases(data.featureNouns, 'featureNouns');
  const steps = c.array(data.steps, 'steps');
  if (steps.length === 0) c.fail('steps', 'a framework needs at least one step');
  const stepIds = new Set<string>();
  steps.forEach((stepValue, i) => {
    const field = `steps[${i}]`;
    const step = c.object(stepValue, field);
    c.allowedKeys(step, field, [
      'id',
      'title',
      'minutes',
      'summary',
      'aliases',
      'keywords',
      'laterAliases',
      'fallbackHeadings',
      'thinWords',
      'template',
      'topics',
      'followUps',
    ]);
    const id = c.id(step.id, `${field}.id`);
    if (stepIds.has(id)) c.fail(`${field}.id`, `step "${id}" is defined twice`);
    stepIds.add(id);
    c.string(step.title, `${field}.title`);
    c.positive(step.minutes, `${field}.minutes`);
    c.string(step.summary, `${field}.summary`);
    c.phrases(step.aliases, `${field}.aliases`);
    c.phrases(step.keywords, `${field}.keywords`);
    if (step.laterAliases !== undefined) c.phrases(step.laterAliases, `${field}.laterAliases`);
    if (step.fallbackHeadings !== undefined) {
      const fallback = c.object(step.fallbackHeadings, `${field}.fallbackHeadings`);
      c.allowedKeys(fallback, `${field}.fallbackHeadings`, ['heads', 'notWith', 'cues', 'against']);
      for (const key of ['heads', 'notWith', 'cues', 'against'])
        c.phrases(fallback[key], `${field}.fallbackHeadings.${key}`);
    }
    c.positive(step.thinWords, `${field}.thinWords`);
    c.string(step.template, `${field}.template`, true);
    const topicIds = new Set<string>();
    c.array(step.topics, `${field}.topics`).forEach((topicValue, j) => {
      const topic = c.topic(topicValue, `${field}.topics[${j}]`);
      if (topicIds.has(topic.id))
        c.fail(`${field}.topics[${j}].id`, `topic "${topic.id}" is defined twice`);
      topicIds.add(topic.id);
    });
    if (step.followUps !== undefined)
      c.followUps(step.followUps, `${field}.followUps`, () => topicIds, false);
  });
  if (data.checks !== undefined) {
    for (const [name, list] of Object.entries(c.object(data.checks, 'checks'))) {
      c.id(name, `checks.${name}`);
      const record = c.object(list, `checks.${name}`);
      c.allowedKeys(record, `checks.${name}`, ['description', 'cues']);
      c.string(record.description, `checks.${name}.description`);
      c.phrases(record.cues, `checks.${name}.cues`);
    }
  }
  // Every language a step names must have its head-noun rules.
  steps.forEach((step, i) => {
    for (const record of ['aliases', 'keywords'] as const) {
      for (const language of Object.keys((step as Record<string, object>)[record])) {
        if (!(language in languages)) {
          c.fail(
            `steps[${i}].${record}.${language}`,
            `language "${language}" is not in "languages"`,
          );
        }
      }
    }
  });
  return data as unknown as FrameworkData;
}

/**
 * Validates a case study. With `stepTopics` (the framework's topic ids per step), step ids and the
 * topics its follow-up questions name are checked too.
 */
export function validateCaseStudy(
  value: unknown,
  file: string,
  stepIds?: Set<string>,
  stepTopics?: Map<string, Set<string>>,
): CaseStudyData {
  const c = new Checker(file);
  const data = c.object(value, '');
  c.allowedKeys(data, '', [
    'id',
    'title',
    'framework',
    'prompt',
    'opening',
    'topics',
    'traits',
    'followUps',
  ]);
  c.id(data.id, 'id');
  c.string(data.title, 'title');
  c.id(data.framework, 'framework');
  c.string(data.prompt, 'prompt');
  if (data.opening !== undefined) {
    const opening = c.object(data.opening, 'opening');
    c.allowedKeys(opening, 'opening', ['statement', 'clarifyingQuestion']);
    c.string(opening.statement, 'opening.statement');
    c.string(opening.clarifyingQuestion, 'opening.clarifyingQuestion');
  }
  const topics = c.object(data.topics, 'topics');
  for (const [stepId, list] of Object.entries(topics)) {
    if (stepIds && !stepIds.has(stepId)) {
      c.fail(
        `topics.${stepId}`,
        `"${stepId}" is not a step of framework "${String(data.framework)}"`,
      );
    }
    c.array(list, `topics.${stepId}`).forEach((topic, i) =>
      c.topic(topic, `topics.${stepId}[${i}]`),
    );
  }
  if (data.traits !== undefined) {
    c.array(data.traits, 'traits').forEach((trait, i) => c.id(trait, `traits[${i}]`));
  }
  if (data.followUps !== undefined) {
    c.followUps(
      data.followUps,
      'followUps',
      (stepId, field) => {
        const step = stepId ?? '';
        if (stepIds && !stepIds.has(step)) {
          c.fail(field, `"${step}" is not a step of framework "${String(data.framework)}"`);
        }
        const own = ((topics[step] ?? []) as { id?: unknown }[]).map((t) => String(t.id));
        // Without the framework's topics, any id is accepted for the framework's part.
        if (!stepTopics) return new Set<string>([...own, ...anyTopic(data.followUps)]);
        return new Set([...(stepTopics.get(step) ?? []), ...own]);
      },
      true,
    );
  }
  return data as unknown as CaseStudyData;
}

/** Every topic id the follow-ups name (used when the framework's topics are not known). */
function anyTopic(followUps: unknown): string[] {
  if (!Array.isArray(followUps)) return [];
  return followUps.flatMap((q) =>
    Array.isArray((q as { topics?: unknown })?.topics)
      ? ((q as { topics: unknown[] }).topics.filter((t) => typeof t === 'string') as string[])
      : [],
  );
}
