// Which heading opens each step when the document's shape is not the book's: steps out of the
// framework's order, a preamble heading before the numbered step, a document title, a numbered
// sub-heading that opens the next step, a heading whose name depends on what came before.
import { strict as assert } from 'node:assert';
import { analyse, findingsOf, lines, stepLines } from '../helpers/analyse';
import { builtInRegistry } from '../../server/src/framework/registry';
import { matchHeading } from '../../server/src/framework/headingMatcher';
import { Analyzer } from '../../server/src/analysis/analyse';

describe('step assignment', () => {
  it('opens a numbered step heading written out of the framework order', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Design review',
          '## 1. Requirements',
          'Text.',
          '## 2. Metrics & success criteria',
          'Text.',
          '## 3. Data strategy',
          'Text.',
          '## 4. Model',
          'Text.',
        ),
      ),
    );
    assert.equal(steps.evaluation, 4);
    assert.equal(steps.data, 6);
    assert.equal(steps.model, 8);
  });

  it('keeps an unnumbered keyword heading out of order as content', () => {
    const steps = stepLines(
      analyse(lines('# T', '## Requirements', 'x', '## Model', 'x', '## Training data', 'x')),
    );
    assert.equal(steps.data, null);
  });

  it('lets the numbered heading open a step an unnumbered preamble named first', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Fraud detection',
          '## Problem statement',
          'Find fraud.',
          '## Step 1: Clarify requirements',
          'Questions.',
          '## Step 2: Model',
          'Text.',
        ),
      ),
    );
    assert.equal(steps.requirements, 4);
  });

  it('reads "Problem statement" as the framing once the requirements are written', () => {
    const after = stepLines(
      analyse(
        lines('# T', '## 1. Goals', 'x', '### 1.1 Scope', 'x', '## 2. Problem statement', 'x'),
      ),
    );
    assert.equal(after.requirements, 2);
    assert.equal(after.framing, 6);
    const first = stepLines(
      analyse(lines('# T', '## Problem statement', 'x', '## Problem formulation', 'x')),
    );
    assert.equal(first.requirements, 2);
    assert.equal(first.framing, 4);
    const russian = stepLines(
      analyse(lines('# T', '## 1. Цели и предпосылки', 'x', '## 2. Постановка задачи', 'x')),
    );
    assert.equal(russian.requirements, 2);
    assert.equal(russian.framing, 4);
  });

  it('does not open a step at the title or a subtitle', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# ML System Design Doc',
          '## Summary: designing a ranking model for the feed',
          '### 1. Requirements',
          'x',
          '### 2. Model',
          'x',
        ),
      ),
    );
    assert.equal(steps.model, 5);
  });

  it('opens the next step at a numbered sub-heading, and the next heading of it continues', () => {
    const analysis = analyse(
      lines(
        '# Problem',
        '## 1. Data acquisition',
        'x',
        '## 2. Modelling',
        '### a. What algorithm would you use?',
        'x',
        '### b. What evaluation metrics would you use?',
        'x',
        '## c. What other evaluation metrics would you use?',
        'x',
        '## 3. Deployment',
        'x',
      ),
    );
    const steps = stepLines(analysis);
    assert.equal(steps.model, 4);
    assert.equal(steps.evaluation, 7);
    assert.equal(steps.serving, 11);
    assert.equal(analysis.findings.filter((f) => f.rule.name === 'duplicate-step').length, 0);
  });

  it('opens a step at a sub-heading of a numbered step-level heading that names none', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# CTR prediction',
          '## Step 1: Clarify requirements',
          'x',
          '## Step 2: Architecture',
          'x',
          '### Features',
          'x',
          '## Step 3: Model',
          'x',
        ),
      ),
    );
    assert.equal(steps.data, 6);
    assert.equal(steps.model, 8);
  });

  it('takes the numbered parent, not its sub-heading, and the first of two requirement headings', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# T',
          '## 1. Functional Requirements',
          'x',
          '## Non-Functional Requirements',
          'x',
          '## 2. Metrics',
          'x',
          '## 3. Data Strategy',
          '### Data Collection:',
          'x',
          '## 4. Modeling Strategy',
          'x',
        ),
      ),
    );
    assert.equal(steps.requirements, 2);
    assert.equal(steps.evaluation, 6);
    assert.equal(steps.data, 8);
    assert.equal(steps.model, 11);
  });

  it('keeps the own trap cases: a repeated heading is a duplicate, two parts are one step', () => {
    const twice = analyse(lines('# T', '## Evaluation', 'x', '## Evaluation', 'y'));
    assert.equal(twice.findings.filter((f) => f.rule.name === 'duplicate-step').length, 1);
    const parts = analyse(lines('# T', '## Offline metrics', 'x', '## Online metrics', 'y'));
    assert.equal(parts.findings.filter((f) => f.rule.name === 'duplicate-step').length, 0);
    assert.equal(stepLines(parts).evaluation, 2);
  });

  // Issue 13: the kinds of heading real write-ups use, each in a small document of our own.
  it('reads a step word before a general head noun as that step', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Ride pricing',
          '## Design constraints',
          'x',
          '## Data Requirements',
          'x',
          '## Model Selection Guide',
          'x',
          '## Metrics evaluation',
          'x',
          '## Service',
          'x',
        ),
      ),
    );
    assert.equal(steps.requirements, 2);
    assert.equal(steps.data, 4);
    assert.equal(steps.model, 6);
    assert.equal(steps.evaluation, 8);
    assert.equal(steps.serving, 10);
  });

  it('opens data at a "Dataset" heading', () => {
    const steps = stepLines(
      analyse(lines('# T', '## Goals', 'x', '## Dataset', 'x', '## Model', 'x')),
    );
    assert.equal(steps.data, 4);
  });

  it('matches decorated numbered headings and keycap numbers', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Pipeline',
          '### **🔹 1. Data Ingestion & Storage**',
          'x',
          '### **🔹 2. Model Training**',
          'x',
          '### 3️⃣ Evaluation',
          'x',
        ),
      ),
    );
    assert.equal(steps.data, 2);
    assert.equal(steps.model, 4);
    assert.equal(steps.evaluation, 6);
  });

  it('does not open a step at the document title', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Summary: designing a ranking model for a jobs feed',
          '## 1. Goals',
          'x',
          '## 2. Data',
          'x',
          '## 3. Modelling',
          'x',
        ),
      ),
    );
    assert.equal(steps.model, 6);
  });

  it('keeps lower-case roman sub-points under upper-case roman steps', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Spam filter',
          '## I. Requirements',
          'x',
          '## II. Data',
          '### i. Sources',
          'x',
          '### ii. Model inputs',
          'x',
          '## III. Model',
          'x',
        ),
      ),
    );
    assert.equal(steps.data, 4);
    assert.equal(steps.model, 9);
  });

  it('opens a step at a "Stage N" heading deep inside a part', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Churn',
          '## 1. Goals',
          'x',
          '## 2. Plan',
          '### 2.1 Stages',
          '#### Stage 1. Data preparation',
          'x',
          '#### Stage 2. Model training',
          'x',
        ),
      ),
    );
    assert.equal(steps.data, 6);
    assert.equal(steps.model, 8);
  });

  it('opens a "Stage N" heading nested in a step-named part at a step\'s level', () => {
    // The stages sit under the requirements part, deeper than the document's other step
    // headings; "deployment" is a head word there, not the step's name.
    const steps = stepLines(
      analyse(
        lines(
          '# Used-car price estimate',
          '## 1. Requirements',
          '### 1.1 Work plan',
          '#### Stage 1. Data collection',
          'Listings from dealers, cleaned of duplicates.',
          '#### Stage 2. Price model',
          'A gradient-boosted regressor on age, mileage and trim.',
          '#### Stage 3. Integration and deployment',
          '##### Tasks',
          '- a REST endpoint that returns a price band',
          '## 2. Task definition',
          'Regression of the sale price.',
          '## 3. Architecture',
          '### Model training pipeline',
          'Collect, clean, train, evaluate, ship.',
        ),
      ),
    );
    assert.equal(steps.serving, 8);
  });

  it('reads words quoted in another script as an aside, not the head', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Прогноз спроса',
          '## 1. Цели и предпосылки',
          'x',
          '## 2. Методология Data Scientist',
          'x',
          '## 3. Подготовка данных',
          'x',
        ),
      ),
    );
    assert.equal(steps.data, 6);
  });

  it('takes what a question heading asks about', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Q&A',
          '## 1. Deployment',
          'x',
          '### a. How would you roll it out?',
          'x',
          '### b. How and what will you monitor?',
          'x',
        ),
      ),
    );
    assert.equal(steps.serving, 2);
    assert.equal(steps.monitoring, 6);
  });

  it('prefers no match where a step word stands in a list of numbered points', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Agent design',
          '## Principles',
          '### 1. Keep writes apart',
          'x',
          '### 2. Let no model guess arguments',
          'x',
          '## Failure modes',
          '### 1. Wrong tool',
          'x',
          '### 2. Stale state',
          'x',
          '## Evaluation',
          'x',
        ),
      ),
    );
    assert.equal(steps.model, null);
    assert.equal(steps.evaluation, 12);
  });

  it('still opens a step written out of order, so the order finding can report it', () => {
    const analysis = analyse(
      lines('# T', '## Requirements', 'x', '## Evaluation', 'x', '## Data', 'x', '## Model', 'x'),
    );
    const steps = stepLines(analysis);
    assert.equal(steps.evaluation, 4);
    assert.equal(steps.data, 6);
    assert.ok(analysis.findings.some((f) => f.rule.name === 'step-order'));
  });

  it('opens the only heading that names a step, even after a later step', () => {
    // Classic system-design order: testing comes last, after serving and observability.
    const analysis = analyse(
      lines(
        '# Chat assistant backend',
        '## Requirements',
        'Answer in under a second for a million daily users.',
        '## Inference serving',
        'A pool of GPU workers behind a router.',
        '## Observability',
        'Dashboards of latency and error rate.',
        '## Capacity planning',
        'Ten thousand requests per second at peak.',
        '## Testing and eval',
        'Replay logged prompts and compare answers.',
      ),
    );
    const steps = stepLines(analysis);
    assert.equal(steps.serving, 4);
    assert.equal(steps.monitoring, 6);
    assert.equal(steps.evaluation, 10);
    const evaluation = analysis.steps.find((s) => s.step.id === 'evaluation')!.section!;
    assert.ok(
      evaluation.evidence.includes('out of order, but no other heading could open the step'),
      evaluation.evidence.join('; '),
    );
  });

  it('keeps the evidence that decided each opening', () => {
    const analysis = analyse(
      lines(
        '# T',
        '## 1. Requirements',
        'x',
        '## 2. Framing',
        'x',
        '## 3. Data Strategy',
        'We log clicks and impressions as data sources and build user features.',
      ),
    );
    const data = analysis.document.stepById.get('data')!;
    assert.deepEqual(data.evidence.slice(0, 3), [
      "'data' in heading (before a general head word)",
      'numbered 3 like the other steps',
      'at the level of the other step headings',
    ]);
    assert.match(data.evidence.join(', '), /section mentions data sources, feature engineering/);
  });
});

