// Kinds of wrong topic verdict on real write-ups in the requirements and framing steps, one test
// per kind (fixtures written here): a heading the step aliases did not know, a general word taken
// as scale, a Russian word with two senses taken as a performance constraint, an ML objective
// stated as the task type with what it finds, a business objective stated as what to raise and
// what to lower, and two different words the English stemmer gives one stem.
import { strict as assert } from 'node:assert';
import { analyse, lines } from '../helpers/analyse';

function topicStatus(heading: string, stepId: string, topicId: string, body: string) {
  const analysis = analyse(lines('# T', `## ${heading}`, body));
  const step = analysis.steps.find((s) => s.step.id === stepId)!;
  return step.topics.find((t) => t.topic.id === topicId)?.status;
}

describe('requirements and framing topics on real wording', () => {
  it('opens requirements at a "Business task" heading, as at its Russian alias', () => {
    const analysis = analyse(
      lines(
        '# Parcel lockers',
        '## Business task',
        'Increase revenue per courier by cutting failed deliveries.',
        '## Functional requirements',
        '- Suggest a locker near the address.',
      ),
    );
    const requirements = analysis.steps.find((s) => s.step.id === 'requirements')!;
    assert.equal(requirements.section?.heading.text, 'Business task');
    const objective = requirements.topics.find((t) => t.topic.id === 'business-objective');
    assert.equal(objective?.status, 'covered');
  });

  it('does not take "scalable" or "scale" alone as the system scale', () => {
    const scale = (body: string) => topicStatus('Requirements', 'requirements', 'scale', body);
    assert.equal(
      scale('- Scalable and easy to operate\n- Sharded by region for scale.'),
      'missing',
    );
    assert.equal(scale('- Scale: how many orders arrive per hour?'), 'covered');
    assert.equal(scale('- Scale: 40 million orders a day.'), 'covered');
  });

  it('does not take the availability of data (Russian) as a performance constraint', () => {
    const constraints = (body: string) =>
      topicStatus('Требования', 'requirements', 'performance-constraints', body);
    assert.equal(constraints('Точность зависит от доступности архива заказов.'), 'missing');
    assert.equal(constraints('Нужна доступность сервиса 99,9 % в месяц.'), 'covered');
    assert.equal(constraints('Ответ за 200 мс.'), 'covered');
  });

  it('reads the task type with what it finds as the ML objective', () => {
    const mlObjective = (heading: string, body: string) =>
      topicStatus(heading, 'framing', 'ml-objective', body);
    assert.equal(
      mlObjective('ML task', 'A binary classification model to detect forged receipts.'),
      'covered',
    );
    assert.equal(mlObjective('ML task', 'Binary classification.'), 'missing');
    assert.equal(
      mlObjective('ML task', 'Поиск по базе статей и генерация ответа студенту.'),
      'covered',
    );
  });

  it('reads an objective stated as what to raise and what to lower', () => {
    const objective = (body: string) =>
      topicStatus('Requirements', 'requirements', 'business-objective', body);
    assert.equal(
      objective('Maximize finished sign-ups and reduce drop-off at the photo step.'),
      'covered',
    );
    assert.equal(objective('Reduce the page weight.'), 'missing');
  });

  it('does not match a cue to another word that only shares its stem', () => {
    const mlObjective = (body: string) => topicStatus('ML task', 'framing', 'ml-objective', body);
    // "objects" and "objective", "conversation" and "conversion" share a Porter stem.
    assert.equal(mlObjective('Objects in each frame are drawn as boxes.'), 'missing');
    assert.equal(mlObjective('The objective is the share of frames with a box.'), 'covered');
    const objective = (body: string) =>
      topicStatus('Requirements', 'requirements', 'business-objective', body);
    assert.equal(objective('Keep the conversation short; reduce typing.'), 'missing');
    assert.equal(objective('Raise conversion; reduce typing.'), 'covered');
  });

  it('takes a Russian "input" or "output" word alone as weak, as "list" is in other languages', () => {
    const io = (body: string) =>
      topicStatus('Постановка ML-задачи', 'framing', 'input-output', body);
    // "входной кадр" (an input frame) in passing says nothing of what the model takes and gives.
    assert.equal(io('Режем входной кадр на тайлы, чтобы находить мелкие объекты.'), 'missing');
    assert.equal(io('Вход: кадр с камеры. Выход: рамки людей с вероятностью.'), 'covered');
    assert.equal(io('На входе модели кадр с камеры.'), 'covered');
  });

  it('takes words of size without a figure ("more volume", "рост нагрузки") as no scale', () => {
    const scale = (heading: string, body: string) =>
      topicStatus(heading, 'requirements', 'scale', body);
    assert.equal(
      scale('Requirements', 'Handle more volume and traffic growth without more staff.'),
      'missing',
    );
    assert.equal(scale('Requirements', 'Traffic: 2,000 requests at peak.'), 'covered');
    assert.equal(
      scale('Требования', 'Обработать больший объём без роста нагрузки на команду.'),
      'missing',
    );
    assert.equal(scale('Требования', 'Объём данных: около 1000 звонков в сутки.'), 'covered');
  });

  it('takes one general word right under a step heading that names the topic as support', () => {
    const objective = (heading: string, body: string) =>
      topicStatus(heading, 'requirements', 'business-objective', body);
    // "Business task" names the objective; the sentence under it states it with one weak word.
    assert.equal(
      objective('Business task', 'Protect personal data and minimize the manual review bill.'),
      'covered',
    );
    assert.equal(
      objective('Requirements', 'Protect personal data and minimize the manual review bill.'),
      'missing',
    );
    // Far below the heading, the word is about something else.
    assert.equal(
      objective(
        'Goals',
        `- Rank pages by relevance.\n\n${'- Serve the results page from the cache.\n'.repeat(20)}- Log click and engagement signals.`,
      ),
      'missing',
    );
  });
});
