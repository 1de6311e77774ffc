import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Choice } from '../server/modules/decisions/tally.ts';
import { buildBundle } from '../server/modules/decisions/decisions.test-bundle.ts';
import { ROOT } from './util.ts';

/**
 * The independent verifier on a 20,000-ballot evidence bundle (issue 15 figure, goal < 1 s): a roll of 20,500 heads,
 * 2 items, 20,000 ballots in the chain, closed, with the server's tally — built in memory by the format's rules
 * (server/modules/decisions/decisions.test-bundle.ts) and written to a temporary file. Timed as a scrutineer runs it:
 * `node verifier/verify-decision.mjs bundle.json`, a process of its own; the baseline is a Node process that only
 * reads and parses the same JSON. Median of 3 runs each.
 * Last line: `verify-decision ballots 20000 verify <N> ms (parse alone <M> ms)`.
 */
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 20_000);
const HEADS = BALLOTS + 500;
const RUNS = 3;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const say = (text: string) => process.stdout.write(`${text}\n`);

const dir = mkdtempSync(join(tmpdir(), 'gz-bench-verify-'));
try {
  const pattern: Choice[] = ['for', 'for', 'for', 'against', 'abstain'];
  const started = performance.now();
  const bundle = buildBundle({
    decisionId: '5f0c8a52-9d7e-4b8e-a1c3-6e2f1d0b9a84',
    items: [
      { no: 1, matter: 5 },
      { no: 2, matter: 6 },
    ],
    roll: Array.from({ length: HEADS }, (_, i) => ({ parts: [{ areaCenti: 5000 + (i % 97) * 113 }] })),
    ballots: Array.from({ length: BALLOTS }, (_, i) => ({
      head: i + 1,
      choices: { 1: pattern[i % 5]!, 2: pattern[(i + 1) % 5]! },
      channel: i % 10 === 0 ? ('paper' as const) : ('online' as const),
      at: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(),
    })),
    publish: [{ seq: BALLOTS + 1, publishedAt: '2026-12-16T00:00:01.000Z' }],
  });
  const file = join(dir, 'bundle.json');
  writeFileSync(file, JSON.stringify(bundle));
  if (process.env.BENCH_KEEP) say(`kept ${file}`);
  say(`built the bundle in ${Math.round(performance.now() - started)} ms: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, ${HEADS} heads, ${BALLOTS} ballots`);

  const time = (args: string[]): number => {
    const t = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - t;
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stdout.slice(0, 2000)}${run.stderr}`);
    return ms;
  };
  const verifier = join(ROOT, 'verifier/verify-decision.mjs');
  const parseOnly = ['-e', "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))", file];
  const verifies: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    parses.push(time(parseOnly));
    verifies.push(time([verifier, file]));
  }
  say(`verify runs: ${verifies.map((ms) => Math.round(ms)).join(', ')} ms; parse-only runs: ${parses.map((ms) => Math.round(ms)).join(', ')} ms`);
  say(`verify-decision ballots ${BALLOTS} verify ${Math.round(median(verifies))} ms (parse alone ${Math.round(median(parses))} ms)`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
