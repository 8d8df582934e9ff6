// @ts-check
// Editor scenario `server-killed-restarted` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');
const { NEWS, assert, waitFor } = require('../harness');
const { ruleOf, mlsdDiagnostics, fromCli, waitForFindings } = require('../findings');

/** Processes the extension host started that run mlsd's dist/server.js (Linux: from /proc). */
function languageServerPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "pid (name) ": state, then the parent's pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/mlsd[^\0]*[\\/]dist[\\/]server\.js/.test(command)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'server-killed-restarted',
  title: 'the language server killed twice: restarted each time, checking again, said once',
  async run(ctx) {
    if (process.platform !== 'linux') {
      ctx.skip('killing the server (finds its process in /proc, Linux only)');
      return;
    }
    const uri = ctx.file(NEWS);
    const { document, editor } = await ctx.open(uri);
    await waitForFindings(uri, ctx.expected.news.diagnostics.map(fromCli), 'the findings');
    ctx.cleanup(async () => {
      await vscode.commands.executeCommand('notifications.hideList');
      await vscode.commands.executeCommand('notifications.clearAll');
    });
    for (const round of [1, 2]) {
      const [pid] = await waitFor('the language server process', () => {
        const pids = languageServerPids();
        return pids.length === 1 ? pids : undefined;
      });
      process.kill(pid, 'SIGKILL');
      const [restarted] = await waitFor(`a new language server after kill ${round}`, () => {
        const pids = languageServerPids();
        return pids.length === 1 && pids[0] !== pid ? pids : undefined;
      });
      // The new server checks again: an edit made now gets its finding.
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, `\n\nTODO: after restart ${round}.\n`));
      const line = document.lineCount - 2;
      await waitFor(`the finding of an edit after restart ${round}`, () =>
        mlsdDiagnostics(uri).some((d) => ruleOf(d) === 'MLSD007' && d.range.start.line === line),
      );
      ctx.note(`kill ${round}: server ${pid} killed, ${restarted} started, new edit checked`);
    }
    await vscode.commands.executeCommand('notifications.showList');
    const said = await ctx.page.ask('notifications', {
      contains: 'language server stopped unexpectedly and was restarted',
      count: 1,
    });
    if (said.skipped) ctx.skip('notifications (no page)');
    else {
      assert(
        said.satisfied,
        () => `${said.count} restart notifications: ${JSON.stringify(said.messages)}`,
      );
      ctx.note('one notification for two restarts');
    }
  },
};
