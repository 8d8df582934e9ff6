// Kinds of covered topic called missing on real write-ups, one test per kind (fixtures written
// here): a business objective given as the business metrics to move, an agreement metric (kappa)
// as the offline metric, an ML objective given as the task type right under the task-statement
// heading, and the English wording of the "goals and premises" part that opens requirements in
// the Reliable-ML template (its Russian wording was already an alias).
import { strict as assert } from 'node:assert';
import { analyse, lines } from '../helpers/analyse';

function statusIn(text: string, stepId: string, topicId: string) {
  const step = analyse(text).steps.find((s) => s.step.id === stepId)!;
  return step.topics.find((t) => t.topic.id === topicId)?.status;
}

function topicStatus(heading: string, stepId: string, topicId: string, body: string) {
  return statusIn(lines('# T', `## ${heading}`, body), stepId, topicId);
}

describe('topics written in wording the cue lists missed', () => {
  it('reads the business metrics a system should move as its business objective', () => {
    const objective = (heading: string, body: string) =>
      topicStatus(heading, 'requirements', 'business-objective', body);
    assert.equal(
      objective(
        'Requirements',
        '**Business metrics:**\n- cost of a guard shift\n- minutes from intrusion to alarm',
      ),
      'covered',
    );
    assert.equal(
      objective(
        'Требования',
        '**Бизнес-метрики:**\n- стоимость смены охранника\n- минуты от проникновения до тревоги',
      ),
      'covered',
    );
    assert.equal(
      objective('Requirements', '- cost of a guard shift\n- minutes from intrusion to alarm'),
      'missing',
    );
  });

  it("takes Cohen's kappa as an offline metric, in English and Russian text", () => {
    const offline = (heading: string, body: string) =>
      topicStatus(heading, 'evaluation', 'offline-metrics', body);
    assert.equal(
      offline(
        'Evaluation',
        "We compare with the reviewers' grades: Cohen's kappa of 0.75 or more.",
      ),
      'covered',
    );
    assert.equal(
      offline('Оценка качества', 'Сравниваем с оценками ревьюеров: каппа Коэна не ниже 0,75.'),
      'covered',
    );
    assert.equal(offline('Evaluation', "We compare with the reviewers' grades."), 'missing');
  });

  it('takes the task type right under a task-statement heading as the ML objective', () => {
    const mlObjective = (requirements: string, framing: string, body: string) =>
      statusIn(
        lines('# T', `## 1. ${requirements}`, 'Shorter queues.', `## 2. ${framing}`, body),
        'framing',
        'ml-objective',
      );
    const text = 'Multi-label classification of support chats, 0 to 2 points per rubric item.';
    assert.equal(mlObjective('Requirements', 'Problem statement', text), 'covered');
    assert.equal(
      mlObjective(
        'Цели и предпосылки',
        'Постановка задачи',
        'Извлечение навыков из текста резюме в граф компетенций.',
      ),
      'covered',
    );
    // A heading that does not state the task gives the one general word no support.
    assert.equal(mlObjective('Requirements', 'ML task', text), 'missing');
    // Far below the heading, the task type is about something else.
    assert.equal(
      mlObjective(
        'Requirements',
        'Problem statement',
        `${'- Chats arrive through the help desk queue.\n'.repeat(20)}- A classification of chats by topic is kept for reports.`,
      ),
      'missing',
    );
  });

  it('opens requirements at an English "Goals and premises" part, not at its sub-section', () => {
    const analysis = analyse(
      lines(
        '# Receipt checker',
        '## 1. Goals and premises',
        '### 1.1. Why we build it',
        '**Business goal**: fewer forged receipts paid out.',
        '### 1.2. Business requirements and constraints',
        '- Answer within 2 seconds.',
        '## 2. Methodology',
        '### 2.1. Problem statement',
        'Binary classification of receipt photos: forged or genuine.',
      ),
    );
    const requirements = analysis.steps.find((s) => s.step.id === 'requirements')!;
    assert.equal(requirements.section?.heading.text, '1. Goals and premises');
    const objective = requirements.topics.find((t) => t.topic.id === 'business-objective');
    assert.equal(objective?.status, 'covered');
  });
});
