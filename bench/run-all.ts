import { spawn } from 'node:child_process';
import { ROOT } from './util.ts';

/**
 * `npm run bench`: each figure in its own process, one after the other (running them together
 * would have them compete for the CPU). Ends with the last line of each, the ratios.
 */

const BENCHES = ['cold-start.ts', 'registry-list.ts', 'resident-home.ts', 'web-weight.ts', 'notify-batch.ts', 'import-households.ts', 'decision-tally.ts', 'decision-voting.ts', 'verify-decision.ts', 'volunteer-grabs.ts'];
const LIMIT_MS = 5 * 60_000;
// The import figure writes ~800,000 rows, twice with DATABASE_URL set: it gets longer.
const LIMIT_OVERRIDES: Record<string, number> = { 'import-households.ts': 30 * 60_000 };

function runOne(file: string): Promise<{ code: number | null; last: string }> {
  return new Promise((resolve) => {
    process.stdout.write(`\n== ${file} ==\n`);
    const child = spawn(process.execPath, [`${ROOT}bench/${file}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_OVERRIDES[file] ?? LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, last: out.trim().split('\n').at(-1) ?? '' });
    });
  });
}

const results: { file: string; code: number | null; last: string }[] = [];
for (const file of BENCHES) results.push({ file, ...(await runOne(file)) });

process.stdout.write('\n== summary ==\n');
for (const r of results) process.stdout.write(`${r.file.padEnd(18)} ${r.code === 0 ? r.last : `FAILED (exit ${r.code})`}\n`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
