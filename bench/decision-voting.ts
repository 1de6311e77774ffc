import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { SYSTEM_ACTOR, insertPlace } from '../server/kernel/access/index.ts';
import { createAccount } from '../server/kernel/auth/accounts.ts';
import { createSession } from '../server/kernel/auth/sessions.ts';
import { bootKernel } from '../server/kernel/boot.ts';
import { ManualClock } from '../server/kernel/clock.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { type Ctx, write } from '../server/kernel/context.ts';
import { newId } from '../server/kernel/ids.ts';
import { createDecision } from '../server/modules/decisions/use-cases/create-decision.ts';
import { applyOpen } from '../server/modules/decisions/use-cases/open-decision.ts';
import { publishRoll } from '../server/modules/decisions/use-cases/publish-roll.ts';
import { appDb } from '../server/app.ts';
import { HOST } from './util.ts';

/**
 * A compound's 3,000 owners voting online at 100 concurrent connections, on the embedded default: a compound of
 * 3,000 flats, each with its owner's account, the roll published and voting open. Each owner, as a real phone
 * would, opens the decision, asks for the SMS code (read from the sandbox), and casts a ballot on two items; 100
 * owners at a time. The baseline is the same owners opening the decision page (a read) at the same concurrency.
 * The load runs in the server's process (the codes come from its SMS sandbox), so its own cost is in the figures.
 * Last line: `decision-voting owners 3000 recorded <n> ballot p99 <ms> ms code p99 <ms> ms (page alone p99 <ms> ms)`.
 */
