// MLSD117 training-serving-skew: fires on a design that builds features for a deployed model and
// never says how serving computes them as training did; stays quiet for each silencer, in each
// language its word lists cover, and where it does not apply (no deployment, a prompted LLM,
// "feature" meaning a part of the product).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDesign } from '../../server/src/analysis/analyse';
import { applyEdits } from '../../server/src/core/applyEdits';

function skewFindings(text: string) {
  return analyseDesign(text).findings.filter((f) => f.rule.id === 'MLSD117');
}

/** A design in English with features in step 3 and a serving step; `extra` goes in step 6. */
function english(features: string, extra = '', serving = true): string {
  return [
    '# Hotel booking prediction',
    '',
    '## 2. Framing',
    '',
    'Binary classification: will the visitor book within the session.',
    '',
    '## 3. Data and features',
    '',
    features,
    '',
    '## 4. Model development',
    '',
    'Gradient-boosted trees trained on the last six months of sessions.',
    '',
    ...(serving
      ? [
          '## 6. Deployment and serving',
          '',
          `The model runs behind an endpoint the search page calls on every visit. ${extra}`,
          '',
        ]
      : []),
  ].join('\n');
}

const FEATURES =
  'Features: number of searches in the session, days until check-in, the hotel booking rate over the last 30 days.';

