// `mlsd check [--format stylish|json|sarif] [--max-warnings N] [--config FILE] <file|dir|glob>...`
// and `mlsd report [--format md|html|json] [-o FILE] <file|dir|glob>...`.
// Exit codes: 0 clean (warnings within --max-warnings), 1 findings over that, 2 usage error,
// unreadable file or bad config. dist/cli.js calls this from the server bundle (see main.ts).
import * as fs from 'node:fs';
import { runCli } from './run';
import { runReportCli } from './reportCommand';

export function cliMain(args: string[] = process.argv.slice(2)): void {
  const env = {
    cwd: process.cwd(),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    env: process.env,
    readFile: (file: string) => fs.readFileSync(file, 'utf8'),
    writeFile: (file: string, text: string) => fs.writeFileSync(file, text, 'utf8'),
  };
  const result = args[0] === 'report' ? runReportCli(args.slice(1), env) : runCli(args, env);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
