// Through-the-server probe of the shapes bench (issue 19): starts `node dist/server.js --stdio`
// (MLSD_SERVER picks another build, MLSD_NODE_FLAGS adds Node flags such as --cpu-prof) and runs
// the bench's shapes run (scripts/shapeTyping.ts: the same designs, order and edits), printing the
// open time and every edit's time in the order typed, then the median and 95th percentile, with
// the server's page faults and main-thread CPU per edit. Not a test; used to see which edits set
// the 95th percentile (the first after an open, or any).
//
//   npx tsx scripts/serverProbe.ts [--shapes spread,deep,flat] [--sizes 100000,1000000] [--quiet]
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { LspTestClient } from '../test/protocol/lspClient';
import { DESIGN_SHAPES } from './designGenerator';
import { quantile } from './quantile';
import { typeIntoShapes } from './shapeTyping';

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const shapes = argument('--shapes', DESIGN_SHAPES.map((s) => s.shape).join(',')).split(',');
const sizes = argument('--sizes', '100000,1000000').split(',').map(Number);
const quiet = process.argv.includes('--quiet');
const edits = Number(argument('--edits', '60'));
// --pause MS: wait this long after the open's diagnostics before the first edit (the bench does not).
const pause = Number(argument('--pause', '0'));

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** The server's minor page faults so far (Linux: /proc/PID/stat, field 10). */
function minorFaults(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
  } catch {
    return NaN;
  }
}

/** CPU time of the server's main thread so far, in ms (Linux: /proc/PID/task/PID/schedstat). */
function mainThreadCpu(pid: number | undefined): number {
  try {
    return (
      Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
    );
  } catch {
    return NaN;
  }
}

async function main() {
  const client = await LspTestClient.start({ debounceMs: 0 });
  try {
    const pid = client.process.pid;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    let faults: number[] = [];
    let cpu: number[] = [];
    let faulted = 0;
    let cpuBefore = 0;
    await typeIntoShapes(client, edits, {
      include: (shape, bytes) => shapes.includes(shape) && sizes.includes(bytes),
      beforeTimed: collectGarbage,
      afterOpen: async () => {
        faults = [];
        cpu = [];
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      },
      beforeEdit: () => {
        faulted = minorFaults(pid);
        cpuBefore = mainThreadCpu(pid);
      },
      afterEdit: () => {
        faults.push(minorFaults(pid) - faulted);
        cpu.push(mainThreadCpu(pid) - cpuBefore);
      },
      done: ({ shape, bytes }, open, samples) => {
        console.log(
          `${shape} ${bytes}: open ${open.toFixed(0)} ms, edit median ${quantile(samples, 0.5).toFixed(2)} p95 ${quantile(samples, 0.95).toFixed(2)} max ${Math.max(...samples).toFixed(2)} ms; server's minor page faults per edit median ${quantile(faults, 0.5)} p95 ${quantile(faults, 0.95)}`,
        );
        console.log(
          `  server main thread CPU per edit: median ${quantile(cpu, 0.5).toFixed(2)} p95 ${quantile(cpu, 0.95).toFixed(2)} ms; edits 1-12 ${sum(cpu.slice(0, 12)).toFixed(0)} ms, 13-60 ${sum(cpu.slice(12)).toFixed(0)} ms in all`,
        );
        for (const line of client.logs) if (line.startsWith('Warm-up')) console.log(`  ${line}`);
        client.logs = [];
        if (!quiet)
          console.log(
            `  wall ${samples.map((s) => s.toFixed(1)).join(' ')}\n  cpu  ${cpu.map((s) => s.toFixed(1)).join(' ')}`,
          );
      },
    });
    // Let the server exit by itself, so that a --cpu-prof profile is written.
    await client.request('shutdown', null);
    await client.connection.sendNotification('exit');
    await Promise.race([client.exited(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  } finally {
    await client.stop();
  }
}

void main();
