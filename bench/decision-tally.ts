import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDb, buildApp } from '../server/app.ts';
import { SYSTEM_ACTOR, insertPlace } from '../server/kernel/access/index.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, write } from '../server/kernel/context.ts';
import { newId } from '../server/kernel/ids.ts';
import { countedBallots, loadDecisionRow } from '../server/modules/decisions/decisions.repository.ts';
import { countDecision } from '../server/modules/decisions/use-cases/count-decision.ts';
import { createDecision } from '../server/modules/decisions/use-cases/create-decision.ts';
import { HOST } from './util.ts';

/**
 * The tally of 20,000 ballots from raw rows, on the embedded default: a decision with a roll of 20,000 heads and
 * a counted ballot for each on three items, counted as closing counts it (read the raw ballots with each head's
 * area, then tally.ts's integer arithmetic). The baseline is the read alone. Median of 7 runs after 2 warm-ups.
 * Last line: `decision-tally ballots 20000 tally <ms> ms (read <ms> ms, count <ms> ms)`.
 */
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 20_000);
const RUNS = 7;

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-tally-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const kernel = await bootKernel(config);
const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const app = await buildApp(kernel, { logger: false });
  const compoundId = await write(system, async (tx) => {
    const street = await insertPlace(tx, { parent: null, kind: 'street', name: '压测街道' });
    const community = await insertPlace(tx, { parent: street, kind: 'community', name: '压测社区' });
    return (await insertPlace(tx, { parent: community, kind: 'compound', name: '压测小区' })).id;
  });
  const items = [
    { title: '事项一', matter: 4 },
    { title: '事项二', matter: 5 },
    { title: '事项三', matter: 6 },
  ];
  const { id } = await createDecision(system, { placeId: compoundId, title: '计票压测', organiserKind: 'owners_committee', organiserAuthority: '压测', items });
  const d = (await loadDecisionRow(appDb(kernel), id))!;
  const choices = ['for', 'for', 'for', 'against', 'abstain'] as const;
  let total = 0;
  await write(system, async (tx) => {
    for (let start = 0; start < BALLOTS; start += 1000) {
      const entries = Array.from({ length: Math.min(1000, BALLOTS - start) }, (_, j) => ({
        street_id: d.street_id,
        id: newId(),
        decision_id: id,
        no: start + j + 1,
        kind: 'owners' as const,
        area_centi: 5000 + ((start + j) % 97) * 113,
        label: '业*',
      }));
      total += entries.reduce((s, e) => s + e.area_centi, 0);
      await tx.insertInto('dec_roll_entries' as never).values(entries as never).execute();
      await tx
        .insertInto('dec_ballots' as never)
        .values(
          entries.map((e, j) => ({
            street_id: d.street_id,
            id: newId(),
            decision_id: id,
            entry_id: e.id,
            channel: 'online',
            choices: JSON.stringify({ 1: choices[j % 5], 2: choices[(j + 1) % 5], 3: choices[(j + 2) % 5] }),
            status: 'counted',
            request_key: `bench-${e.id}`,
            cast_at: new Date(),
          })) as never,
        )
        .execute();
    }
    await tx.updateTable('dec_decisions' as never).set({ total_heads: BALLOTS + 500, total_area_centi: total + 500 * 5000, status: 'open' } as never).where('id' as never, '=', id as never).execute();
  });
  const decision = (await loadDecisionRow(appDb(kernel), id))!;

  const reads: number[] = [];
  const tallies: number[] = [];
  let last: Awaited<ReturnType<typeof countDecision>> | undefined;
  for (let run = 0; run < RUNS + 2; run++) {
    const r0 = performance.now();
    await countedBallots(appDb(kernel), decision.street_id, id);
    const r1 = performance.now();
    last = await countDecision(appDb(kernel), decision);
    const r2 = performance.now();
    if (run >= 2) {
      reads.push(r1 - r0);
      tallies.push(r2 - r1);
    }
  }
  await app.close();
  const read = median(reads);
  const full = median(tallies);
  process.stdout.write(`${BALLOTS} ballots on ${decision.total_heads} heads: item 1 for ${last!.items[0]!.for.heads} heads, passed ${last!.items.map((i) => i.passed).join('/')}\n`);
  process.stdout.write(`decision-tally ballots ${BALLOTS} tally ${full.toFixed(0)} ms (read ${read.toFixed(0)} ms, count ${(full - read).toFixed(0)} ms)\n`);
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
