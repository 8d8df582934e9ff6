// "MLSD: Ask Me a Follow-up Question": asks the server for the follow-ups of the step at the
// cursor (uncovered topics first), shows one, and on request inserts it as a `> Q: …` line at the
// end of the step, with an `A:` line for the candidate to answer on. Asking again moves on to the next question.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  FollowUpsRequest,
  type FollowUpInfo,
  type FollowUpsParams,
} from '../../common/src/protocol';
import type { ServerHost } from './host';
import { requestType } from './requestType';

/** How many questions were shown per document and step, so each ask shows the next one. */
const asked = new Map<string, number>();

/** The question to show on the `count`-th ask (0-based): round the ordered list. */
export function nextFollowUp(
  questions: readonly FollowUpInfo[],
  count: number,
): FollowUpInfo | undefined {
  return questions.length === 0 ? undefined : questions[count % questions.length];
}

const INSERT = 'Insert as a Question';
const ANOTHER = 'Another One';

export async function askFollowUp(host: ServerHost): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !host.isDesign(editor.document)) {
    throw new Error('open a design file (*.mlsd.md) first.');
  }
  const client: LanguageClient = await host.running();
  const document = editor.document;
  const params: FollowUpsParams = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  };
  const result = await client.sendRequest(requestType(FollowUpsRequest), params);
  if (!result || result.questions.length === 0) {
    void vscode.window.showInformationMessage(
      'MLSD: put the cursor in a step of the design (below its heading) to be asked about it.',
    );
    return;
  }
  const key = `${document.uri.toString()}#${result.step.id}`;
  for (;;) {
    const count = asked.get(key) ?? 0;
    asked.set(key, count + 1);
    const question = nextFollowUp(result.questions, count)!;
    const choice = await vscode.window.showInformationMessage(
      `Step ${result.step.number} (${result.step.title}): ${question.text}`,
      INSERT,
      ANOTHER,
    );
    if (choice === ANOTHER) continue;
    if (choice !== INSERT) return;
    if (!question.edit) {
      throw new Error('the end of this step is inside a code block or HTML comment left open.');
    }
    const { range, newText } = question.edit;
    const edit = new vscode.WorkspaceEdit();
    const at = new vscode.Range(
      range.start.line,
      range.start.character,
      range.end.line,
      range.end.character,
    );
    edit.replace(document.uri, at, newText);
    if (!(await vscode.workspace.applyEdit(edit)))
      throw new Error('the question could not be inserted.');
    // Put the cursor after the "A:" under the question, ready for the answer.
    const lines = newText.split(/\r\n|\r|\n/);
    const answer = lines.findIndex((l) => l.startsWith('A:'));
    const line = Math.min(range.start.line + Math.max(0, answer), document.lineCount - 1);
    const position = document.lineAt(line).range.end;
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position));
    return;
  }
}