const OWNERS = Number(process.env.BENCH_OWNERS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const DAY = 24 * 60 * 60_000;

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-voting-'));
const config = loadConfig({ GZ_DATA_DIR: dataDir, GZ_HOST: HOST, GZ_PORT: '0', GZ_LOG_LEVEL: 'silent' });
const clock = new ManualClock(Date.now());
const kernel = await bootKernel(config, clock);
const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
const p = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

try {
  // ——— a compound of OWNERS flats: 30 buildings × 100 flats, one owner each, each with an account ———
  const started = Date.now();
  const { compoundId, accounts } = await write(system, async (tx) => {
    const street = await insertPlace(tx, { parent: null, kind: 'street', name: '压测街道' });
    const community = await insertPlace(tx, { parent: street, kind: 'community', name: '压测社区' });
    const compound = await insertPlace(tx, { parent: community, kind: 'compound', name: '压测小区' });
    await tx.insertInto('reg_compounds' as never).values({ street_id: street.id, place_id: compound.id, management_mode: 'professional' } as never).execute();
    const rooms: { id: string }[] = [];
    for (let b = 0; b * 100 < OWNERS; b++) {
      const building = await insertPlace(tx, { parent: compound, kind: 'building', name: `${b + 1}栋` });
      const unit = await insertPlace(tx, { parent: building, kind: 'unit', name: '1单元' });
      for (let r = 0; r < 100 && b * 100 + r < OWNERS; r++) rooms.push(await insertPlace(tx, { parent: unit, kind: 'room', name: String(101 + r) }));
    }
    const people = rooms.map((room, i) => ({ room: room.id, person: newId(), phone: `136${String(i).padStart(8, '0')}`, area: 6000 + (i % 7) * 1250 }));
    for (let i = 0; i < people.length; i += 500) {
      const chunk = people.slice(i, i + 500);
      await tx.insertInto('reg_rooms' as never).values(chunk.map((x) => ({ street_id: street.id, place_id: x.room, area_centi: x.area, area_source: 'register', use: 'residential' })) as never).execute();
      await tx
        .insertInto('reg_persons' as never)
        .values(chunk.map((x, j) => ({ street_id: street.id, id: x.person, place_id: compound.id, name: `业主${i + j}`, phone_masked: x.phone })) as never)
        .execute();
      await tx
        .insertInto('reg_households' as never)
        .values(chunk.map((x) => ({ street_id: street.id, id: newId(), room_id: x.room, person_id: x.person, relation: 'owner', share_bp: 10000 })) as never)
        .execute();
    }
    const accounts: { phone: string; id: string }[] = [];
    for (const x of people) accounts.push({ phone: x.phone, id: await createAccount(tx, kernel.pii, { phone: x.phone, displayName: x.phone, password: 'x', passwordHash: 'x', personId: x.person }) });
    return { compoundId: compound.id, accounts };
  });
  process.stdout.write(`${OWNERS} flats, owners and sessions in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // Building the app wires the modules' declarations (templates, approvals) into the kernel: before any use case.
  const app = await buildApp(kernel, { logger: false });
  await app.listen({ host: HOST, port: 0 });
  const { id } = await createDecision(system, {
    placeId: compoundId,
    title: '压测表决',
    organiserKind: 'owners_committee',
    organiserAuthority: '压测',
    items: [
      { title: '事项一', matter: 4 },
      { title: '事项二', matter: 6 },
    ],
  });
  await publishRoll(system, id);
  clock.advance(16 * DAY);
  await write(system, (tx) => applyOpen(tx, system, { decisionId: id }));
  // Signed in as the vote opens (a session made now, as the sign-in route would make it).
  const owners = await write(system, async (tx) => {
    const out: { phone: string; token: string; csrf: string }[] = [];
    for (const a of accounts) {
      const s = await createSession(tx, a.id, clock.now());
      out.push({ phone: a.phone, token: s.token, csrf: s.csrfToken });
    }
    return out;
  });

  const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
  const headers = (o: (typeof owners)[number]) => ({ cookie: `gz_session=${o.token}`, 'x-csrf-token': o.csrf, 'content-type': 'application/json' });

  /** Runs `work` for every owner, CONNECTIONS at a time; answers each call's latency. */
  async function drive(work: (o: (typeof owners)[number], i: number) => Promise<number>): Promise<number[]> {
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < owners.length) {
          const i = next++;
          times.push(await work(owners[i]!, i));
        }
      }),
    );
    return times;
  }
  const timed = async (url: string, init: RequestInit, expect: number) => {
    const t0 = performance.now();
    const res = await fetch(url, init);
    const body = await res.text();
    if (res.status !== expect) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${body}`);
    return { ms: performance.now() - t0, body };
  };

  // Baseline: every owner opens the decision page, 100 at a time.
  const page = await drive(async (o) => (await timed(`${base}/api/me/decisions/${id}`, { headers: headers(o) }, 200)).ms);
  const entryOf = new Map<string, string>();
  await drive(async (o) => {
    const r = await timed(`${base}/api/me/decisions/${id}`, { headers: headers(o) }, 200);
    entryOf.set(o.phone, JSON.parse(r.body).entries[0].id);
    return r.ms;
  });

  const codeTimes: number[] = [];
  const t0 = Date.now();
  const ballot = await drive(async (o, i) => {
    codeTimes.push((await timed(`${base}/api/me/decisions/${id}/ballot-code`, { method: 'POST', headers: headers(o), body: '{}' }, 200)).ms);
    const text = kernel.sms.outbox!.list({ phone: o.phone })[0]!.text;
    const code = /(\d{6})/.exec(text)![1]!;
    const body = JSON.stringify({ entryId: entryOf.get(o.phone), choices: { 1: 'for', 2: i % 5 ? 'for' : 'against' }, code, requestKey: `bench-${i}-0001` });
    return (await timed(`${base}/api/me/decisions/${id}/ballot`, { method: 'POST', headers: headers(o), body }, 201)).ms;
  });
  const seconds = (Date.now() - t0) / 1000;
  const recorded = await appDb(kernel).selectFrom('dec_ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('decision_id', '=', id).where('status', '=', 'counted').executeTakeFirstOrThrow();
  await app.close();
  process.stdout.write(`page (baseline)   p50 ${p(page, 0.5).toFixed(0)} ms   p99 ${p(page, 0.99).toFixed(0)} ms\n`);
  process.stdout.write(`ballot code       p50 ${p(codeTimes, 0.5).toFixed(0)} ms   p99 ${p(codeTimes, 0.99).toFixed(0)} ms\n`);
  process.stdout.write(`ballot            p50 ${p(ballot, 0.5).toFixed(0)} ms   p99 ${p(ballot, 0.99).toFixed(0)} ms   ${OWNERS} owners in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(
    `decision-voting owners ${OWNERS} recorded ${Number(recorded.n)} ballot p99 ${p(ballot, 0.99).toFixed(0)} ms code p99 ${p(codeTimes, 0.99).toFixed(0)} ms (page alone p99 ${p(page, 0.99).toFixed(0)} ms)\n`,
  );
} finally {
  await kernel.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
