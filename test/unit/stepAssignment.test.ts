// Which heading opens each step when the document's shape is not the book's: steps out of the
// framework's order, a preamble heading before the numbered step, a document title, a numbered
// sub-heading that opens the next step, a heading whose name depends on what came before.
import { strict as assert } from 'node:assert';
import { analyse, lines, stepLines } from '../helpers/analyse';

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
});