describe('MLSD117 training-serving-skew', () => {
  it('fires on features built for a served model, pointing at the features sentence', () => {
    const text = english(FEATURES);
    const [finding, ...rest] = skewFindings(text);
    assert.ok(finding, 'fires');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.stepId, 'data');
    assert.equal(text.split('\n')[finding.range.start.line], FEATURES);
    assert.match(finding.message, /An interviewer would ask: "How do you make sure a feature/);
    assert.match(finding.message, /two code paths/);
  });

  it("fires on the rule page's wrong example and not on its right one", () => {
    const page = fs.readFileSync(
      path.join(__dirname, '..', '..', 'docs', 'rules', 'MLSD117.md'),
      'utf8',
    );
    const example = (title: string) =>
      new RegExp(`## ${title}\\n\\n\`\`\`markdown\\n([^]*?)\`\`\``).exec(page)?.[1] ?? '';
    assert.equal(skewFindings(example('Wrong')).length, 1);
    assert.ok(example('Right'));
    assert.deepEqual(skewFindings(example('Right')), []);
  });

  it('offers a stub in step 3 that only adds text and silences it', () => {
    const text = english(FEATURES);
    const [finding] = skewFindings(text);
    const [fix] = finding.fixes ?? [];
    assert.equal(fix.title, 'Add a stub for training-serving consistency to step 3');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.startsWith(text.slice(0, text.indexOf('## 4.'))));
    assert.match(fixed, /- \*\*Training-serving consistency\*\*: TODO \(/);
    assert.deepEqual(skewFindings(fixed), []);
  });

  it('fires when the design monitors a deployed model but has no serving step', () => {
    const text = `${english(FEATURES, '', false)}\n## 7. Monitoring\n\nAlert on the booking rate.\n`;
    assert.equal(skewFindings(text).length, 1);
  });

  for (const [what, words] of [
    ['training-serving skew named', 'We watch for training-serving skew on the top features.'],
    ['train/serve skew named', 'A nightly job diffs the two paths to catch train/serve skew.'],
    ['a feature store', 'Features are read from the feature store.'],
    ['a feature store with no more said', 'Components: gateway, feature store, model server.'],
    [
      'shared feature definitions',
      'Both paths import shared feature definitions from one package.',
    ],
    ['training data from serving logs', 'Training rows are joined from the serving logs.'],
    ['Feast', 'Features come from Feast.'],
    ['point-in-time training data', 'Training rows are built with point-in-time joins.'],
    [
      'features logged at serving time',
      'We log features at request time and train on the logged features.',
    ],
    [
      'one code path for both',
      'The same library computes these values for training and for serving.',
    ],
    ['features logged', 'The features are logged with every prediction and reused for training.'],
    [
      'consistency between training and inference',
      'One job keeps them consistent between training and inference.',
    ],
  ] as const) {
    it(`stays quiet with ${what}`, () => {
      assert.deepEqual(skewFindings(english(FEATURES, words)), []);
    });
  }

  it('stays quiet when nothing says the model is deployed', () => {
    assert.deepEqual(skewFindings(english(FEATURES, '', false)), []);
  });

  it('fires without a serving step when a deployment word says the model is served', () => {
    const text = `${english(FEATURES, '', false)}\n## Rollout plan\n\nThe model is exposed through a REST API.\n`;
    assert.equal(skewFindings(text).length, 1);
  });

  it('takes a feature store shown only as an online cache as no answer, unless it names training', () => {
    const cache =
      'Streaming jobs write the latest values to a Redis feature store the endpoint reads.';
    assert.equal(skewFindings(english(FEATURES, cache)).length, 1, 'an online cache only');
    const both = 'Training and the endpoint read one Redis feature store.';
    assert.deepEqual(skewFindings(english(FEATURES, both)), [], 'it serves training too');
    const elsewhere = `${cache} Nightly jobs fill the offline feature store too.`;
    assert.deepEqual(skewFindings(english(FEATURES, elsewhere)), [], 'an offline store as well');
  });

  it('stays quiet when the features are only named in other steps', () => {
    const text = english('Sessions and bookings come from the clickstream.').replace(
      'Gradient-boosted trees',
      'Gradient-boosted trees over session features',
    );
    assert.deepEqual(skewFindings(text), []);
  });

  it('stays quiet on a negated sentence and on "feature" meaning a part of the product', () => {
    assert.deepEqual(skewFindings(english('We do not build features; the raw text goes in.')), []);
    assert.deepEqual(
      skewFindings(english('Bookings of every new feature flag in the app are logged.')),
      [],
    );
  });

  it('stays quiet when the model is a large language model named by its family', () => {
    const text = english(FEATURES).replace(
      'Gradient-boosted trees trained',
      'A fine-tuned Llama classifier trained',
    );
    assert.deepEqual(skewFindings(text), []);
  });

  it('stays quiet when the model is a prompted large language model', () => {
    const text = english(FEATURES).replace(
      'Binary classification: will the visitor book within the session.',
      'An LLM reads the session and says whether the visitor will book, with a few-shot prompt.',
    );
    assert.deepEqual(skewFindings(text), []);
  });

  it('stays quiet under a framework that does not define its word lists (nine-step)', () => {
    const text = `---\nframework: nine-step\n---\n${english(FEATURES)}`;
    assert.equal(analyseDesign(text).framework.id, 'nine-step');
    assert.deepEqual(skewFindings(text), []);
  });

  it('stays quiet in a placeholder line (not the writer’s words)', () => {
    assert.deepEqual(skewFindings(english('- **Features**: TODO')), []);
  });

  // Each language: a features sentence fires; the same design with a silencer in that language
  // stays quiet.
  const languages: [string, string, string, string, string][] = [
    [
      'Russian',
      '## 3. Данные',
      'Признаки: число поисков за сессию и доля бронирований отеля за месяц.',
      '## 6. Внедрение',
      'Признаки для обучения и для инференса считает один и тот же сервис.',
    ],
    [
      'Russian (production slang)',
      '## 3. Данные',
      'Фичи: число поисков за сессию и доля бронирований отеля за месяц.',
      '## 6. Внедрение',
      'Фичи на обучении и на проде считаются одинаково.',
    ],
    [
      'Spanish',
      '## 3. Datos',
      'Características: búsquedas en la sesión y tasa de reservas del hotel en el último mes.',
      '## 6. Despliegue',
      'Las mismas características se usan en el entrenamiento y en la inferencia.',
    ],
    [
      'Portuguese',
      '## 3. Preparação de dados',
      'Features: buscas na sessão e taxa de reservas do hotel em 30 dias.',
      '## 6. Implantação',
      'Todas as features ficam no repositório de features.',
    ],
    [
      'German',
      '## 3. Daten',
      'Merkmale: Suchen in der Sitzung und Buchungsrate des Hotels im letzten Monat.',
      '## 6. Bereitstellung',
      'Training und Inferenz verwenden die gleichen Features aus einem Feature Store.',
    ],
    [
      'French',
      '## 3. Données',
      'Caractéristiques : recherches de la session et taux de réservation de l’hôtel sur le mois.',
      '## 6. Déploiement',
      'L’entraînement et l’inférence utilisent les mêmes caractéristiques.',
    ],
    [
      'Chinese',
      '## 3. 数据准备',
      '特征：会话内的搜索次数，酒店最近一个月的预订率。',
      '## 6. 部署与服务',
      '训练和推理使用同一套特征，存放在特征存储中。',
    ],
    [
      'Japanese',
      '## 3. データ準備',
      '特徴量：セッション内の検索回数、ホテルの直近一か月の予約率。',
      '## 6. デプロイ',
      '特徴量ストアから学習と推論で同じ特徴量を読み込む。',
    ],
    [
      'Korean',
      '## 3. 데이터 준비',
      '피처: 세션 내 검색 횟수, 최근 한 달 호텔 예약률.',
      '## 6. 배포',
      '학습과 서빙 모두 피처 스토어에서 동일한 피처를 읽는다.',
    ],
  ];
  for (const [language, dataHeading, features, servingHeading, silencer] of languages) {
    const design = (extra: string) =>
      [
        '# Hotel booking',
        '',
        dataHeading,
        '',
        features,
        '',
        servingHeading,
        '',
        `API /predict. ${extra}`,
        '',
      ].join('\n');
    it(`fires on features in ${language}, and stays quiet with its silencer`, () => {
      assert.equal(skewFindings(design('')).length, 1, 'fires');
      assert.deepEqual(skewFindings(design(silencer)), [], 'quiet');
    });
  }
});
