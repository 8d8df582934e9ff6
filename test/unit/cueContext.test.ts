// Topic evidence judged in context: an acronym cue is matched as written, so a product name or
// an ordinary word that happens to spell it does not cover the topic; a general word (a weak cue)
// covers a topic only beside a second one; a cue in a sentence that defers or denies the topic
// ("out of scope", "TBD") does not cover it.
import { strict as assert } from 'node:assert';
import { analyse, lines } from '../helpers/analyse';
import { wholeTextAnalysis } from '../oracle/wholeTextAnalysis';
import { compileFramework } from '../../server/src/framework/compile';
import { builtInRegistry } from '../../server/src/framework/registry';

function offlineMetrics(body: string): string | undefined {
  const analysis = analyse(lines('# T', '## Evaluation', body));
  const step = analysis.steps.find((s) => s.step.id === 'evaluation')!;
  return step.topics.find((t) => t.topic.id === 'offline-metrics')?.status;
}

describe('cue context', () => {
  it('matches an acronym cue only when written in capitals', () => {
    assert.equal(offlineMetrics('We report MAP and nDCG on a held-out week.'), 'covered');
    assert.equal(offlineMetrics('We report nDCG on a held-out week.'), 'covered');
    assert.equal(offlineMetrics('Results shown next to Google Maps in a map view.'), 'missing');
  });

  it('needs a second weak cue before a general word covers a topic', () => {
    const objective = (body: string) => {
      const analysis = analyse(lines('# T', '## Requirements', body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'business-objective')?.status;
    };
    assert.equal(objective('Our goal here is to answer in order.'), 'missing');
    assert.equal(objective('Our goal is to raise engagement with the feed.'), 'covered');
    assert.equal(objective('Goals: one. More goals: two.'), 'missing', 'one word twice');
    assert.equal(objective('The business objective is to sell more.'), 'covered');
  });

  it('holds a general word weak in whichever language list carries it', () => {
    const objective = (heading: string, body: string) => {
      const analysis = analyse(lines('# T', `## ${heading}`, body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'business-objective')?.status;
    };
    // "engagement" is in the English, French and German lists; "revenus" stems as "revenue".
    assert.equal(objective('Requirements', 'Engagement data is kept for a week.'), 'missing');
    assert.equal(objective('Requirements', 'Numbers in the Q3 revenue report.'), 'missing');
    assert.equal(objective('Requisitos', 'Objetivo: más reservas.'), 'covered');
    assert.equal(objective('Requisitos', 'El objetivo es claro.'), 'missing');
  });

  it('takes two general words as support only near each other', () => {
    const objective = (body: string) => {
      const analysis = analyse(lines('# T', '## Requirements', body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'business-objective')?.status;
    };
    const filler = Array.from({ length: 20 }, (_, i) => `- Item ${i}: the queue is read in order.`);
    assert.equal(objective(['Our goal is to grow revenue.', ...filler].join('\n')), 'covered');
    assert.equal(
      objective(['Our goal is clear.', ...filler, 'A revenue table.'].join('\n')),
      'missing',
    );
  });

  it('matches a cue of another Latin language as written or plural, not by the English stemmer', () => {
    const objective = (heading: string, body: string) => {
      const analysis = analyse(lines('# T', `## ${heading}`, body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'business-objective')?.status;
    };
    // Spanish "reservas" (bookings) is not English "reserved"; "métrica" and "métricas" are one word.
    assert.equal(objective('Requirements', 'Seats are reserved and goals are set.'), 'missing');
    assert.equal(objective('Requisitos', 'Aumentar las reservas y los ingresos.'), 'covered');
    const offline = (body: string) => offlineMetrics(body);
    assert.equal(offline('We report EER and FRR on a subject-disjoint split.'), 'covered');
  });

  it('reads a time bound with its unit as a performance constraint', () => {
    const constraints = (body: string) => {
      const analysis = analyse(lines('# T', '## Requirements', body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'performance-constraints')?.status;
    };
    assert.equal(constraints('Changed documents appear within 24 hours.'), 'covered');
    assert.equal(constraints('Changed documents appear eventually.'), 'missing');
  });

  it('holds Russian general words to the same need for support', () => {
    const requirements = (id: string, body: string) => {
      const analysis = analyse(lines('# T', '## Требования', body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === id)?.status;
    };
    assert.equal(requirements('scale', 'Снизить нагрузку на преподавателей.'), 'missing');
    assert.equal(requirements('scale', 'Нагрузка растёт: 10 000 запросов в день.'), 'covered');
    assert.equal(
      requirements('business-objective', 'Что считаем успехом: 1000 активных.'),
      'covered',
    );
  });

  it('matches a Russian cue in its inflected forms, not in longer words that share its start', () => {
    const constraints = (body: string) => {
      const analysis = analyse(lines('# T', '## Требования', body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'performance-constraints')?.status;
    };
    assert.equal(constraints('Задержки должны быть малы.'), 'covered');
    assert.equal(constraints('Человек проверяет задержанными платежами.'), 'missing');
  });

  it('reads common paraphrases of an objective', () => {
    const topic = (heading: string, step: string, id: string, body: string) => {
      const analysis = analyse(lines('# T', `## ${heading}`, body));
      const result = analysis.steps.find((s) => s.step.id === step)!;
      return result.topics.find((t) => t.topic.id === id)?.status;
    };
    const objective = (body: string) =>
      topic('Requirements', 'requirements', 'business-objective', body);
    const mlObjective = (body: string) => topic('ML task', 'framing', 'ml-objective', body);
    assert.equal(objective('Help users discover connections and grow their network.'), 'covered');
    assert.equal(mlObjective('A ranking problem: order results by relevance.'), 'covered');
    assert.equal(mlObjective('Identify risky containers: anomaly detection.'), 'covered');
    assert.equal(mlObjective('Identify the people involved.'), 'missing');
  });

  it('reads a number with its unit as scale', () => {
    const scale = (body: string) => {
      const analysis = analyse(lines('# T', '## Requirements', body));
      const step = analysis.steps.find((s) => s.step.id === 'requirements')!;
      return step.topics.find((t) => t.topic.id === 'scale')?.status;
    };
    assert.equal(scale('Up to 2,000 requests a second.'), 'covered');
    assert.equal(scale('About 500M posts arrive.'), 'covered');
    assert.equal(scale('Keep 40 TB of logs.'), 'covered');
    assert.equal(scale('Three steps and 2 questions.'), 'missing');
  });

  it('reads an A/B comparison or a pilot as an online evaluation', () => {
    const online = (heading: string, body: string) => {
      const analysis = analyse(lines('# T', `## ${heading}`, body));
      const step = analysis.steps.find((s) => s.step.id === 'evaluation')!;
      return step.topics.find((t) => t.topic.id === 'online-metrics')?.status;
    };
    assert.equal(online('Evaluation', 'Compare with the manual scores (A/B).'), 'covered');
    assert.equal(online('Оценка', 'Успешный пилот: меньше ручной работы.'), 'covered');
    assert.equal(online('Evaluation', 'Compare with the manual scores.'), 'missing');
    // A slash pair whose second word only starts with "b" is not an A/B test.
    assert.equal(online('Evaluation', 'Scores are written to a/banner and a/books.'), 'missing');
  });

  it('does not take a deferred or denied topic as covered', () => {
    const loss = (body: string) => {
      const analysis = analyse(lines('# T', '## Model', body));
      const step = analysis.steps.find((s) => s.step.id === 'model')!;
      return step.topics.find((t) => t.topic.id === 'loss-function')?.status;
    };
    assert.equal(loss('- **Loss function**: out of scope for this round.'), 'missing');
    assert.equal(loss('Loss function TBD.'), 'missing');
    assert.equal(loss('We train with a focal loss. Serving is out of scope.'), 'covered');
    assert.equal(loss('- **Loss function**: focal loss\n- **Serving**: out of scope'), 'covered');
  });

  it('does not take a word naming a model input ("engagement features") as the topic', () => {
    const topic = (heading: string, step: string, id: string, body: string) => {
      const analysis = analyse(lines('# T', `## ${heading}`, body));
      const result = analysis.steps.find((s) => s.step.id === step)!;
      return result.topics.find((t) => t.topic.id === id)?.status;
    };
    const online = (body: string) => topic('Evaluation', 'evaluation', 'online-metrics', body);
    assert.equal(online('Inputs include retention features and past clicks.'), 'missing');
    assert.equal(online('We watch the retention rate after launch.'), 'covered');
    // A topic whose own cues are the feature noun still counts it.
    const features = (body: string) => topic('Data', 'data', 'feature-engineering', body);
    assert.equal(features('Engagement features from the last week.'), 'covered');
  });

  it('does not take a topic deferred in other languages as covered', () => {
    const loss = (heading: string, body: string) => {
      const analysis = analyse(lines('# T', `## ${heading}`, body));
      const step = analysis.steps.find((s) => s.step.id === 'model')!;
      return step.topics.find((t) => t.topic.id === 'loss-function')?.status;
    };
    assert.equal(loss('Model', 'Loss function: beyond the scope of this answer.'), 'missing');
    assert.equal(loss('Модель', 'Функция потерь за рамками этого ответа.'), 'missing');
    assert.equal(loss('Modelo', 'Función de pérdida: fuera de alcance.'), 'missing');
    assert.equal(loss('Modell', 'Verlustfunktion: nicht behandelt.'), 'missing');
    assert.equal(loss('Модель', 'Функция потерь: кросс-энтропия.'), 'covered');
  });

  it('judges weak cues and deferrals the same way in the whole-text oracle', () => {
    const text = lines(
      '# T',
      '## Requirements',
      'Our goal here is to answer in order.',
      '## Model',
      'We split the data by time and keep a labels table.',
      'Inputs: retention features.',
      '',
      '**Loss function**: out of scope. Cross-entropy later, maybe.',
    );
    const engine = analyse(text);
    const oracle = wholeTextAnalysis(text);
    for (const step of engine.steps) {
      const other = oracle.steps.find((s) => s.step.id === step.step.id)!;
      assert.deepEqual(
        step.topics.map((t) => [t.topic.id, t.status, t.evidence?.start]),
        other.topics.map((t) => [t.topic.id, t.status, t.evidence?.start]),
      );
    }
  });

  it('compiles weak cues from the framework data, adding those not among the cues', () => {
    const data = structuredClone(builtInRegistry().defaultFramework.data);
    const topic = data.steps[0].topics[0];
    topic.cues = { en: ['business objective', 'goal'] };
    topic.weakCues = { en: ['goal', 'aim'] };
    const compiled = compileFramework(data).steps[0].topics[0];
    assert.deepEqual(
      compiled.cues.map((c) => [c.text, c.weak ?? false]),
      [
        ['business objective', false],
        ['goal', true],
        ['aim', true],
      ],
    );
  });
});
