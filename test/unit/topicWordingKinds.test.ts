// Kinds of covered topic called missing on real write-ups, one test per kind (fixtures written
// here): a business objective given as the business metrics to move, and an agreement metric
// (kappa) as the offline metric.
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
});
