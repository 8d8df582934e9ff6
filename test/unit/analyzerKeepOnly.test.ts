// Analyzer.keepOnly: what the language server does once idle (the designs not used lately lose
// their last analysis and the cached parts only they held). Analysing one of them again must give
// exactly a fresh analyzer's result; the designs kept still reuse their parts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/analysis/analyse';
import { toFileReport } from '../../server/src/cli/report';
import type { Analysis } from '../../server/src/model/analysis';
import { documentBlocks } from '../helpers/analyse';

const examples = path.join(__dirname, '..', '..', 'examples');
const DESIGNS = fs
  .readdirSync(examples)
  .filter((name) => name.endsWith('.mlsd.md'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(examples, name), 'utf8') }));

/** What a feature can read of an analysis: the report, findings, blocks and step results. */
function view(analysis: Analysis) {
  return {
    report: toFileReport('design.mlsd.md', analysis),
    findings: analysis.findings,
    fixAll: analysis.fixAll(),
    headings: analysis.document.headings,
    blocks: documentBlocks(analysis),
    placeholders: analysis.placeholders,
    steps: analysis.steps.map((s) => ({
      step: s.step.id,
      words: s.words,
      terms: s.terms,
      items: s.items,
      section: s.section && { ...s.section, heading: s.section.heading.index },
      topics: s.topics.map((t) => ({ topic: t.topic.id, status: t.status, evidence: t.evidence })),
    })),
  };
}

describe('Analyzer.keepOnly (the idle server lets analyses go)', () => {
  it('forgets the other documents and the parts only they held; analysing them again gives a fresh result', () => {
    const analyzer = new Analyzer();
    for (const { name, text } of DESIGNS) analyzer.analyse(text, { document: name });
    const kept = DESIGNS[0];
    const partsKept = new Set(analyzer.layoutOf(kept.name)!.parts.map((p) => p.entry));
    assert.ok(analyzer.cache.size > partsKept.size);

    analyzer.keepOnly([kept.name]);
    assert.equal(analyzer.cache.size, partsKept.size);
    for (const { name } of DESIGNS.slice(1)) assert.equal(analyzer.layoutOf(name), undefined);

    for (const { name, text } of DESIGNS.slice(1)) {
      const again = analyzer.analyse(text, { document: name });
      const fresh = new Analyzer().analyse(text, { document: name });
      assert.deepStrictEqual(view(again), view(fresh), name);
    }
  });

  it('a document kept still reuses its parts after an edit', () => {
    const analyzer = new Analyzer();
    for (const { name, text } of DESIGNS) analyzer.analyse(text, { document: name });
    const { name, text } = DESIGNS[1];
    const before = analyzer.layoutOf(name)!.parts.map((p) => p.entry);
    analyzer.keepOnly([name]);

    const edited = `${text}\nOne more line at the end.\n`;
    const after = analyzer.analyse(edited, { document: name });
    const reused = analyzer.layoutOf(name)!.parts.filter((p) => before.includes(p.entry));
    assert.ok(reused.length >= before.length - 1, 'all but the last part reused');
    assert.deepStrictEqual(view(after), view(new Analyzer().analyse(edited)));
  });
});
