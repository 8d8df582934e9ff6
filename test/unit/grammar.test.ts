// The injection grammar (syntaxes/mlsd.injection.tmLanguage.json), tokenized with vscode-textmate
// and the Oniguruma WASM build VS Code itself uses, injected into a small stand-in for VS Code's
// Markdown grammar (same scope names for headings, fenced code, inline code and HTML comments).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.join(__dirname, '..', '..');
const injectionPath = path.join(root, 'syntaxes', 'mlsd.injection.tmLanguage.json');

const markdownStub = {
  scopeName: 'text.html.markdown',
  patterns: [
    { include: '#fenced' },
    { include: '#heading' },
    { include: '#comment' },
    { include: '#paragraph' },
  ],
  repository: {
    fenced: {
      begin: '(^|\\G)[ ]{0,3}(`{3,}|~{3,}).*$',
      end: '(^|\\G)[ ]{0,3}(\\2)\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    heading: {
      match: '(?:^|\\G)[ ]{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$',
      name: 'markup.heading.markdown',
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    comment: { begin: '(^|\\G)\\s*(<!--)', end: '-->', name: 'comment.block.html' },
    paragraph: {
      begin: '(^|\\G)[ ]{0,3}(?=\\S)',
      while: '(^|\\G)(?=[ ]{4,}\\S)',
      name: 'meta.paragraph.markdown',
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [
        { match: '(`+)[^`]*?\\1', name: 'markup.inline.raw.string.markdown' },
        { begin: '<!--', end: '-->', name: 'comment.block.html' },
      ],
    },
  },
};

let grammar: textmate.IGrammar;

/** Tokenizes the lines in order; returns the scopes of the token at `needle` on line `lineIndex`. */
function scopesAt(lines: string[], lineIndex: number, needle: string): string[] {
  let stack = textmate.INITIAL;
  for (let i = 0; i < lines.length; i++) {
    const { tokens, ruleStack } = grammar.tokenizeLine(lines[i], stack);
    if (i === lineIndex) {
      const at = lines[i].indexOf(needle);
      assert.ok(at >= 0, `"${needle}" is on line ${i}`);
      const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
      assert.ok(token, `a token covers "${needle}"`);
      return token.scopes;
    }
    stack = ruleStack;
  }
  throw new Error(`no line ${lineIndex}`);
}

const one = (line: string, needle: string) => scopesAt([line], 0, needle);

describe('injection grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'text.html.markdown') {
          return textmate.parseRawGrammar(JSON.stringify(markdownStub), 'markdown.json');
        }
        if (scopeName === 'text.mlsd.injection') {
          return textmate.parseRawGrammar(fs.readFileSync(injectionPath, 'utf8'), injectionPath);
        }
        return null;
      },
      getInjections: (scopeName) =>
        scopeName === 'text.html.markdown' ? ['text.mlsd.injection'] : undefined,
    });
    const loaded = await registry.loadGrammar('text.html.markdown');
    assert.ok(loaded, 'the Markdown stand-in loads');
    grammar = loaded;
  });

  it('is an injection into Markdown that stays out of code, comments and front matter', () => {
    const raw = JSON.parse(fs.readFileSync(injectionPath, 'utf8')) as {
      injectionSelector: string;
      scopeName: string;
    };
    assert.equal(raw.scopeName, 'text.mlsd.injection');
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown /);
    for (const excluded of ['-comment', '-markup.raw', '-markup.fenced_code']) {
      assert.ok(raw.injectionSelector.includes(excluded), excluded);
    }
  });

  it('gives a numbered step heading the step scopes, keeping the Markdown heading scopes', () => {
    const text = one('## 1. Clarifying requirements', 'Clarifying');
    assert.ok(text.includes('markup.heading.step.mlsd'), text.join(' '));
    assert.ok(text.includes('entity.name.section.step.mlsd'), text.join(' '));
    assert.ok(text.includes('markup.heading.markdown'), 'themes still see a heading');
    const hashes = one('## 1. Clarifying requirements', '##');
    assert.ok(hashes.includes('punctuation.definition.heading.markdown'), hashes.join(' '));
    assert.ok(!hashes.includes('entity.name.section.step.mlsd'));
  });

  it('recognises short forms, other numbering and other titles of the seven steps', () => {
    const headings = [
      '# Requirements',
      '### Step 3: Data preparation',
      '## 2) Problem formulation',
      '## II. Framing the problem as an ML task',
      '## **4. Model development**',
      '## Modeling',
      '## 5. Evaluation metrics',
      '## Metrics',
      '## 6. Deployment and serving',
      '## Serving ##',
      '## 7. Monitoring & infrastructure',
      '## 3.1 Feature engineering',
    ];
    for (const heading of headings) {
      const lastWord = heading.match(/[A-Za-z]{4,}/g)!.at(-1)!;
      const scopes = one(heading, lastWord);
      assert.ok(
        scopes.includes('entity.name.section.step.mlsd'),
        `${heading}: ${scopes.join(' ')}`,
      );
    }
  });

  it('leaves other headings as plain Markdown headings', () => {
    for (const heading of [
      '## Data structures I like',
      '## Summary',
      '## Other talking points',
      '## Modeling tricks',
    ]) {
      const scopes = one(heading, heading.slice(3));
      assert.ok(scopes.includes('markup.heading.markdown'), `${heading} is still a heading`);
      assert.ok(!scopes.some((s) => s.endsWith('.step.mlsd')), `${heading}: ${scopes.join(' ')}`);
    }
  });

  it('marks "Trade-off:" and the other talking-point markers, plain or bold', () => {
    assert.ok(
      one('Trade-off: recall against latency.', 'Trade-off').includes('markup.bold.marker.mlsd'),
    );
    assert.ok(
      one('We pick ANN. Tradeoff: a little recall.', 'Tradeoff').includes(
        'markup.bold.marker.mlsd',
      ),
    );
    const bold = one('**Trade-off:** recall against latency.', 'Trade-off');
    assert.ok(
      bold.includes('markup.bold.marker.mlsd') && bold.includes('markup.bold.markdown'),
      bold.join(' '),
    );
    for (const [line, word] of [
      ['**Assumption**: 100M daily users', 'Assumption'],
      ['Talking point: cold start', 'Talking point'],
      ['Question: is there a latency budget?', 'Question'],
      ['Follow-up: what about fairness?', 'Follow-up'],
    ]) {
      assert.ok(one(line, word).includes('markup.bold.marker.mlsd'), line);
    }
    const prose = one('A trade-off between recall and latency.', 'trade-off');
    assert.ok(!prose.includes('markup.bold.marker.mlsd'), 'an ordinary word is not a marker');
  });

  // Issue 18, point 9: "Assumptions:" showed red in a light theme, read as an error.
  it('uses only scopes that themes colour as emphasis, never as invalid or as code', () => {
    const names: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'name' && typeof child === 'string') names.push(...child.split(' '));
          else collect(child);
        }
      }
    };
    // Markers, TODOs and step headings (a disable comment is a comment: its keyword may stay).
    const { repository } = JSON.parse(fs.readFileSync(injectionPath, 'utf8')) as {
      repository: Record<string, unknown>;
    };
    for (const [key, rule] of Object.entries(repository)) if (key !== 'directive') collect(rule);
    assert.ok(names.length > 5);
    for (const name of names) assert.doesNotMatch(name, /^(invalid|keyword)\b/, name);
    for (const [line, word] of [
      ['Assumptions: 100M users', 'Assumptions'],
      ['**Trade-off:** recall', 'Trade-off'],
      ['- Loss: TODO', 'TODO'],
    ]) {
      const scopes = one(line, word);
      assert.ok(!scopes.some((s) => /^invalid|^keyword/.test(s)), `${line}: ${scopes.join(' ')}`);
      assert.ok(
        scopes.some((s) => /^markup\.(bold|italic)\./.test(s)),
        `${line}: ${scopes.join(' ')}`,
      );
    }
  });

  it('marks TODO, TBD, FIXME and XXX, whole words only', () => {
    assert.ok(one('- Loss function: TODO', 'TODO').includes('markup.italic.todo.mlsd'));
    assert.ok(one('Scale: TBD', 'TBD').includes('markup.italic.todo.mlsd'));
    assert.ok(one('FIXME later', 'FIXME').includes('markup.italic.todo.mlsd'));
    assert.ok(!one('TODOS are fine', 'TODOS').includes('markup.italic.todo.mlsd'));
    assert.ok(!one('todo in lower case', 'todo').includes('markup.italic.todo.mlsd'));
  });

  it('marks mlsd disable comments, and nothing inside other comments', () => {
    const directive = one('<!-- mlsd-disable-next-line thin-step -->', 'thin-step');
    assert.ok(directive.includes('comment.block.directive.mlsd'), directive.join(' '));
    assert.ok(
      one('<!-- mlsd-disable MLSD006 -->', 'mlsd-disable').includes(
        'keyword.control.directive.mlsd',
      ),
    );
    const comment = one('<!-- TODO: later -->', 'TODO');
    assert.ok(comment.includes('comment.block.html'));
    assert.ok(!comment.includes('markup.italic.todo.mlsd'), comment.join(' '));
  });

  it('stays out of fenced and inline code', () => {
    const lines = ['```', '## 1. Clarifying requirements', 'TODO', '```'];
    assert.ok(!scopesAt(lines, 1, 'Clarifying').some((s) => s.endsWith('.mlsd')));
    assert.ok(!scopesAt(lines, 2, 'TODO').some((s) => s.endsWith('.mlsd')));
    const inline = one('Use `TODO` as a marker', 'TODO');
    assert.ok(inline.includes('markup.inline.raw.string.markdown'));
    assert.ok(!inline.includes('markup.italic.todo.mlsd'));
  });
});
