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
import { designCheck, interviewer } from '../shared/evidence';

/** Per list: what it names, the interviewer's question, the stub line that answers it. */
const ASKS: readonly (readonly [list: string, name: string, question: string, stub: string])[] = [
  ['vague-latency', 'latency', 'How fast: what p99 latency, in ms?', 'Latency**: p99 < TODO ms'],
  [
    'vague-scale',
    'scale',
    'How many users, and how many requests per second at peak?',
    'Scale**: TODO daily active users, peak TODO QPS',
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

export const unquantifiedRequirements = designCheck(
  {
    id: 'MLSD116',
    name: 'unquantified-requirements',
    description: 'Step 1 names latency, scale, availability or data size without any figure.',
  },
  ['requirement-figures'],
  (e, context, report) => {
    const section = e.section('requirements');
    const { document } = context;
    const { lines, source } = document;
    // The cheap silencers first: they spare most designs reading the step's prose.
    if (
      !section ||
      section.spans.some((s) => ATTACHED_FIGURE.test(source.slice(s.start, s.end))) ||
      context.placeholders.some((p) => e.stepAt(p.start) === 'requirements')
    )
      return;
    const top = section.heading.range.end.line;
    let excluded: Set<number> | undefined;
    // Whether the line, the list items it belongs to or the line leading its list excludes it
    // (the step's own heading never does). Read only once a trigger is found.
    const outOfScope = (offset: number): boolean => {
      excluded ??= new Set(
        e.find('out-of-scope', ['requirements']).map((h) => lines.positionAt(h.start).line),
      );
      let indent = Infinity;
      for (let line = lines.positionAt(offset).line; line > top; line--) {
        const lineText = lines.lineText(line);
        const at = lineText.search(/\S/);
        if (at < 0 || at > indent || (at === indent && LIST_ITEM.test(lineText))) continue;
        if (excluded.has(line)) return true;
        if (!LIST_ITEM.test(lineText) && indent < Infinity) return false;
        indent = at;
      }
      return false;
    };
    // Per kind named: its first hit and what to ask.
    const named = ASKS.flatMap((ask) => {
      const hits = e.affirmed(e.triggers(ask[0], ['requirements'], false));
      const hit = hits.find((h) => !outOfScope(h.start));
      return hit ? [{ hit, ask }] : [];
    });
    if (named.length === 0 || e.has('requirement-figures', ['requirements'])) return;
    const listed = new Intl.ListFormat('en').format(named.map((n) => n.ask[1]));
    const at = section.heading.end;
    report({
      range: named.reduce((a, b) => (b.hit.start < a.hit.start ? b : a)).hit.sentence.range,
      message: interviewer(
        named.map((n) => n.ask[2]).join(' '),
        `Step 1 names ${listed} without a figure, yet capacity, serving and cost are sized from figures: state them, as assumptions if none were given.`,
      ),
      stepId: 'requirements',
      fixes: insideOpenBlock(document, at)
        ? undefined
        : [
            {
              title: `Add stubs for the ${listed} figures to step 1`,
              edits: [
                insertBlocksEdit(document, at, [
                  named.map((n) => `- **${n.ask[3]}`).join(lines.eol),
                ]),
              ],
            },
          ],
    });
  },
);
