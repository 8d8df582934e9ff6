// The practice report at the end of a session: asked of the server (mlsd/practiceReport), saved
// beside the design as Markdown with its charts as SVG files (`x.mlsd.md` -> `x.mlsd.report.md`,
// `x.mlsd.report.topics.svg`…) and shown in a webview beside the design. The webview runs no
// script and loads nothing remote: its CSP allows only its own stylesheet and images.
import * as vscode from 'vscode';
import {
  PracticeReportRequest,
  reportFileName,
  type PracticeSessionRecord,
} from '../../../common/src/practice';
import type { ServerHost } from '../host';
import { requestType } from '../requestType';

export const REPORT_VIEW_TYPE = 'mlsd.practiceReport';

/** The webview panel of each design's report, reused when a later session ends. */
const panels = new Map<string, vscode.WebviewPanel>();

export async function showPracticeReport(
  context: vscode.ExtensionContext,
  host: ServerHost,
  design: vscode.Uri,
  sessions: PracticeSessionRecord[],
): Promise<vscode.WebviewPanel | undefined> {
  const client = await host.running();
  const base = design.path.slice(design.path.lastIndexOf('/') + 1);
  const reportName = reportFileName(base);
  const result = await client.sendRequest(requestType(PracticeReportRequest), {
    uri: client.code2ProtocolConverter.asUri(design),
    sessions,
    chartBaseName: reportName.replace(/\.md$/i, ''),
  });
  if (!result) {
    void vscode.window.showWarningMessage(
      'MLSD: no practice report: the design is not checked (is it still open, and is MLSD on?).',
    );
    return undefined;
  }
  if (design.scheme === 'file') {
    const folder = vscode.Uri.joinPath(design, '..');
    const encoder = new TextEncoder();
    for (const [name, svg] of Object.entries(result.charts)) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), encoder.encode(svg));
    }
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, reportName),
      encoder.encode(result.markdown),
    );
  }
  const key = design.toString();
  let panel = panels.get(key);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      `Practice report: ${base}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: false,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
      },
    );
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  } else {
    panel.reveal(vscode.ViewColumn.Beside, true);
  }
  panel.webview.html = reportPage(panel.webview, context.extensionUri, result.html);
  return panel;
}

/** The page around the server's HTML body: strict CSP, the theme-coloured stylesheet. */
export function reportPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  body: string,
): string {
  const style = webview.asWebviewUri(
    vscode.Uri.joinPath(extensionUri, 'media', 'practice-report.css'),
  );
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${style.toString()}">`,
    '<title>MLSD practice report</title>',
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
}
