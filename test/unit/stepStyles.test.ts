// Step finding on heading styles the development corpus lacks: each design below is written
// here, in one style, and every step must open at its heading. They guard against fixes that
// only serve the corpus's own writers.
import { strict as assert } from 'node:assert';
import { analyse, stepLines } from '../helpers/analyse';

const STEPS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'];

/** A design: a title, then one heading per step (in framework order) with a line of text. */
function design(title: string, headings: string[], body = 'Text.'): string {
  return [`# ${title}`, '', ...headings.flatMap((h) => [h, body, ''])].join('\n');
}

/** The expected 1-based line of each step heading in a design built by `design`. */
function headingLines(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 3 + i * 3);
}

const STYLES: { name: string; headings: string[]; body?: string }[] = [
  {
    name: 'all-caps headings',
    headings: [
      '## 1. CLARIFYING REQUIREMENTS',
      '## 2. FRAMING AS AN ML TASK',
      '## 3. DATA PREPARATION',
      '## 4. MODEL DEVELOPMENT',
      '## 5. EVALUATION',
      '## 6. DEPLOYMENT & SERVING',
      '## 7. MONITORING',
    ],
  },
  {
    name: 'emoji and bold decorations',
    headings: [
      '## 🎯 Requirements',
      '## 🧠 ML problem framing',
      '## 📊 **Data**',
      '## 🤖 Model ✨',
      '## 📏 Evaluation 📏',
      '## 🚀 Serving',
      '## 👀 Monitoring',
    ],
  },
  {
    name: 'keycap emoji numbers',
    headings: [
      '## 1️⃣ Requirements',
      '## 2️⃣ Framing',
      '## 3️⃣ Data',
      '## 4️⃣ Model',
      '## 5️⃣ Evaluation',
      '## 6️⃣ Serving',
      '## 7️⃣ Monitoring',
    ],
  },
  {
    name: 'questions as headings',
    headings: [
      '## Which requirements do we clarify first?',
      '## How do we frame it as an ML problem?',
      '## What data do we need?',
      '## Which model should we train?',
      '## How do we evaluate it?',
      '## How will we serve predictions?',
      '## How do we monitor it after launch?',
    ],
  },
  {
    name: 'German',
    body: 'Text.',
    headings: [
      '## 1. Anforderungen',
      '## 2. Problemformulierung',
      '## 3. Datenaufbereitung',
      '## 4. Modellentwicklung',
      '## 5. Evaluierung',
      '## 6. Bereitstellung',
      '## 7. Überwachung',
    ],
  },
  {
    name: 'French',
    body: 'Texte.',
    headings: [
      '## Clarification des besoins',
      '## Formulation du problème',
      '## Préparation des données',
      '## Développement du modèle',
      '## Évaluation du modèle',
      '## Déploiement',
      '## Surveillance',
    ],
  },
  {
    name: 'Spanish with "Paso N:"',
    body: 'Texto.',
    headings: [
      '## Paso 1: Requisitos',
      '## Paso 2: Formulación del problema',
      '## Paso 3: Preparación de datos',
      '## Paso 4: Desarrollo del modelo',
      '## Paso 5: Evaluación',
      '## Paso 6: Despliegue',
      '## Paso 7: Monitoreo',
    ],
  },
  {
    name: 'Portuguese',
    body: 'Texto.',
    headings: [
      '## 1. Requisitos',
      '## 2. Formulação do problema',
      '## 3. Preparação dos dados',
      '## 4. Desenvolvimento do modelo',
      '## 5. Avaliação',
      '## 6. Implantação',
      '## 7. Monitoramento',
    ],
  },
  {
    name: 'Chinese with CJK numbering',
    body: '内容。',
    headings: [
      '## 一、需求澄清',
      '## 二、问题建模',
      '## 三、数据准备',
      '## 四、模型开发',
      '## 五、模型评估',
      '## 六、部署上线',
      '## 七、监控',
    ],
  },
];

describe('step finding across heading styles', () => {
  for (const style of STYLES) {
    it(`opens every step at its heading: ${style.name}`, () => {
      const steps = stepLines(analyse(design('A design', style.headings, style.body)));
      const expected = headingLines(STEPS.length);
      assert.deepEqual(
        STEPS.map((id) => steps[id]),
        expected,
        JSON.stringify(steps),
      );
    });
  }

  it('opens the requirements at the first of two requirement headings', () => {
    const steps = stepLines(
      analyse(
        design('Ads click prediction', [
          '## Functional requirements',
          '## Non-functional requirements',
          '## ML objective',
          '## Data',
          '## Model',
          '## Evaluation',
          '## Serving',
          '## Monitoring',
        ]),
      ),
    );
    assert.equal(steps.requirements, 3);
    assert.equal(steps.framing, 9);
    assert.equal(steps.monitoring, 24);
  });

  it('opens steps numbered 1.1, 2.1 under unnamed parts, not their 2.1.1 sub-points', () => {
    const text = [
      '# Search ranking',
      '## 1 Overview',
      '### 1.1 Requirements',
      'Text.',
      '### 1.2 ML framing',
      'Text.',
      '## 2 Build',
      '### 2.1 Data',
      'Text.',
      '#### 2.1.1 Data sources',
      'Text.',
      '#### 2.1.2 Feature engineering',
      'Text.',
      '### 2.2 Model',
      '#### 2.2.1 Model selection',
      'Text.',
      '### 2.3 Evaluation',
      '#### 2.3.1 Offline metrics',
      'Text.',
      '#### 2.3.2 Online metrics',
      'Text.',
      '## 3 Run',
      '### 3.1 Serving',
      'Text.',
      '### 3.2 Monitoring',
      'Text.',
    ].join('\n');
    assert.deepEqual(
      STEPS.map((id) => stepLines(analyse(text))[id]),
      [3, 5, 8, 14, 17, 23, 25],
    );
  });
});