describe('a system architecture heading as the serving step (weak reading)', () => {
  const design = (architecture: string, ...body: string[]) =>
    lines(
      '# Spam filter for a mail service',
      '## Requirements',
      'Flag spam before the message reaches the inbox.',
      `## ${architecture}`,
      ...body,
      '## Evaluation',
      'Precision and recall on a held-out week of reports.',
      '## Monitoring',
      'Watch the flag rate per hour and alert when it doubles.',
    );
  const servingWords = [
    'Each incoming message is a request to the scoring API; the filter answers within a',
    'latency budget of 50 ms, online, before delivery.',
  ];

  it('opens serving at a bare "Architecture" when no heading names serving', () => {
    const analysis = analyse(design('Architecture', ...servingWords));
    assert.equal(stepLines(analysis).serving, 4);
    const serving = analysis.document.stepById.get('serving')!;
    assert.match(serving.evidence.join('; '), /weak reading/);
    assert.match(serving.evidence.join('; '), /section mentions .*request/);
  });

  it('opens serving at a "Step N: ... architecture" heading among numbered steps', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Ride pricing',
          '## Step 1: Requirements',
          'Quote a fare when the rider opens the app.',
          '## Step 2: Two-tier architecture',
          'A rider request goes through the gateway to the pricing API; a cache keeps',
          'the last quote for each zone so the answer stays inside the latency budget.',
          '## Step 3: Model',
          'Gradient boosted trees over zone demand and supply.',
        ),
      ),
    );
    assert.equal(steps.serving, 4);
    assert.equal(steps.model, 7);
  });

  it('never reads a model architecture heading as serving', () => {
    const steps = stepLines(analyse(design('Model architecture', ...servingWords)));
    assert.equal(steps.serving, null);
    assert.equal(steps.model, 4);
    // Nor one that names the model's kind, where no step word stands in the heading.
    assert.equal(
      stepLines(analyse(design('Transformer architecture', ...servingWords))).serving,
      null,
    );
  });

  it('leaves "Architecture" alone when a later heading opens serving', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Spam filter',
          '## Requirements',
          'Flag spam.',
          '## Architecture',
          ...servingWords,
          '## Model',
          'A small transformer over the subject and body.',
          '## Deployment',
          'Shipped behind a flag to one region first.',
        ),
      ),
    );
    assert.equal(steps.serving, 9);
  });

  it('leaves an "Architecture" section that describes the model to the model', () => {
    const steps = stepLines(
      analyse(
        design(
          'Architecture',
          'Three convolution layers and a softmax head, trained for ten epochs with a',
          'cross-entropy loss and dropout between the layers.',
        ),
      ),
    );
    assert.equal(steps.serving, null);
  });

  it('reads the prose, not a diagram the rest of the checker cannot read', () => {
    const diagram = ['```mermaid', 'flowchart LR', '  A[request] --> B[API] --> C[cache]', '```'];
    assert.equal(stepLines(analyse(design('Architecture', ...diagram))).serving, null);
    assert.equal(
      stepLines(analyse(design('Architecture', ...diagram, '', ...servingWords))).serving,
      4,
    );
  });

  it('needs the section to speak of serving at all', () => {
    const steps = stepLines(
      analyse(design('Architecture', 'Boxes and arrows are in the diagram below.')),
    );
    assert.equal(steps.serving, null);
  });

  it('lets the design checks read the step, and keeps it out of the order finding', () => {
    const analysis = analyse(
      lines(
        '# Spam filter',
        '## Requirements',
        'Flag spam before delivery.',
        '## Architecture',
        ...servingWords,
        '## Model',
        'Logistic regression over word counts, against a keyword-list baseline.',
        '## Evaluation',
        'Precision and recall on a held-out week; an A/B test on a tenth of the traffic.',
      ),
    );
    assert.equal(stepLines(analysis).serving, 4);
    assert.deepEqual(
      findingsOf(analysis, 'MLSD119').map((f) => f.range.start.line + 1),
      [4],
    );
    assert.deepEqual(findingsOf(analysis, 'MLSD002'), []);
  });

  it('reads the section again after an edit in it', () => {
    const analyzer = new Analyzer();
    const served = design('Architecture', ...servingWords);
    assert.equal(stepLines(analyzer.analyse(served, { document: 'd' })).serving, 4);
    const aboutTheModel = design(
      'Architecture',
      'Two dense layers over word counts, trained with a logistic loss for five epochs.',
    );
    assert.equal(stepLines(analyzer.analyse(aboutTheModel, { document: 'd' })).serving, null);
    assert.equal(stepLines(analyzer.analyse(served, { document: 'd' })).serving, 4);
  });

  it('does not take an "Architecture" sub-heading inside another step', () => {
    const steps = stepLines(
      analyse(
        lines(
          '# Spam filter',
          '## Requirements',
          'Flag spam.',
          '## Model',
          'A linear model over word counts.',
          '### Architecture',
          ...servingWords,
          '## Evaluation',
          'Precision and recall.',
        ),
      ),
    );
    assert.equal(steps.serving, null);
  });
});

