// MLSD116 unquantified-requirements: step 1 names a non-functional requirement (low latency,
// scalable, high availability, large data) and gives no figure anywhere in the step, so the
// interviewer asks "how low? how many?". Evidence: a "vague-latency", "vague-scale",
// "vague-availability" or "vague-storage" word in the writer's own words in step 1, in a sentence
// that does not negate it and not in what the step puts out of scope ("out-of-scope" on its line,
// on the list item it belongs to or on the line that leads its list). Quiet when step 1 holds any
// figure: a "requirement-figures" phrase (a number and a unit: "200 ms", "10M users", "5 млн"), a
// number written with its unit ("200ms", "1TB", "10K") or a percentage; quiet while step 1 holds a
// placeholder (MLSD007 asks for it, and the fix's stub is one). Reported once, on the first such
// sentence; the fix inserts one stub line per requirement named, under the step's heading.
import { insertBlocksEdit, insideOpenBlock } from '../../fixes/edits';
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

/** Per list: what it names, the interviewer's question, the stub line that answers it. */
const ASKS: [string, string, string, string][] = [
  ['vague-latency', 'latency', 'How low: what p99, in milliseconds?', 'Latency**: p99 < TODO ms'],
  [
    'vague-scale',
    'scale',
    'How many users, and how many requests per second at peak?',
    'Scale**: TODO daily active users, TODO requests per second at peak',
  ],
  [
    'vague-availability',
    'availability',
    'What uptime, in percent?',
    'Availability**: TODO % uptime',
  ],
  ['vague-storage', 'data size', 'How much data, in GB or TB?', 'Data size**: TODO TB'],
];

// Figures the word lists cannot see: "%" is no word, and "200ms", "10M" or "1TB" are one word.
const ATTACHED_FIGURE = /\d\s?%|\d(?:k|m|b|bn|ms|s|gb|tb|pb)\b/i;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

export const unquantifiedRequirements: Rule = {
  meta: {
    id: 'MLSD116',
    name: 'unquantified-requirements',
    description: 'Step 1 names latency, scale, availability or data size without any figure.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    const section = e.section('requirements');
    if (!section || !e.defines('requirement-figures')) return;
    const { document } = context;
    const { lines, text } = document;
    const top = section.heading.range.end.line;
    const excluded = new Set(
      e.find('out-of-scope', ['requirements']).map((h) => lines.positionAt(h.start).line),
    );
    // Whether the line, the list items it belongs to or the line leading its list excludes it.
    const outOfScope = (offset: number): boolean => {
      let line = lines.positionAt(offset).line;
      let indent = Infinity;
      for (; line > top; line--) {
        const lineText = lines.lineText(line);
        const at = lineText.search(/\S/);
        if (at < 0 || at > indent || (at === indent && LIST_ITEM.test(lineText))) continue;
        if (excluded.has(line)) return true;
        if (!LIST_ITEM.test(lineText) && indent !== Infinity) return false;
        indent = at;
      }
      return excluded.has(line);
    };
    const named = ASKS.flatMap(([list, name, question, stub]) => {
      const hits = e.find(list, ['requirements'], { headings: false, ownWordsOnly: true });
      const hit = e.affirmed(hits).find((h) => !outOfScope(h.start));
      return hit ? [{ hit, name, question, stub }] : [];
    });
    if (named.length === 0) return;
    if (section.spans.some((s) => ATTACHED_FIGURE.test(text.slice(s.start, s.end)))) return;
    if (e.has('requirement-figures', ['requirements'])) return;
    if (context.placeholders.some((p) => e.stepAt(p.start) === 'requirements')) return;
    const first = named.reduce((a, b) => (b.hit.start < a.hit.start ? b : a));
    const names = named.map((n) => n.name);
    const listed =
      names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    const at = section.heading.end;
    report({
      range: first.hit.sentence.range,
      message: `An interviewer would ask: "${named.map((n) => n.question).join(' ')}" Step 1 names ${listed} but gives no figure, and capacity, serving and cost are sized from those figures: state them, as assumptions if you were not given them.`,
      stepId: 'requirements',
      fixes: insideOpenBlock(document, at)
        ? undefined
        : [
            {
              title: `Add a line for the figure of ${listed} under the step 1 heading`,
              edits: [
                insertBlocksEdit(document, at, [named.map((n) => `- **${n.stub}`).join(lines.eol)]),
              ],
            },
          ],
    });
  },
};
