// A rule's help for SARIF, from its page docs/rules/<ID>.md: the page itself (GitHub code scanning
// shows `help.markdown` under an alert) and, as plain text, what the page adds to the rule's
// one-line description (which SARIF already carries): why it matters and how to fix it.
import * as fs from 'node:fs';
import { ruleDocsUri } from '../features/ruleDocs';
import { ruleDocsPath } from '../ruleDocsFiles';
import type { Rule } from '../rules/types';

export interface RuleHelp {
  uri: string;
  text: string;
  markdown?: string;
}

export function ruleHelp(rule: Rule, readFile: (file: string) => string = readUtf8): RuleHelp {
  const uri = ruleDocsUri(rule.meta.id) ?? ruleDocsPath(rule.meta.id);
  let page: string;
  try {
    page = readFile(ruleDocsPath(rule.meta.id));
  } catch {
    return { uri, text: `See the rule's page: ${uri}` };
  }
  return { uri, text: helpText(page, rule.meta.description) || `See ${uri}`, markdown: body(page) };
}

function readUtf8(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** The page without its title. */
function body(page: string): string {
  return page.replace(/^#[^\n]*\n+/, '').trim() + '\n';
}

interface Section {
  title: string;
  paragraphs: string[];
}

/** Prose paragraphs by section ("" before the first "##"); code, tables and lists left out. */
function sections(page: string): Section[] {
  const result: Section[] = [{ title: '', paragraphs: [] }];
  let fence = false;
  for (const block of page.replace(/\r\n/g, '\n').split(/\n{2,}/)) {
    const text = block.trim();
    if (fence || text.startsWith('```')) {
      const fences = (text.match(/^```/gm) ?? []).length;
      if (fences % 2 === 1) fence = !fence;
      continue;
    }
    if (text.startsWith('## ')) {
      result.push({ title: text.slice(3).split('\n')[0].trim(), paragraphs: [] });
      continue;
    }
    if (/^(#|\||[-*] |\*\*Default severity)/.test(text) || text === '') continue;
    result[result.length - 1].paragraphs.push(text.replace(/\s*\n\s*/g, ' '));
  }
  return result;
}

/** Lower-cased words of three letters or more. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? []);
}

/**
 * The first paragraph of the page without what restates the description (a sentence holding most
 * of its words; of "Restated: detail." the detail is kept), then the "Fix" section when there is
 * one.
 */
export function helpText(page: string, description: string): string {
  const all = sections(page);
  const described = words(description);
  const restates = (sentence: string) => {
    const own = words(sentence);
    const shared = [...described].filter((w) => own.has(w)).length;
    return described.size > 0 && shared / described.size >= 0.7;
  };
  const parts: string[] = [];
  const paragraphs = all[0].paragraphs;
  // The description written out whole goes first: abbreviations ("e.g.") would split it.
  const opening = paragraphs.length > 0 ? paragraphs[0].split(description).join(' ').trim() : '';
  if (paragraphs.length > 0 && opening === '') {
    if (paragraphs[1]) parts.push(paragraphs[1]);
  } else if (paragraphs.length > 0) {
    const [first, ...others] = opening.split(/(?<=[.!?])\s+(?=[A-Z])/);
    let lead = first;
    if (restates(first)) {
      const colon = first.search(/:\s+\S/);
      const detail = colon >= 0 ? first.slice(colon + 1).trim() : '';
      lead =
        restates(detail) || detail.length < 20 ? '' : detail[0].toUpperCase() + detail.slice(1);
    }
    const rest = [lead, ...others].filter(Boolean).join(' ');
    if (rest) parts.push(rest);
    else if (paragraphs[1]) parts.push(paragraphs[1]);
  }
  const fix = all.find((s) => /^(fix|how to fix)$/i.test(s.title));
  if (fix && fix.paragraphs.length > 0) parts.push(`Fix: ${fix.paragraphs.join(' ')}`);
  return parts.join(' ');
}