describe('heading evidence', () => {
  const framework = builtInRegistry().defaultFramework;
  const words = (text: string) =>
    matchHeading(text, framework)
      .words.map((w) => `${w.stepId}:${w.kind}`)
      .join(' ');

  it('says where each step word stands in the heading', () => {
    assert.equal(words('Model evaluation'), 'evaluation:alias model:modifier');
    assert.equal(words('Evaluation of labelers'), 'evaluation:head data:modifier');
    assert.equal(words('Data strategy'), 'data:lead');
    assert.equal(words('Data requirements'), 'data:head requirements:modifier');
    assert.equal(words('Training data for the ranker'), 'data:head model:modifier');
    assert.equal(words('What features does the system use?'), 'data:head');
    assert.equal(words('Методология Data Scientist'), 'data:modifier');
    assert.equal(words('Постановка (Framing)'), 'framing:alias');
    // Russian step words in other cases than the nominative.
    assert.equal(words('Настройка инференса'), 'serving:lead');
    assert.equal(words('Выбор алгоритма'), 'model:lead');
    assert.equal(words('Анализ дрейфа'), 'monitoring:lead');
    assert.equal(words('Сбор датасета'), 'data:lead');
    assert.equal(words('Выбор метрик'), 'evaluation:lead');
    assert.equal(words('Об оценке качества'), 'evaluation:lead');
  });

  it('tells numbering styles apart', () => {
    const numbering = (text: string) => {
      const n = matchHeading(text, framework).numbering;
      return n ? `${n.style} ${n.value}` : 'none';
    };
    assert.equal(numbering('III. Data'), 'upper-roman 3');
    assert.equal(numbering('ii. Sources'), 'lower-roman 2');
    assert.equal(numbering('2.1 Sources'), 'arabic.2 2');
    assert.equal(numbering('Step 4: Model'), 'step 4');
    assert.equal(numbering('Этап 2. Подготовка моделей'), 'step 2');
    assert.equal(numbering('b. What metrics?'), 'letter 2');
    assert.equal(numbering('3️⃣ Evaluation'), 'arabic 3');
    assert.equal(numbering('Evaluation'), 'none');
  });
});
