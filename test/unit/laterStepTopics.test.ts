// Topic verdicts of the later steps (data, model, evaluation, serving, monitoring) on the kinds of
// wording that misled them: a general word that only shares a stem with a metric's name, a word
// that names the topic in another sense, a verb of gathering without a source. Each is a weak cue:
// it covers its topic only beside a second cue of the same topic.
import { strict as assert } from 'node:assert';
import { analyse, lines } from '../helpers/analyse';

function status(heading: string, step: string, id: string, body: string): string | undefined {
  const analysis = analyse(lines('# T', `## ${heading}`, body));
  const result = analysis.steps.find((s) => s.step.id === step)!;
  return result.topics.find((t) => t.topic.id === id)?.status;
}

describe('later-step topics', () => {
  it('does not read a word sharing a metric name stem as an offline metric', () => {
    const offline = (heading: string, body: string) =>
      status(heading, 'evaluation', 'offline-metrics', body);
    // "specific" and "sensitive" stem like "specificity" and "sensitivity".
    assert.equal(offline('Evaluation', 'Market-specific rules apply.'), 'missing');
    assert.equal(offline('Evaluation', 'Sensitive content is blurred.'), 'missing');
    assert.equal(offline('Evaluation', 'We report sensitivity and specificity.'), 'covered');
    // Russian "полной" (full) stems like "полнота" (recall).
    assert.equal(offline('Оценка', 'Время полной генерации ответа меньше минуты.'), 'missing');
    assert.equal(offline('Оценка', 'Считаем полноту и точность на отложенной выборке.'), 'covered');
  });

  it('does not read safety guardrails as guardrail metrics', () => {
    const online = (body: string) => status('Evaluation', 'evaluation', 'online-metrics', body);
    assert.equal(online('New versions ship behind content guardrails.'), 'missing');
    assert.equal(online('Guardrail metrics: latency and the report rate.'), 'covered');
  });

  it('does not read a verb of gathering as a data source', () => {
    const sources = (body: string) => status('Data', 'data', 'data-sources', body);
    assert.equal(sources('Collect and label the images, then split them.'), 'missing');
    assert.equal(sources('We collect clicks and impressions from the feed.'), 'covered');
  });

  it('reads the business metric an evaluation watches as an online metric', () => {
    const online = (heading: string, body: string) =>
      status(heading, 'evaluation', 'online-metrics', body);
    assert.equal(online('Evaluation', 'The business metric: refunds avoided per week.'), 'covered');
    assert.equal(online('Оценка', 'Бизнес-метрики: доля решённых обращений.'), 'covered');
    assert.equal(online('Evaluation', 'Refunds avoided per week.'), 'missing');
  });

  it('reads an adversary changing its attacks as a cause of failure in production', () => {
    const drift = (body: string) => status('Monitoring', 'monitoring', 'drift', body);
    assert.equal(drift('Spammers change tactics: watch for new attack patterns.'), 'covered');
    assert.equal(drift('Evasion grows once users learn the filter.'), 'covered');
    assert.equal(drift('Spammers change tactics.'), 'missing');
  });

  it('does not read the root of an "-ize" word as the word', () => {
    const features = (body: string) => status('Data', 'data', 'feature-engineering', body);
    // "token" and "tokenize", "vector" and "vectorize", "normal" and "normalization" share a stem.
    assert.equal(features('Token limits apply per request.'), 'missing');
    assert.equal(features('An outdated answer is an attack vector.'), 'missing');
    assert.equal(features('Normal traffic is the reference.'), 'missing');
    assert.equal(features('Titles are tokenized and normalized before use.'), 'covered');
  });

  it('reads "feature" alone as weak: a product feature is not a model input', () => {
    const features = (body: string) => status('Data', 'data', 'feature-engineering', body);
    assert.equal(features('The answer cites a feature that changed last release.'), 'missing');
    assert.equal(features('Behind a feature flag for the first month.'), 'missing');
    assert.equal(features('Interaction features: clicks per day over a week.'), 'covered');
    assert.equal(features('Features: the title embedding and the price in buckets.'), 'covered');
    // Russian "фичи" is the same loan word.
    const russian = (body: string) => status('Данные', 'data', 'feature-engineering', body);
    assert.equal(russian('Новые фичи продукта выходят раз в месяц.'), 'missing');
    assert.equal(russian('Генерация фичей: счётчики кликов за неделю.'), 'covered');
  });

  it('does not take a topic named twice as support for itself', () => {
    const loss = (heading: string, body: string) => status(heading, 'model', 'loss-function', body);
    // Naming the topic is not choosing one; the name twice in one phrase is still one mention.
    assert.equal(
      loss('Model', '### Loss function\n\nThe loss depends on the detector.'),
      'missing',
    );
    assert.equal(
      loss('Модель', '#### Метрики и функции потерь\n\nЗависит от детектора.'),
      'missing',
    );
    assert.equal(loss('Model', 'Loss: binary cross-entropy on clicks.'), 'covered');
    assert.equal(loss('Модель', 'Функция потерь: кросс-энтропия.'), 'covered');
    assert.equal(loss('Model', 'A softmax output; the loss is weighted by recency.'), 'covered');
  });

  it('does not read a set a model is measured on as the training data', () => {
    const training = (body: string) => status('Model', 'model', 'training-data', body);
    assert.equal(training('Target: 90% accuracy on the validation set.'), 'missing');
    assert.equal(training('Split the clicks by day into train and test sets.'), 'covered');
    assert.equal(training('The training set is the last 30 days of clicks.'), 'covered');
  });

  it('reads speech and text error rates as offline metrics', () => {
    const offline = (body: string) => status('Evaluation', 'evaluation', 'offline-metrics', body);
    assert.equal(offline('We report WER on the held-back calls.'), 'covered');
    assert.equal(offline('Character error rate per accent.'), 'covered');
    assert.equal(offline('The CEO signs off on the launch.'), 'missing');
  });
});
