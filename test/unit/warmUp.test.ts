// The warm-up after a large design is opened (server/src/analysis/warmUp.ts): its "what if" texts
// differ from the design by one space in a blank line, it runs one tentative analysis per turn and
// stops when told, and it changes nothing: the analyses that follow are those of an analyzer that
// never warmed up, and of a full analysis.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../server/src/analysis/analyse';
import { runWarmUp, warmUpTexts, type WarmUpDriver } from '../../server/src/analysis/warmUp';
import { diagnosticsFor } from '../../server/src/features/diagnostics';
import { designSummary } from '../../server/src/features/designSummary';
import { toFileReport } from '../../server/src/cli/report';
import type { Analysis } from '../../server/src/model/analysis';
import { wholeTextAnalysis } from '../oracle/wholeTextAnalysis';
import { contentLineEdits, generateShapedDesign } from '../../scripts/designGenerator';
import { PieceText } from '../../server/src/core/pieceText';
import { LineIndex } from '../../server/src/core/text';

/** What an editor sees of an analysis. */
function seen(analysis: Analysis) {
  return {
    report: toFileReport('design.mlsd.md', analysis),
    findings: analysis.findings,
    diagnostics: diagnosticsFor(analysis),
    summary: designSummary('file:///design.mlsd.md', analysis, true),
  };
}

/** A driver whose turns are run by the test, one at a time. */
function manualDriver<Text>(analyse: (text: Text) => void) {
  const turns: (() => void)[] = [];
  let time = 0;
  let keepGoing = true;
  const driver: WarmUpDriver<Text> = {
    analyse,
    current: () => keepGoing,
    nextTurn: (step) => void turns.push(step),
    now: () => time,
  };
  return {
    driver,
    turns,
    advance: (ms: number) => void (time += ms),
    stop: () => void (keepGoing = false),
    runAll(): number {
      let ran = 0;
      while (turns.length > 0) {
        turns.shift()!();
        ran++;
      }
      return ran;
    },
  };
}

describe('warm-up of the edit path after an open', () => {
  const design = generateShapedDesign(30_000, 'spread', 7);

  it('types one space after another into blank lines at places spread over the design', () => {
    const texts = [...warmUpTexts(PieceText.of(design), 12)].map(String);
    assert.equal(texts.length, 12);
    let before = design;
    const places = texts.map((text) => {
      assert.equal(text.length, before.length + 1);
      let at = 0;
      while (text[at] === before[at]) at++;
      assert.equal(text[at], ' ');
      assert.equal(text.slice(0, at) + text.slice(at + 1), before);
      // The space is a line of its own: a blank line stays blank.
      assert.equal(text[at - 1], '\n');
      assert.equal(text[at + 1], '\n');
      before = text;
      return at;
    });
    for (let i = 1; i < places.length; i++) assert.ok(places[i] > places[i - 1]);
    assert.ok(places[0] < design.length / 6 && places[11] > (design.length * 5) / 6);
  });

  it('gives no text for a design with no blank line, and never the same place twice', () => {
    assert.deepEqual([...warmUpTexts(PieceText.of('# One line\nno blank line here'), 5)], []);
    const short = PieceText.of('# Title\n\nOne paragraph.');
    assert.deepEqual([...warmUpTexts(short, 5)].map(String), ['# Title\n \nOne paragraph.']);
  });

  it('analyses one text per turn, and stops when told, past its time, or at an error', () => {
    const texts = () => ['a', 'b', 'c'][Symbol.iterator]();
    const all: string[] = [];
    const ended: number[] = [];
    const run = manualDriver((text: string) => void all.push(text));
    run.driver.finished = (analysed) => void ended.push(analysed);
    runWarmUp(texts(), run.driver, 100);
    assert.equal(all.length, 0, 'nothing before the first turn');
    run.turns.shift()!();
    assert.deepEqual(all, ['a']);
    assert.equal(run.turns.length, 1, 'the next text waits for the next turn');
    run.runAll();
    assert.deepEqual(all, ['a', 'b', 'c']);
    assert.deepEqual(ended, [3], 'told once, at the end');

    const stoppedOnes: string[] = [];
    const stopped = manualDriver((text: string) => void stoppedOnes.push(text));
    runWarmUp(texts(), stopped.driver, 100);
    stopped.turns.shift()!();
    stopped.stop();
    stopped.runAll();
    assert.deepEqual(stoppedOnes, ['a'], 'a change or a newer open stops it');

    const lateOnes: string[] = [];
    const late = manualDriver((text: string) => void lateOnes.push(text));
    runWarmUp(texts(), late.driver, 100);
    late.turns.shift()!();
    late.advance(101);
    late.runAll();
    assert.deepEqual(lateOnes, ['a'], 'it stops once its time is spent');

    let calls = 0;
    const failed: number[] = [];
    const failing = manualDriver<string>(() => {
      calls++;
      throw new Error('a bug in a rule');
    });
    failing.driver.finished = (analysed) => void failed.push(analysed);
    runWarmUp(texts(), failing.driver, 100);
    assert.doesNotThrow(() => failing.runAll());
    assert.equal(calls, 1, 'an error ends the warm-up quietly');
    assert.deepEqual(failed, [0]);
  });

  it('changes nothing: the edits that follow give what they give without it', () => {
    const uri = 'file:///design.mlsd.md';
    const copy = `${uri}#warm-up`;
    const warmed = new Analyzer();
    const plain = new Analyzer();
    const opened = seen(warmed.analyse(design, { document: uri }));
    assert.deepEqual(seen(plain.analyse(design, { document: uri })), opened);
    const layout = warmed.layoutOf(uri);
    assert.ok(warmed.copyLast(uri, copy));
    assert.equal(warmed.copyLast('file:///never-opened.md', copy), false);
    const typed: PieceText[] = [];
    const run = manualDriver((text: PieceText) => {
      const joins = PieceText.joins;
      const analysis = warmed.analyse(text, { document: copy });
      typed.push(text);
      // The copy is analysed as typing would: each text is an edit of the one before it, read
      // without joining it.
      assert.equal(PieceText.joins, joins, 'the typed copy was made one string');
      assert.deepEqual(seen(analysis).findings, seen(wholeTextAnalysis(String(text))).findings);
    });
    run.driver.finished = () => warmed.forget(copy);
    runWarmUp(warmUpTexts(layout!.source, 12), run.driver, 1_000);
    assert.equal(run.runAll(), 13, 'twelve texts, then the turn that finds none left');
    assert.equal(typed.length, 12);
    assert.equal(warmed.layoutOf(uri), layout, "the design's last analysis is the open's");
    assert.equal(warmed.layoutOf(copy), undefined, 'the copy is forgotten');
    let text = design;
    for (const change of contentLineEdits(design, 15, 11)) {
      const lines = new LineIndex(text);
      text =
        text.slice(0, lines.offsetAt(change.range.start)) +
        change.text +
        text.slice(lines.offsetAt(change.range.end));
      const after = seen(warmed.analyse(text, { document: uri }));
      assert.deepEqual(after, seen(plain.analyse(text, { document: uri })));
      assert.deepEqual(after, seen(wholeTextAnalysis(text)));
    }
  });
});
